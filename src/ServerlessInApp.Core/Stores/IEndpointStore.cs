using ServerlessInApp.Core.Endpoints;
using ServerlessInApp.Core.Entitlements;

namespace ServerlessInApp.Core.Stores;

/// <summary>An endpoint's partition: its profile and its entitlements.</summary>
public interface IEndpointStore
{
    Task<Endpoint?> GetAsync(string appId, string endpointId, CancellationToken ct);

    /// <summary>Profiles of several endpoints of one app at once; missing ones are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, Endpoint>> GetManyAsync(string appId, IReadOnlyCollection<string> endpointIds, CancellationToken ct);

    /// <summary>
    /// Read-merge-write with an optimistic check, retried on a concurrent change, so no update is lost. When
    /// <paramref name="merge"/> returns null nothing is written and null is returned.
    /// </summary>
    Task<Endpoint?> UpsertAsync(string appId, string endpointId, Func<Endpoint?, Endpoint?> merge, CancellationToken ct);

    /// <summary>Deletes the profile and every entitlement; returns the deleted profile, or null when there was none.</summary>
    Task<Endpoint?> DeleteAsync(string appId, string endpointId, CancellationToken ct);

    /// <summary>One read of the whole partition: the profile (if registered) and the unexpired entitlements.</summary>
    Task<(Endpoint? Endpoint, IReadOnlyList<Entitlement> Entitlements)> GetWithEntitlementsAsync(
        string appId, string endpointId, DateTimeOffset now, CancellationToken ct);

    /// <summary>One read of the whole partition: profile, unexpired entitlements, display counters and current session.</summary>
    Task<EndpointPartition> GetPartitionAsync(string appId, string endpointId, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Writes the entitlement unless a later grant is stored already, so deliveries in any order and any number of
    /// times leave the same item. Returns whether the entitlement's event is the one that newly entitled the endpoint:
    /// the grant that found no entitlement to the campaign live at its time (none, or an expired one). That stays so for
    /// every redelivery of that event, and for no other event until the entitlement expires.
    /// </summary>
    Task<bool> GrantAsync(Entitlement entitlement, CancellationToken ct);
}
