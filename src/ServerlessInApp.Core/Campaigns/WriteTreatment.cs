namespace ServerlessInApp.Core.Campaigns;

/// <summary>One additional treatment (A/B variant) of a campaign: its share of the audience and its own message.</summary>
public sealed record WriteTreatment
{
    public int? SizePercent { get; init; }
    public CampaignMessageConfiguration? MessageConfiguration { get; init; }
    public CampaignTemplateConfiguration? TemplateConfiguration { get; init; }
    public System.Text.Json.JsonElement? Schedule { get; init; }
    public string? TreatmentName { get; init; }
    public string? TreatmentDescription { get; init; }
}
