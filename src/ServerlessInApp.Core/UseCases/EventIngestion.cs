using ServerlessInApp.Core.Events;
using ServerlessInApp.Core.Outcomes;
using ServerlessInApp.Core.Stores;
using ServerlessInApp.Core.Validation;

namespace ServerlessInApp.Core.UseCases;

/// <summary>
/// PutEvents: validates each event synchronously (a client learns at once which event is malformed), applies endpoint
/// data, and answers 202 for an event only once the events queue has it, so no accepted event is lost.
/// </summary>
public sealed class EventIngestion(IAppStore apps, EndpointRegistration endpoints, IEventQueue queue)
{
    public async Task<Outcome<IReadOnlyDictionary<string, EndpointEventsResult>>> PutEventsAsync(
        string appId, EventsSubmission? request, CancellationToken ct)
    {
        if (request?.BatchItem is not { Count: > 0 } batches)
            return Outcome<IReadOnlyDictionary<string, EndpointEventsResult>>.BadRequest("BatchItem is required and must name at least one endpoint.");
        var total = batches.Values.Sum(b => b?.Events?.Count ?? 0);
        if (total > EventRules.MaxEventsPerRequest)
            return Outcome<IReadOnlyDictionary<string, EndpointEventsResult>>.BadRequest(
                $"BatchItem holds {total} events; PutEvents takes at most {EventRules.MaxEventsPerRequest} per request.");
        if (await apps.GetAsync(appId, ct) is null)
            return AppAdministration.NotFound(appId).As<IReadOnlyDictionary<string, EndpointEventsResult>>();

        var endpointStatus = new Dictionary<string, ItemStatus>(StringComparer.Ordinal);
        var eventStatus = new Dictionary<string, Dictionary<string, ItemStatus>>(StringComparer.Ordinal);
        var accepted = new List<AppEvent>();

        foreach (var (endpointId, batch) in batches)
        {
            var statuses = eventStatus[endpointId] = new Dictionary<string, ItemStatus>(StringComparer.Ordinal);
            var endpointError = EndpointRules.Id(endpointId)
                ?? (batch is null ? "The batch item must be an object." : null)
                ?? (batch!.Events is not { Count: > 0 } ? "Events is required and must hold at least one event." : null)
                ?? (batch.Endpoint is null ? null : EndpointRules.Validate(batch.Endpoint, "Endpoint."));
            if (endpointError is not null)
            {
                endpointStatus[endpointId] = ItemStatus.Rejected(endpointError);
                foreach (var eventId in batch?.Events?.Keys ?? [])
                {
                    statuses[eventId] = ItemStatus.Rejected($"Not accepted: the batch item for endpoint '{endpointId}' is invalid: {endpointError}");
                }
                continue;
            }

            if (batch!.Endpoint is { IsEmpty: false } update &&
                await endpoints.UpsertAsync(appId, endpointId, update, ct) is { IsSuccess: false } rejected)
            {
                endpointStatus[endpointId] = ItemStatus.Rejected(rejected.Message!);
                foreach (var eventId in batch.Events!.Keys)
                {
                    statuses[eventId] = ItemStatus.Rejected($"Not accepted: the batch item's Endpoint is invalid: {rejected.Message}");
                }
                continue;
            }
            endpointStatus[endpointId] = ItemStatus.Accepted;
            foreach (var (eventId, body) in batch.Events!)
            {
                var error = Check.Id("Event id", eventId) ?? EventRules.Validate(body);
                if (error is not null)
                {
                    statuses[eventId] = ItemStatus.Rejected(error);
                    continue;
                }
                accepted.Add(new AppEvent(appId, endpointId, eventId, body!));
            }
        }

        var failed = accepted.Count == 0 ? new HashSet<string>() : await queue.EnqueueAsync(accepted, ct);
        foreach (var e in accepted)
        {
            eventStatus[e.EndpointId][e.EventId] = failed.Contains(QueueKey(e)) ? ItemStatus.RetryLater : ItemStatus.Accepted;
        }

        return batches.Keys.ToDictionary(
            id => id,
            id => new EndpointEventsResult(endpointStatus[id], eventStatus[id]),
            StringComparer.Ordinal);
    }

    /// <summary>Event ids are unique per endpoint, not per request: the queue reports failures by this key.</summary>
    public static string QueueKey(AppEvent e) => e.EndpointId + "\n" + e.EventId;
}
