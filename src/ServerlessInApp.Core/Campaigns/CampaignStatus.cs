namespace ServerlessInApp.Core.Campaigns;

/// <summary>Pinpoint's CampaignStatus values, derived from a campaign's schedule, pause flag and segment.</summary>
public static class CampaignStatus
{
    public const string Scheduled = "SCHEDULED";
    public const string Executing = "EXECUTING";
    public const string Completed = "COMPLETED";
    public const string Paused = "PAUSED";
    public const string Deleted = "DELETED";
}
