using ServerlessInApp.Core.Segments;

namespace ServerlessInApp.Core.Validation;

/// <summary>Rules for the dimensions shared by segments and event filters.</summary>
public static class DimensionRules
{
    public const int MaxNameLength = 50;
    public const int MaxValues = 100;
    public const int MaxValueLength = 200;

    private static string? Values(string field, IReadOnlyList<string>? values)
    {
        if (values is null || values.Count == 0) return $"{field} must have at least one value.";
        if (values.Count > MaxValues) return $"{field} has at most {MaxValues} values (got {values.Count}).";
        foreach (var value in values)
        {
            if (value is null) return $"{field} must be strings.";
            if (value.Length > MaxValueLength) return $"{field} values must be at most {MaxValueLength} characters.";
        }
        return null;
    }

    public static string? Set(string field, SetDimension? dimension, bool required = false)
    {
        if (dimension is null) return required ? $"{field} is required." : null;
        return Check.First(
            Check.OneOf($"{field}.DimensionType", dimension.DimensionType, WireValues.DimensionTypes),
            Values($"{field}.Values", dimension.Values));
    }

    public static string? Attributes(string field, IReadOnlyDictionary<string, AttributeDimension>? attributes)
    {
        if (attributes is null) return null;
        foreach (var (name, dimension) in attributes)
        {
            var error = Check.First(Name(field, name), Attribute($"{field}.{name}", dimension));
            if (error is not null) return error;
        }
        return null;
    }

    public static string? Metrics(string field, IReadOnlyDictionary<string, MetricDimension>? metrics)
    {
        if (metrics is null) return null;
        foreach (var (name, dimension) in metrics)
        {
            var error = Check.First(
                Name(field, name),
                dimension is null ? $"{field}.{name} must be an object." : null,
                Check.Required($"{field}.{name}.ComparisonOperator", dimension?.ComparisonOperator),
                Check.OneOf($"{field}.{name}.ComparisonOperator", dimension?.ComparisonOperator, WireValues.ComparisonOperators),
                dimension?.Value is null ? $"{field}.{name}.Value is required." : null,
                dimension?.Value is { } v && (double.IsNaN(v) || double.IsInfinity(v)) ? $"{field}.{name}.Value must be a finite number." : null);
            if (error is not null) return error;
        }
        return null;
    }

    private static string? Name(string field, string name) =>
        string.IsNullOrEmpty(name) ? $"{field} names must not be empty."
        : name.Length > MaxNameLength ? $"{field} name '{name[..20]}…' is longer than {MaxNameLength} characters."
        : null;

    private static string? Attribute(string field, AttributeDimension? dimension)
    {
        if (dimension is null) return $"{field} must be an object.";
        var error = Check.First(
            Check.OneOf($"{field}.AttributeType", dimension.AttributeType, WireValues.AttributeTypes),
            Values($"{field}.Values", dimension.Values));
        if (error is not null) return error;

        switch (dimension.AttributeType)
        {
            case "BETWEEN" when dimension.Values!.Count != 2:
                return $"{field}.Values must have exactly two dates (start, end) for BETWEEN.";
            case "BEFORE" or "AFTER" or "ON" when dimension.Values!.Count != 1:
                return $"{field}.Values must have exactly one date for {dimension.AttributeType}.";
            case "BEFORE" or "AFTER" or "ON" or "BETWEEN":
                foreach (var value in dimension.Values!)
                {
                    error = Check.IsoInstant($"{field}.Values", value);
                    if (error is not null) return error;
                }
                if (dimension.AttributeType == "BETWEEN" && Check.TryParseInstant(dimension.Values![0], out var from)
                    && Check.TryParseInstant(dimension.Values[1], out var to) && from > to)
                    return $"{field}.Values for BETWEEN must be the start and then the end (the start is after the end).";
                break;
        }
        return null;
    }
}
