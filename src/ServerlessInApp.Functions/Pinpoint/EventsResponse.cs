namespace ServerlessInApp.Functions.Pinpoint;

/// <summary>PutEvents' answer: a result for every endpoint id and every event id received (maps, not arrays).</summary>
public sealed record EventsResponse(IReadOnlyDictionary<string, ItemResponse> Results);
