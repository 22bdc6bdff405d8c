using ServerlessInApp.Core.Events;

namespace ServerlessInApp.Functions.Pinpoint;

public sealed record ItemResponse(ItemStatus EndpointItemResponse, IReadOnlyDictionary<string, ItemStatus> EventsItemResponse);
