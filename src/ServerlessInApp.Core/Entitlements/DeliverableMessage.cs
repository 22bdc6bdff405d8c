using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Displays;
using ServerlessInApp.Core.Messages;

namespace ServerlessInApp.Core.Entitlements;

/// <summary>
/// A campaign an endpoint may be shown now, with what GetInAppMessages tells the device about it: the treatment's
/// message, the caps that apply (campaign limits, else the app's), and when it ends for this endpoint.
/// </summary>
public sealed record DeliverableMessage(LiveCampaign Campaign, string TreatmentId)
{
    public InAppMessage Message => Campaign.Campaign.MessageFor(TreatmentId);
    public Caps Caps { get; init; } = Caps.For(Campaign.Campaign.Definition.Limits, null);
    public DateTimeOffset? EndDate { get; init; } = Campaign.End;
    public QuietTime? QuietTime { get; init; } = Campaign.Campaign.Definition.Schedule?.QuietTime;
}
