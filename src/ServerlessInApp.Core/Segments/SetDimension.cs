namespace ServerlessInApp.Core.Segments;

/// <summary>A set of values that includes (INCLUSIVE, the default) or excludes (EXCLUSIVE).</summary>
public sealed record SetDimension
{
    public string? DimensionType { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
}
