using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Stores;
using static ServerlessInApp.Core.Tests.Support.Sample;

namespace ServerlessInApp.Core.Tests.Campaigns;

public class CatalogCacheTests
{
    [Fact]
    public async Task AFirstCallLoadsTheCatalogWithoutReadingTheStampFirst()
    {
        var store = new CountingCatalogStore { Version = 3 };
        var cache = new CatalogCache(store);

        var catalog = await cache.GetCurrentAsync(AppId, CancellationToken.None);

        Assert.Equal(3, catalog!.Version);
        Assert.Equal((0, 1), (store.StampReads, store.Loads));
    }

    [Fact]
    public async Task LaterCallsReadOnlyTheStampUntilItChanges()
    {
        var store = new CountingCatalogStore { Version = 3 };
        var cache = new CatalogCache(store);
        await cache.GetCurrentAsync(AppId, CancellationToken.None);

        var same = await cache.GetCurrentAsync(AppId, CancellationToken.None);
        Assert.Equal((1, 1), (store.StampReads, store.Loads));

        store.Version = 4;
        var changed = await cache.GetCurrentAsync(AppId, CancellationToken.None);
        Assert.Equal((3L, 4L), (same!.Version, changed!.Version));
        Assert.Equal((2, 2), (store.StampReads, store.Loads));
    }

    [Fact]
    public async Task ADeletedAppIsNotServedFromTheCache()
    {
        var store = new CountingCatalogStore { Version = 3 };
        var cache = new CatalogCache(store);
        await cache.GetCurrentAsync(AppId, CancellationToken.None);

        store.Version = null;

        Assert.Null(await cache.GetCurrentAsync(AppId, CancellationToken.None));
        Assert.Null(await cache.GetCurrentAsync(AppId, CancellationToken.None));
    }

    /// <summary>A catalog store that counts its reads; <see cref="Version"/> null means the app does not exist.</summary>
    private sealed class CountingCatalogStore : ICatalogStore
    {
        public long? Version { get; set; }
        public int StampReads { get; private set; }
        public int Loads { get; private set; }

        public Task<long?> GetVersionAsync(string appId, CancellationToken ct)
        {
            StampReads++;
            return Task.FromResult(Version);
        }

        public Task<CampaignCatalog?> LoadAsync(string appId, CancellationToken ct)
        {
            Loads++;
            return Task.FromResult(Version is { } version ? new CampaignCatalog(appId, version, [], [StoredSegment()]) : null);
        }
    }
}
