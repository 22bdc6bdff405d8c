using ServerlessInApp.Core.Campaigns;

namespace ServerlessInApp.Functions.Pinpoint;

/// <summary>GetInAppMessages' schedule shape (EndDate, not the campaign's EndTime).</summary>
public sealed record InAppCampaignSchedule
{
    public string? EndDate { get; init; }
    public CampaignEventFilter? EventFilter { get; init; }
    public QuietTime? QuietTime { get; init; }
}
