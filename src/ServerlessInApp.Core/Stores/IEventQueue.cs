using ServerlessInApp.Core.Events;

namespace ServerlessInApp.Core.Stores;

public interface IEventQueue
{
    /// <summary>Enqueues the events; returns the <see cref="UseCases.EventIngestion.QueueKey"/> of each event that could not be enqueued.</summary>
    Task<IReadOnlySet<string>> EnqueueAsync(IReadOnlyList<AppEvent> events, CancellationToken ct);
}
