using System.Text.Json.Serialization;
using ServerlessInApp.Core.Segments;

namespace ServerlessInApp.Functions.Pinpoint;

public sealed record SegmentResponse
{
    public required string ApplicationId { get; init; }
    public required string Arn { get; init; }
    public required string CreationDate { get; init; }
    public SegmentDimensions? Dimensions { get; init; }
    public required string Id { get; init; }
    public string? LastModifiedDate { get; init; }
    public string? Name { get; init; }
    public required string SegmentType { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public int? Version { get; init; }
}
