namespace ServerlessInApp.Core.Segments;

public sealed record MetricDimension
{
    public string? ComparisonOperator { get; init; }
    public double? Value { get; init; }
}
