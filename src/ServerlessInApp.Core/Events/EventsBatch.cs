using ServerlessInApp.Core.Endpoints;

namespace ServerlessInApp.Core.Events;

/// <summary>One endpoint's part of a PutEvents request: its (optional) endpoint data and its events by event id.</summary>
public sealed record EventsBatch
{
    public EndpointUpdate? Endpoint { get; init; }
    public IReadOnlyDictionary<string, AppEventBody?>? Events { get; init; }
}
