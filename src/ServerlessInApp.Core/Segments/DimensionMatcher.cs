using ServerlessInApp.Core.Validation;

namespace ServerlessInApp.Core.Segments;

/// <summary>
/// Pinpoint's documented dimension semantics (not Amplify's device shortcuts): EXCLUSIVE excludes, a metric
/// threshold of 0 is a real threshold, an absent attribute never satisfies INCLUSIVE and always satisfies EXCLUSIVE.
/// </summary>
public static class DimensionMatcher
{
    /// <summary>Matches an attribute that may hold several values (endpoint attributes); any value may satisfy it.</summary>
    public static bool Matches(AttributeDimension dimension, IReadOnlyList<string>? values)
    {
        var wanted = dimension.Values ?? [];
        var type = dimension.AttributeType ?? "INCLUSIVE";
        if (type == "EXCLUSIVE")
        {
            if (values is null) return true;
            foreach (var value in values)
            {
                if (ContainsOrdinal(wanted, value)) return false;
            }
            return true;
        }
        if (values is null || values.Count == 0) return false;
        foreach (var value in values)
        {
            if (Satisfies(type, wanted, value)) return true;
        }
        return false;
    }

    /// <summary>Matches an event attribute, which holds one value (as the list overload would on a list of it).</summary>
    public static bool Matches(AttributeDimension dimension, string? value)
    {
        var wanted = dimension.Values ?? [];
        var type = dimension.AttributeType ?? "INCLUSIVE";
        if (type == "EXCLUSIVE") return value is null || !ContainsOrdinal(wanted, value);
        return value is not null && Satisfies(type, wanted, value);
    }

    public static bool Matches(MetricDimension dimension, double? value)
    {
        if (value is not { } actual || dimension.Value is not { } threshold) return false;
        return dimension.ComparisonOperator switch
        {
            "GREATER_THAN" => actual > threshold,
            "LESS_THAN" => actual < threshold,
            "GREATER_THAN_OR_EQUAL" => actual >= threshold,
            "LESS_THAN_OR_EQUAL" => actual <= threshold,
            "EQUAL" => actual == threshold,
            _ => false,
        };
    }

    /// <summary>A set dimension on one value, compared case-insensitively (demographics, channel).</summary>
    public static bool Matches(SetDimension dimension, string? value)
    {
        var contains = value is not null && (dimension.Values ?? []).Contains(value, StringComparer.OrdinalIgnoreCase);
        return dimension.DimensionType == "EXCLUSIVE" ? !contains : contains;
    }

    /// <summary>The event type dimension: exact, case-sensitive, as event names are.</summary>
    public static bool MatchesExactly(SetDimension dimension, string value)
    {
        var contains = (dimension.Values ?? []).Contains(value, StringComparer.Ordinal);
        return dimension.DimensionType == "EXCLUSIVE" ? !contains : contains;
    }

    /// <summary>wanted.Contains(value, StringComparer.Ordinal), without the enumerator.</summary>
    private static bool ContainsOrdinal(IReadOnlyList<string> wanted, string? value)
    {
        for (var i = 0; i < wanted.Count; i++)
        {
            if (string.Equals(wanted[i], value, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static bool Satisfies(string type, IReadOnlyList<string> wanted, string value)
    {
        switch (type)
        {
            case "INCLUSIVE":
                return ContainsOrdinal(wanted, value);
            case "CONTAINS":
                return wanted.Any(w => value.Contains(w, StringComparison.Ordinal));
        }
        if (!Check.TryParseInstant(value, out var instant)) return false;
        var bounds = new List<DateTimeOffset>(wanted.Count);
        foreach (var w in wanted)
        {
            if (!Check.TryParseInstant(w, out var b)) return false;
            bounds.Add(b);
        }
        return type switch
        {
            "BEFORE" => instant < bounds[0],
            "AFTER" => instant > bounds[0],
            "ON" => instant.UtcDateTime.Date == bounds[0].UtcDateTime.Date,
            "BETWEEN" => bounds.Count == 2 && instant >= bounds[0] && instant <= bounds[1],
            _ => false,
        };
    }
}
