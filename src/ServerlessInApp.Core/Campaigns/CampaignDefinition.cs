using System.Text.Json.Serialization;

namespace ServerlessInApp.Core.Campaigns;

/// <summary>What an owner writes to create or update a campaign (the in-app subset of Pinpoint's WriteCampaignRequest).</summary>
public sealed record CampaignDefinition
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? SegmentId { get; init; }
    public int? SegmentVersion { get; init; }
    public CampaignMessageConfiguration? MessageConfiguration { get; init; }
    public CampaignTemplateConfiguration? TemplateConfiguration { get; init; }
    public CampaignSchedule? Schedule { get; init; }
    public CampaignLimits? Limits { get; init; }
    public int? Priority { get; init; }
    public bool? IsPaused { get; init; }
    public int? HoldoutPercent { get; init; }
    public string? TreatmentName { get; init; }
    public string? TreatmentDescription { get; init; }
    public IReadOnlyList<WriteTreatment>? AdditionalTreatments { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
