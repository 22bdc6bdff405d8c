namespace ServerlessInApp.Core.Campaigns;

public sealed record CampaignLimits
{
    public int? Daily { get; init; }
    public int? MaximumDuration { get; init; }
    public int? MessagesPerSecond { get; init; }
    public int? Total { get; init; }
    public int? Session { get; init; }
}
