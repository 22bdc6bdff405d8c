using ServerlessInApp.Core.Messages;

namespace ServerlessInApp.Core.Campaigns;

/// <summary>
/// A stored campaign. <see cref="Message"/> is what devices are shown: the inline message, or the template's content
/// resolved when the campaign was last written (so a fetch never reads templates).
/// </summary>
public sealed record Campaign(
    string ApplicationId,
    string Id,
    int Version,
    CampaignDefinition Definition,
    InAppMessage Message,
    DateTimeOffset CreationDate,
    DateTimeOffset LastModifiedDate);
