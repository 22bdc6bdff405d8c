using ServerlessInApp.Core.Apps;
using ServerlessInApp.Core.Outcomes;
using ServerlessInApp.Core.Stores;
using ServerlessInApp.Core.Validation;

namespace ServerlessInApp.Core.UseCases;

public sealed class AppAdministration(IAppStore apps, TimeProvider clock)
{
    public async Task<Outcome<App>> CreateAsync(string? name, IReadOnlyDictionary<string, string>? tags, CancellationToken ct)
    {
        var error = Check.First(Check.Required("Name", name), Check.MaxLength("Name", name, 256), TagRules.Validate(tags));
        if (error is not null) return Outcome<App>.BadRequest(error);
        var app = new App(Ids.New(), name!, tags ?? new Dictionary<string, string>(), clock.GetUtcNow());
        await apps.CreateAsync(app, ct);
        return app;
    }

    public async Task<Outcome<App>> GetAsync(string appId, CancellationToken ct) =>
        await apps.GetAsync(appId, ct) is { } app ? app : NotFound(appId);

    public async Task<Outcome<Page<App>>> ListAsync(string? pageSize, string? token, CancellationToken ct)
    {
        var size = Paging.PageSize(pageSize);
        if (!size.IsSuccess) return size.As<Page<App>>();
        return await apps.ListAsync(size.Value, token, ct) is { } page
            ? page
            : Outcome<Page<App>>.BadRequest("token is not a token this API returned.");
    }

    public async Task<Outcome<App>> DeleteAsync(string appId, CancellationToken ct)
    {
        var app = await apps.GetAsync(appId, ct);
        if (app is null || !await apps.DeleteAsync(appId, ct)) return NotFound(appId);
        return app;
    }

    public async Task<Outcome<Settings.ApplicationSettingsRecord>> GetSettingsAsync(string appId, CancellationToken ct) =>
        await apps.GetSettingsAsync(appId, ct) is { } settings ? settings : NotFound(appId).As<Settings.ApplicationSettingsRecord>();

    /// <summary>Members sent replace the stored ones; absent members are kept (as UpdateCampaign does).</summary>
    public async Task<Outcome<Settings.ApplicationSettingsRecord>> UpdateSettingsAsync(string appId, Settings.ApplicationSettings? update, CancellationToken ct)
    {
        if (update is null) return Outcome<Settings.ApplicationSettingsRecord>.BadRequest("The request body must be a WriteApplicationSettingsRequest object.");
        var error = Check.First(
            CampaignRules.Limits(update.Limits, "Limits"),
            CampaignRules.Quiet(update.QuietTime, "QuietTime"),
            Check.OneOf("InAppMessagesMode", update.InAppMessagesMode, Settings.ApplicationSettings.Modes));
        if (error is not null) return Outcome<Settings.ApplicationSettingsRecord>.BadRequest(error);

        var current = await apps.GetSettingsAsync(appId, ct);
        if (current is null) return NotFound(appId).As<Settings.ApplicationSettingsRecord>();
        var merged = new Settings.ApplicationSettings
        {
            Limits = update.Limits ?? current.Settings.Limits,
            QuietTime = update.QuietTime ?? current.Settings.QuietTime,
            InAppMessagesMode = update.InAppMessagesMode ?? current.Settings.InAppMessagesMode,
        };
        var record = new Settings.ApplicationSettingsRecord(appId, merged, clock.GetUtcNow());
        return await apps.PutSettingsAsync(record, ct) ? record : NotFound(appId).As<Settings.ApplicationSettingsRecord>();
    }

    public static Outcome<App> NotFound(string appId) => Outcome<App>.NotFound($"Application '{appId}' does not exist.");
}
