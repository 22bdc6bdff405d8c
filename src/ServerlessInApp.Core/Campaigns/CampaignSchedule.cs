namespace ServerlessInApp.Core.Campaigns;

/// <summary>A campaign's schedule; dates are ISO-8601 strings as on the wire, StartTime may be "IMMEDIATE".</summary>
public sealed record CampaignSchedule
{
    public string? StartTime { get; init; }
    public string? EndTime { get; init; }
    public string? Frequency { get; init; }
    public CampaignEventFilter? EventFilter { get; init; }
    public bool? IsLocalTime { get; init; }
    public QuietTime? QuietTime { get; init; }
    public string? Timezone { get; init; }
}
