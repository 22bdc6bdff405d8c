using System.Text.Json.Serialization;
using ServerlessInApp.Core.Campaigns;

namespace ServerlessInApp.Functions.Pinpoint;

public sealed record CampaignResponse
{
    public IReadOnlyList<TreatmentResource>? AdditionalTreatments { get; init; }
    public required string ApplicationId { get; init; }
    public required string Arn { get; init; }
    public required string CreationDate { get; init; }
    public CampaignState? DefaultState { get; init; }
    public string? Description { get; init; }
    public int? HoldoutPercent { get; init; }
    public required string Id { get; init; }
    public bool? IsPaused { get; init; }
    public required string LastModifiedDate { get; init; }
    public CampaignLimits? Limits { get; init; }
    public CampaignMessageConfiguration? MessageConfiguration { get; init; }
    public string? Name { get; init; }
    public int? Priority { get; init; }
    public CampaignSchedule? Schedule { get; init; }
    public required string SegmentId { get; init; }
    public required int SegmentVersion { get; init; }
    public CampaignState? State { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public CampaignTemplateConfiguration? TemplateConfiguration { get; init; }
    public string? TreatmentDescription { get; init; }
    public string? TreatmentName { get; init; }
    public int? Version { get; init; }
}
