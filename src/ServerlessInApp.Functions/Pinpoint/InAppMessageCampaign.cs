using ServerlessInApp.Core.Messages;

namespace ServerlessInApp.Functions.Pinpoint;

/// <summary>One campaign in GetInAppMessages. The caps come from the campaign's Limits (0 means no cap).</summary>
public sealed record InAppMessageCampaign
{
    public required string CampaignId { get; init; }
    public int DailyCap { get; init; }
    public required InAppMessage InAppMessage { get; init; }
    public int? Priority { get; init; }
    public required InAppCampaignSchedule Schedule { get; init; }
    public int SessionCap { get; init; }
    public int TotalCap { get; init; }
    public required string TreatmentId { get; init; }
}
