namespace ServerlessInApp.Core.Segments;

/// <summary>
/// The dimensions of a segment; all must hold. Location and Behavior are Pinpoint members we do not evaluate,
/// so validation rejects them instead of silently matching everyone.
/// </summary>
public sealed record SegmentDimensions
{
    public IReadOnlyDictionary<string, AttributeDimension>? Attributes { get; init; }
    public IReadOnlyDictionary<string, AttributeDimension>? UserAttributes { get; init; }
    public IReadOnlyDictionary<string, MetricDimension>? Metrics { get; init; }
    public SegmentDemographics? Demographic { get; init; }
    public System.Text.Json.JsonElement? Location { get; init; }
    public System.Text.Json.JsonElement? Behavior { get; init; }
}
