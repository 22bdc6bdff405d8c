using ServerlessInApp.Core.Campaigns;

namespace ServerlessInApp.Core.Stores;

/// <summary>Reads an app's campaigns and segments together, and the version stamp that every change to them bumps.</summary>
public interface ICatalogStore
{
    /// <summary>The app's catalog version, or null when the app does not exist.</summary>
    Task<long?> GetVersionAsync(string appId, CancellationToken ct);

    /// <summary>The whole catalog in one read, or null when the app does not exist.</summary>
    Task<CampaignCatalog?> LoadAsync(string appId, CancellationToken ct);
}
