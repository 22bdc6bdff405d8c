using ServerlessInApp.Core.Events;
using ServerlessInApp.Core.Segments;

namespace ServerlessInApp.Core.Campaigns;

/// <summary>Whether an event satisfies a campaign's EventFilter: its type, every attribute and every metric dimension.</summary>
public static class TriggerMatcher
{
    public static bool Matches(CampaignEventFilter? filter, AppEventBody e)
    {
        var dimensions = filter?.Dimensions;
        if (dimensions?.EventType is null || e.EventType is null) return false;
        if (!DimensionMatcher.MatchesExactly(dimensions.EventType, e.EventType)) return false;

        foreach (var (name, dimension) in dimensions.Attributes ?? new Dictionary<string, AttributeDimension>())
        {
            if (!DimensionMatcher.Matches(dimension, e.Attributes?.GetValueOrDefault(name))) return false;
        }
        foreach (var (name, dimension) in dimensions.Metrics ?? new Dictionary<string, MetricDimension>())
        {
            double? value = e.Metrics is not null && e.Metrics.TryGetValue(name, out var v) ? v : null;
            if (!DimensionMatcher.Matches(dimension, value)) return false;
        }
        return true;
    }
}
