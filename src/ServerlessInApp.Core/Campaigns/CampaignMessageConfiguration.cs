namespace ServerlessInApp.Core.Campaigns;

public sealed record CampaignMessageConfiguration
{
    public CampaignInAppMessage? InAppMessage { get; init; }
}
