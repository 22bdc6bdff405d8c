namespace ServerlessInApp.Bench;

/// <summary>One event of a load workload, and what the design must do with it.</summary>
public sealed record LoadEvent(string EndpointId, string EventId, string EventType, IReadOnlyDictionary<string, string> Attributes, LoadEventKind Kind);
