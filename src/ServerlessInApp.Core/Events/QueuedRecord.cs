namespace ServerlessInApp.Core.Events;

/// <summary>One queue record: its id for the batch response, and the event, or null when the body could not be read.</summary>
public sealed record QueuedRecord(string RecordId, AppEvent? Event);
