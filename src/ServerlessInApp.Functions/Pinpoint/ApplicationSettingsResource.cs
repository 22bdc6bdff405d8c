using ServerlessInApp.Core.Campaigns;

namespace ServerlessInApp.Functions.Pinpoint;

/// <summary>Pinpoint's ApplicationSettingsResource, plus our InAppMessagesMode (clients ignore members they do not know).</summary>
public sealed record ApplicationSettingsResource
{
    public required string ApplicationId { get; init; }
    public string? LastModifiedDate { get; init; }
    public CampaignLimits? Limits { get; init; }
    public QuietTime? QuietTime { get; init; }
    public string? InAppMessagesMode { get; init; }
}
