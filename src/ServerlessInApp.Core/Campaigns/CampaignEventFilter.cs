namespace ServerlessInApp.Core.Campaigns;

public sealed record CampaignEventFilter
{
    public string? FilterType { get; init; }
    public EventDimensions? Dimensions { get; init; }
}
