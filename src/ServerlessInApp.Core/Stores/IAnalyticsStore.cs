using ServerlessInApp.Core.Displays;
using ServerlessInApp.Core.Metrics;

namespace ServerlessInApp.Core.Stores;

/// <summary>Display counters, per-event contributions and per-campaign daily metrics.</summary>
public interface IAnalyticsStore
{
    /// <summary>The endpoint's counters for one campaign and for all messages (empty ones when none is stored).</summary>
    Task<(DisplayCounter Campaign, DisplayCounter App)> GetCountersAsync(string appId, string endpointId, string campaignId, CancellationToken ct);

    /// <summary>
    /// In one transaction: records the event's contribution (unless the event was recorded before), writes the
    /// counters (each only if its Revision is still the one read), and claims "first entitlement" for each campaign in
    /// <paramref name="firstEntitlements"/> (each only if nobody claimed it before, so an endpoint is counted as newly
    /// entitled to a campaign once, whatever the order or number of deliveries). Returns Recorded; Duplicate with the
    /// contribution stored earlier; Conflict when a counter changed meanwhile; or ClaimTaken with the campaigns whose
    /// claim another event holds (drop their part and retry).
    /// </summary>
    Task<RecordResult> RecordAsync(EventContribution contribution, IReadOnlyList<DisplayCounter> counters,
        IReadOnlyList<string> firstEntitlements, CancellationToken ct);

    /// <summary>
    /// Adds not-yet-applied contributions to the daily metrics, one update per metric key for the whole set, and marks
    /// each contribution applied in the same transaction, so each is added exactly once even with concurrent consumers.
    /// </summary>
    Task ApplyAsync(IReadOnlyList<EventContribution> contributions, CancellationToken ct);

    /// <summary>Moves the endpoint's current session to <paramref name="session"/> unless a later one is stored.</summary>
    Task StartSessionAsync(string appId, string endpointId, SessionMarker session, CancellationToken ct);

    Task<IReadOnlyList<DailyMetrics>> GetMetricsAsync(string appId, string campaignId, string fromDay, string toDay, CancellationToken ct);
}
