using System.Text.Json.Serialization;

namespace ServerlessInApp.Core.Segments;

/// <summary>What an owner writes to create or update a segment (Pinpoint's WriteSegmentRequest).</summary>
public sealed record SegmentDefinition
{
    public string? Name { get; init; }
    public SegmentDimensions? Dimensions { get; init; }
    public System.Text.Json.JsonElement? SegmentGroups { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
