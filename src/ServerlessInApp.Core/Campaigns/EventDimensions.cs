using ServerlessInApp.Core.Segments;

namespace ServerlessInApp.Core.Campaigns;

/// <summary>The trigger: the event's type, attributes and metrics.</summary>
public sealed record EventDimensions
{
    public SetDimension? EventType { get; init; }
    public IReadOnlyDictionary<string, AttributeDimension>? Attributes { get; init; }
    public IReadOnlyDictionary<string, MetricDimension>? Metrics { get; init; }
}
