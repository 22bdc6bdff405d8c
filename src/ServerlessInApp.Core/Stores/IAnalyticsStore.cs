using ServerlessInApp.Core.Displays;
using ServerlessInApp.Core.Metrics;

namespace ServerlessInApp.Core.Stores;

/// <summary>Display counters, per-event contributions and per-campaign daily metrics.</summary>
public interface IAnalyticsStore
{
    /// <summary>The endpoint's counters for one campaign and for all messages (empty ones when none is stored).</summary>
    Task<(DisplayCounter Campaign, DisplayCounter App)> GetCountersAsync(string appId, string endpointId, string campaignId, CancellationToken ct);

    /// <summary>
    /// For a display, in one transaction: records the event's contribution (unless the event was recorded before)
    /// and writes the counters (each only if its Revision is still the one
    /// read). Returns Recorded; Duplicate with the contribution stored earlier; or Conflict when a counter changed
    /// meanwhile. With <paramref name="firstDisplay"/> it also claims the endpoint's first display for that campaign,
    /// treatment and UTC day (a unique display, counted once per day in any delivery order); ClaimTaken with that
    /// campaign when another event holds it.
    /// </summary>
    Task<RecordResult> RecordAsync(EventContribution contribution, IReadOnlyList<DisplayCounter> counters, MetricKey? firstDisplay, CancellationToken ct);

    /// <summary>
    /// Adds not-yet-applied contributions to the daily metrics, one update per metric key for the whole set, and in the
    /// same transaction marks each recorded contribution applied and records each new one as applied (unless its event
    /// was recorded before), so each is added exactly once even with redeliveries and concurrent consumers.
    /// </summary>
    Task ApplyAsync(IReadOnlyList<EventContribution> contributions, CancellationToken ct);

    /// <summary>
    /// Moves the endpoint's current session to <paramref name="session"/> unless a later one is stored; returns whether
    /// <paramref name="session"/> is the current session afterwards (false for a session older than the stored one).
    /// </summary>
    Task<bool> StartSessionAsync(string appId, string endpointId, SessionMarker session, CancellationToken ct);

    Task<IReadOnlyList<DailyMetrics>> GetMetricsAsync(string appId, string campaignId, string fromDay, string toDay, CancellationToken ct);
}
