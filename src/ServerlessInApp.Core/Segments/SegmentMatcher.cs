using ServerlessInApp.Core.Endpoints;

namespace ServerlessInApp.Core.Segments;

/// <summary>Whether an endpoint's stored profile is in a segment: every dimension must hold.</summary>
public static class SegmentMatcher
{
    public static bool Matches(SegmentDimensions? dimensions, Endpoint endpoint)
    {
        if (dimensions is null) return true;

        foreach (var (name, dimension) in dimensions.Attributes ?? Empty<AttributeDimension>())
        {
            if (!DimensionMatcher.Matches(dimension, endpoint.Attributes.GetValueOrDefault(name))) return false;
        }
        var userAttributes = endpoint.User?.UserAttributes;
        foreach (var (name, dimension) in dimensions.UserAttributes ?? Empty<AttributeDimension>())
        {
            if (!DimensionMatcher.Matches(dimension, userAttributes?.GetValueOrDefault(name))) return false;
        }
        foreach (var (name, dimension) in dimensions.Metrics ?? Empty<MetricDimension>())
        {
            double? value = endpoint.Metrics.TryGetValue(name, out var v) ? v : null;
            if (!DimensionMatcher.Matches(dimension, value)) return false;
        }
        return Demographic(dimensions.Demographic, endpoint);
    }

    private static bool Demographic(SegmentDemographics? d, Endpoint endpoint)
    {
        if (d is null) return true;
        var demographic = endpoint.Demographic;
        return Holds(d.AppVersion, demographic?.AppVersion)
            && Holds(d.Channel, endpoint.ChannelType)
            && Holds(d.DeviceType, demographic?.Platform)
            && Holds(d.Make, demographic?.Make)
            && Holds(d.Model, demographic?.Model)
            && Holds(d.Platform, demographic?.Platform)
            && Holds(d.Locale, demographic?.Locale);
    }

    private static bool Holds(SetDimension? dimension, string? value) =>
        dimension is null || DimensionMatcher.Matches(dimension, value);

    private static IReadOnlyDictionary<string, T> Empty<T>() => EmptyMap<T>.Instance;

    private static class EmptyMap<T>
    {
        public static readonly IReadOnlyDictionary<string, T> Instance = new Dictionary<string, T>();
    }
}
