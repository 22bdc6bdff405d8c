using ServerlessInApp.Core.Displays;
using ServerlessInApp.Core.Entitlements;

namespace ServerlessInApp.Core.Endpoints;

/// <summary>Everything GetInAppMessages needs about one endpoint, read in one Query.</summary>
public sealed record EndpointPartition(
    Endpoint? Endpoint,
    IReadOnlyList<Entitlement> Entitlements,
    IReadOnlyDictionary<string, DisplayCounter> Counters,
    SessionMarker? Session);
