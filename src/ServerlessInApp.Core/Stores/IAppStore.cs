using ServerlessInApp.Core.Apps;

namespace ServerlessInApp.Core.Stores;

public interface IAppStore
{
    Task CreateAsync(App app, CancellationToken ct);
    Task<App?> GetAsync(string appId, CancellationToken ct);

    /// <summary>Null when <paramref name="token"/> is not a token this store issued.</summary>
    Task<Page<App>?> ListAsync(int pageSize, string? token, CancellationToken ct);

    Task<Settings.ApplicationSettingsRecord?> GetSettingsAsync(string appId, CancellationToken ct);

    /// <summary>Replaces the app's settings and bumps its catalog version; false when the app does not exist.</summary>
    Task<bool> PutSettingsAsync(Settings.ApplicationSettingsRecord settings, CancellationToken ct);

    /// <summary>Deletes the app with its campaigns and segments; returns false when there was no such app.</summary>
    Task<bool> DeleteAsync(string appId, CancellationToken ct);
}
