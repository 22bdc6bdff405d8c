using ServerlessInApp.Core.Campaigns;

namespace ServerlessInApp.Functions.Pinpoint;

public sealed record TreatmentResource
{
    public required string Id { get; init; }
    public CampaignMessageConfiguration? MessageConfiguration { get; init; }
    public required int SizePercent { get; init; }
    public CampaignState? State { get; init; }
    public CampaignTemplateConfiguration? TemplateConfiguration { get; init; }
    public string? TreatmentDescription { get; init; }
    public string? TreatmentName { get; init; }
}
