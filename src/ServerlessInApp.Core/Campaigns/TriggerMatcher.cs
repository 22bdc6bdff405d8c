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

        if (dimensions.Attributes is { } attributes)
        {
            foreach (var (name, dimension) in attributes)
            {
                if (!DimensionMatcher.Matches(dimension, e.Attributes?.GetValueOrDefault(name))) return false;
            }
        }
        if (dimensions.Metrics is { } metrics)
        {
            foreach (var (name, dimension) in metrics)
            {
                double? value = e.Metrics is not null && e.Metrics.TryGetValue(name, out var v) ? v : null;
                if (!DimensionMatcher.Matches(dimension, value)) return false;
            }
        }
        return true;
    }
}
