using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Displays;
using ServerlessInApp.Core.Endpoints;
using ServerlessInApp.Core.Entitlements;
using ServerlessInApp.Core.Metrics;
using ServerlessInApp.Core.Stores;

namespace ServerlessInApp.Benchmarks;

// Storage excluded: these stores answer reads from memory and only record the writes the trigger path asks for.
// What they record is "the list of writes" the benchmark runs the trigger path up to.

/// <summary>One write the trigger path asked a store for.</summary>
public readonly record struct RecordedWrite(string Kind, object Item);

/// <summary>The writes of one invocation, in the order they were asked for (the trigger path may ask from several threads).</summary>
public sealed class WriteLog
{
    private readonly Lock _lock = new();
    public List<RecordedWrite> Writes { get; } = new(64);

    public void Add(string kind, object item)
    {
        lock (_lock) Writes.Add(new RecordedWrite(kind, item));
    }

    public void Clear()
    {
        lock (_lock) Writes.Clear();
    }
}

/// <summary>The app's catalog, at a constant version: the cache loads it once and then only checks the stamp.</summary>
public sealed class InMemoryCatalogStore(CampaignCatalog catalog) : ICatalogStore
{
    private readonly Task<long?> _version = Task.FromResult<long?>(catalog.Version);
    private readonly Task<CampaignCatalog?> _catalog = Task.FromResult<CampaignCatalog?>(catalog);

    public Task<long?> GetVersionAsync(string appId, CancellationToken ct) =>
        appId == catalog.ApplicationId ? _version : Task.FromResult<long?>(null);

    public Task<CampaignCatalog?> LoadAsync(string appId, CancellationToken ct) =>
        appId == catalog.ApplicationId ? _catalog : Task.FromResult<CampaignCatalog?>(null);
}

/// <summary>Registered profiles read from memory; entitlement grants are recorded.</summary>
public sealed class RecordingEndpointStore(IReadOnlyDictionary<string, Endpoint> profiles, WriteLog log) : IEndpointStore
{
    private readonly Task<IReadOnlyDictionary<string, Endpoint>> _profiles = Task.FromResult(profiles);

    // Nothing was stored before, so every grant is a new entitlement.
    private static readonly Task<bool> NewlyEntitled = Task.FromResult(true);

    public Task<IReadOnlyDictionary<string, Endpoint>> GetManyAsync(string appId, IReadOnlyCollection<string> endpointIds, CancellationToken ct)
    {
        log.Add("ReadProfiles", endpointIds);
        return _profiles;
    }

    public Task<bool> GrantAsync(Entitlement entitlement, CancellationToken ct)
    {
        log.Add("GrantEntitlement", entitlement);
        return NewlyEntitled;
    }

    public Task<Endpoint?> GetAsync(string appId, string endpointId, CancellationToken ct) =>
        Task.FromResult(profiles.GetValueOrDefault(endpointId));

    public Task<Endpoint?> UpsertAsync(string appId, string endpointId, Func<Endpoint?, Endpoint?> merge, CancellationToken ct) =>
        throw new NotSupportedException("The trigger path does not upsert endpoints.");

    public Task<Endpoint?> DeleteAsync(string appId, string endpointId, CancellationToken ct) =>
        throw new NotSupportedException("The trigger path does not delete endpoints.");

    public Task<(Endpoint? Endpoint, IReadOnlyList<Entitlement> Entitlements)> GetWithEntitlementsAsync(
        string appId, string endpointId, DateTimeOffset now, CancellationToken ct) =>
        throw new NotSupportedException("The trigger path does not read entitlements.");

    public Task<EndpointPartition> GetPartitionAsync(string appId, string endpointId, DateTimeOffset now, CancellationToken ct) =>
        throw new NotSupportedException("The trigger path does not read partitions.");
}

/// <summary>Every contribution, counter and session is recorded; nothing was recorded before, so each is new.</summary>
public sealed class RecordingAnalyticsStore(WriteLog log) : IAnalyticsStore
{
    private static readonly Task<RecordResult> Recorded = Task.FromResult(RecordResult.Recorded);
    private static readonly Task<bool> Current = Task.FromResult(true);

    public Task<RecordResult> RecordAsync(EventContribution contribution, IReadOnlyList<DisplayCounter> counters, MetricKey? firstDisplay, CancellationToken ct)
    {
        log.Add("RecordContribution", contribution);
        return Recorded;
    }

    public Task ApplyAsync(IReadOnlyList<EventContribution> contributions, CancellationToken ct)
    {
        log.Add("ApplyMetrics", contributions);
        return Task.CompletedTask;
    }

    public Task<bool> StartSessionAsync(string appId, string endpointId, SessionMarker session, CancellationToken ct)
    {
        log.Add("StartSession", session);
        return Current;
    }

    public Task<(DisplayCounter Campaign, DisplayCounter App)> GetCountersAsync(string appId, string endpointId, string campaignId, CancellationToken ct) =>
        throw new NotSupportedException("The benchmark's batch holds no display events.");

    public Task<IReadOnlyList<DailyMetrics>> GetMetricsAsync(string appId, string campaignId, string fromDay, string toDay, CancellationToken ct) =>
        throw new NotSupportedException("The trigger path does not read metrics.");
}

/// <summary>A clock stopped a few seconds after the batch's events, so every run decides the same.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
