using System.Collections.Concurrent;
using ServerlessInApp.Core.Stores;

namespace ServerlessInApp.Core.Campaigns;

/// <summary>
/// Keeps each app's catalog in memory across invocations and checks it against the stored version stamp on every
/// call (once per batch for the trigger path): one small read, and a reload only when a campaign or segment changed.
/// </summary>
public sealed class CatalogCache(ICatalogStore store)
{
    private readonly ConcurrentDictionary<string, CampaignCatalog> _catalogs = new(StringComparer.Ordinal);

    /// <summary>The app's current catalog, or null when the app does not exist.</summary>
    public async Task<CampaignCatalog?> GetCurrentAsync(string appId, CancellationToken ct)
    {
        // Nothing cached (a cold start, or an app this process has not served): the load reads the stamp with the
        // catalog, so reading the stamp first would only add a request to the first invocation.
        if (!_catalogs.ContainsKey(appId)) return await LoadAsync(appId, ct);

        var version = await store.GetVersionAsync(appId, ct);
        if (version is null)
        {
            _catalogs.TryRemove(appId, out _);
            return null;
        }
        if (_catalogs.TryGetValue(appId, out var cached) && cached.Version == version) return cached;
        return await LoadAsync(appId, ct);
    }

    private async Task<CampaignCatalog?> LoadAsync(string appId, CancellationToken ct)
    {
        var loaded = await store.LoadAsync(appId, ct);
        if (loaded is null)
        {
            _catalogs.TryRemove(appId, out _);
            return null;
        }
        _catalogs[appId] = loaded;
        return loaded;
    }
}
