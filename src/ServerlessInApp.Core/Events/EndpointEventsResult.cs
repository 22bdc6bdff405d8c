namespace ServerlessInApp.Core.Events;

public sealed record EndpointEventsResult(ItemStatus Endpoint, IReadOnlyDictionary<string, ItemStatus> Events);
