namespace ServerlessInApp.Core.Segments;

/// <summary>
/// Matches an attribute: INCLUSIVE (default), EXCLUSIVE, CONTAINS (substring), or the date comparisons
/// BEFORE, AFTER, BETWEEN (two values) and ON (same UTC date), with values read as ISO-8601 instants.
/// </summary>
public sealed record AttributeDimension
{
    public string? AttributeType { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
}
