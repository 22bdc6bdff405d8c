using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Displays;
using ServerlessInApp.Core.Endpoints;
using ServerlessInApp.Core.Entitlements;
using ServerlessInApp.Core.Events;
using ServerlessInApp.Core.Metrics;
using ServerlessInApp.Core.Schedules;
using ServerlessInApp.Core.Stores;
using ServerlessInApp.Core.Treatments;
using ServerlessInApp.Core.Validation;

namespace ServerlessInApp.Core.UseCases;

/// <summary>
/// Turns a batch of queued events into entitlements, display counts and metrics. Every record counts as failed until
/// its writes succeed, so a failure hands back only the records it affected and the rest of the batch is not
/// processed again. Every effect is idempotent per event: entitlements are rewritten identically, display counts and
/// metric contributions are recorded once per event id, and contributions are added to the metrics exactly once.
/// </summary>
public sealed class TriggerEvaluation(CatalogCache catalogs, IEndpointStore endpoints, IAnalyticsStore analytics, TimeProvider clock)
{
    private const int MaxCounterAttempts = 12;

    public async Task<TriggerBatchResult> ProcessAsync(IReadOnlyList<QueuedRecord> records, CancellationToken ct)
    {
        var failed = new List<string>();
        int evaluated = 0, granted = 0, dropped = 0;
        failed.AddRange(records.Where(r => r.Event is null).Select(r => r.RecordId));

        foreach (var app in records.Where(r => r.Event is not null).GroupBy(r => r.Event!.ApplicationId))
        {
            var group = app.ToList();
            CampaignCatalog? catalog;
            IReadOnlyDictionary<string, Endpoint> profiles;
            var now = clock.GetUtcNow();
            try
            {
                catalog = await catalogs.GetCurrentAsync(app.Key, ct);
                if (catalog is null)
                {
                    dropped += group.Count;
                    continue;
                }
                var needed = group
                    .Where(r => InAppEventTypes.IsAnalytics(r.Event!.Body.EventType) || catalog.CandidatesFor(r.Event!.Body).Count > 0)
                    .Select(r => r.Event!.EndpointId)
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                profiles = needed.Count == 0 ? new Dictionary<string, Endpoint>() : await endpoints.GetManyAsync(app.Key, needed, ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                failed.AddRange(group.Select(r => r.RecordId));
                continue;
            }

            var pending = new List<(string RecordId, EventContribution Contribution)>();
            foreach (var record in group)
            {
                var e = record.Event!;
                evaluated++;
                var endpoint = profiles.GetValueOrDefault(e.EndpointId) ?? Endpoint.Unregistered(e.ApplicationId, e.EndpointId);
                try
                {
                    EventContribution? contribution;
                    if (InAppEventTypes.IsAnalytics(e.Body.EventType))
                    {
                        contribution = await RecordAnalyticsAsync(e, endpoint, catalog, ct);
                    }
                    else
                    {
                        var (count, first) = await GrantAsync(e, endpoint, catalog, now, ct);
                        granted += count;
                        contribution = first;
                        if (e.Body.EventType == InAppEventTypes.SessionStart && Session(e) is { } session)
                        {
                            await analytics.StartSessionAsync(e.ApplicationId, e.EndpointId, session, ct);
                        }
                    }
                    if (contribution is { Applied: false }) pending.Add((record.RecordId, contribution));
                }
                catch (Exception) when (!ct.IsCancellationRequested)
                {
                    failed.Add(record.RecordId);
                }
            }

            if (pending.Count == 0) continue;
            try
            {
                await analytics.ApplyAsync(pending.Select(p => p.Contribution).ToList(), ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // Nothing of the failed write took effect: the redelivered records record and apply their contributions
                // (a display's stays recorded as not applied, and is applied then).
                failed.AddRange(pending.Select(p => p.RecordId).Where(id => !failed.Contains(id)));
            }
        }
        return new TriggerBatchResult(failed, evaluated, granted, dropped);
    }

    /// <summary>
    /// Writes the entitlements the event earns; returns how many can be shown and the contribution of those it newly
    /// entitled the endpoint to (Entitled, or Holdout), recorded once per event id.
    /// </summary>
    private async Task<(int Shown, EventContribution? Contribution)> GrantAsync(
        AppEvent e, Endpoint endpoint, CampaignCatalog catalog, DateTimeOffset now, CancellationToken ct)
    {
        var entitlements = TriggerEvaluator.Evaluate(e, endpoint, catalog, now);
        if (entitlements.Count == 0) return (0, null);

        var newlyEntitled = new List<MetricContribution>();
        foreach (var entitlement in entitlements)
        {
            if (!await endpoints.GrantAsync(entitlement, ct)) continue;
            // This event newly entitled the endpoint (in every delivery of it, and no other event did).
            var holdout = entitlement.TreatmentId == TreatmentAssignment.Holdout;
            newlyEntitled.Add(new MetricContribution(
                new MetricKey(entitlement.CampaignId, entitlement.TreatmentId, LocalTime.Day(entitlement.GrantedAt, TimeZoneInfo.Utc)),
                MetricCounts.Zero with { Entitled = holdout ? 0 : 1, Holdout = holdout ? 1 : 0 }));
        }
        var shown = entitlements.Count(x => x.TreatmentId != TreatmentAssignment.Holdout);
        if (newlyEntitled.Count == 0) return (shown, null);
        return (shown, EventContribution.New(e.ApplicationId, e.EndpointId, e.EventId, newlyEntitled));
    }

    /// <summary>
    /// A display, click or dismissal: counts toward caps (displays only) and adds to the campaign's metrics, once per
    /// event id. Events for campaigns the app does not have are dropped.
    /// </summary>
    private async Task<EventContribution?> RecordAnalyticsAsync(AppEvent e, Endpoint endpoint, CampaignCatalog catalog, CancellationToken ct)
    {
        var attributes = e.Body.Attributes;
        if (attributes?.GetValueOrDefault(InAppEventTypes.CampaignIdAttribute) is not { } campaignId
            || !catalog.Campaigns.TryGetValue(campaignId, out var campaign)
            || !Check.TryParseInstant(e.Body.Timestamp ?? "", out var at))
        {
            return null;
        }
        var treatment = attributes.GetValueOrDefault(InAppEventTypes.TreatmentIdAttribute) is { Length: > 0 } t ? t : "0";
        var key = new MetricKey(campaignId, treatment, LocalTime.Day(at, TimeZoneInfo.Utc));
        var session = Session(e);

        if (e.Body.EventType != InAppEventTypes.Displayed)
        {
            var counts = e.Body.EventType == InAppEventTypes.Clicked ? MetricCounts.Zero with { Clicked = 1 } : MetricCounts.Zero with { Dismissed = 1 };
            return EventContribution.New(e.ApplicationId, e.EndpointId, e.EventId, [new(key, counts)]);
        }

        // A late display from a session older than the current one counts toward the total and its day, not toward
        // the current session's cap (nor does it make its old session the counter's session again).
        if (session is not null && !await analytics.StartSessionAsync(e.ApplicationId, e.EndpointId, session, ct)) session = null;
        var localDay = LocalTime.Day(at, LocalTime.Resolve(endpoint.Demographic?.Timezone));
        var caps = Caps.For(campaign.Campaign.Definition.Limits, catalog.Settings.Limits);
        // A unique display is the endpoint's first display of the metric row (campaign, treatment, UTC day), claimed
        // with the contribution: whichever event of that day gets there first, in any delivery order.
        var firstDisplay = key;
        for (var attempt = 1; ; attempt++)
        {
            var (campaignCounter, appCounter) = await analytics.GetCountersAsync(e.ApplicationId, e.EndpointId, campaignId, ct);
            var decision = DisplayRules.Record(campaignCounter, appCounter, localDay, session?.SessionId, caps, catalog.Settings.Limits?.Daily);
            var counts = MetricCounts.Zero with { Displayed = 1, UniqueDisplayed = firstDisplay is null ? 0 : 1 };
            var contribution = new EventContribution(e.ApplicationId, e.EndpointId, e.EventId, [new(key, counts)], false);
            var counters = new List<DisplayCounter> { decision.Campaign };
            if (decision.App != appCounter) counters.Add(decision.App);

            var result = await analytics.RecordAsync(contribution, counters, firstDisplay, ct);
            if (result.Outcome == RecordOutcome.Recorded) return contribution;
            if (result.Outcome == RecordOutcome.Duplicate) return result.Earlier;
            if (result.Outcome == RecordOutcome.ClaimTaken)
            {
                // Another display of this endpoint was that day's unique one: record this one as a plain display.
                firstDisplay = null;
                continue;
            }
            if (attempt >= MaxCounterAttempts) throw new InvalidOperationException($"Display counters of endpoint {e.EndpointId} kept changing.");
            // Another consumer changed a counter between our read and write: read again after a short random pause.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 << Math.Min(attempt, 4))), ct);
        }
    }

    private static SessionMarker? Session(AppEvent e) =>
        e.Body.Session is { Id: { Length: > 0 } id } s && Check.TryParseInstant(s.StartTimestamp ?? "", out var started)
            ? new SessionMarker(id, started)
            : null;
}
