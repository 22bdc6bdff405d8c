using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Endpoints;
using ServerlessInApp.Core.Entitlements;
using ServerlessInApp.Core.Events;
using ServerlessInApp.Core.Stores;

namespace ServerlessInApp.Core.UseCases;

/// <summary>
/// Turns a batch of queued events into entitlements. Every record counts as failed until its writes succeed, so a
/// failure hands back only the records it affected and the rest of the batch is not processed again.
/// </summary>
public sealed class TriggerEvaluation(CatalogCache catalogs, IEndpointStore endpoints, TimeProvider clock)
{
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
                var listening = group
                    .Where(r => catalog.CandidatesFor(r.Event!.Body.EventType ?? "").Any())
                    .Select(r => r.Event!.EndpointId)
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                profiles = listening.Count == 0
                    ? new Dictionary<string, Endpoint>()
                    : await endpoints.GetManyAsync(app.Key, listening, ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                failed.AddRange(group.Select(r => r.RecordId));
                continue;
            }

            foreach (var record in group)
            {
                var e = record.Event!;
                evaluated++;
                var endpoint = profiles.GetValueOrDefault(e.EndpointId) ?? Endpoint.Unregistered(e.ApplicationId, e.EndpointId);
                try
                {
                    // Inside the try: whatever one record does, only that record is reported failed, never its batch.
                    var entitlements = TriggerEvaluator.Evaluate(e, endpoint, catalog, now);
                    foreach (var entitlement in entitlements)
                    {
                        await endpoints.GrantAsync(entitlement, ct);
                    }
                    granted += entitlements.Count;
                }
                catch (Exception) when (!ct.IsCancellationRequested)
                {
                    failed.Add(record.RecordId);
                }
            }
        }
        return new TriggerBatchResult(failed, evaluated, granted, dropped);
    }
}
