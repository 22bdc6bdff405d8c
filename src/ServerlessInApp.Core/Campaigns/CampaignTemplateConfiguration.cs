namespace ServerlessInApp.Core.Campaigns;

public sealed record CampaignTemplateConfiguration
{
    public TemplateReference? InAppTemplate { get; init; }
}
