namespace ServerlessInApp.Core.Events;

/// <summary>
/// The outcome of one batch: the records to hand back to the queue (they will be delivered again), and counts for
/// the log. Events of apps that no longer exist are dropped, not failed: no retry could ever succeed.
/// </summary>
public sealed record TriggerBatchResult(IReadOnlyList<string> FailedRecordIds, int Evaluated, int Granted, int Dropped);
