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

    public static Outcome<App> NotFound(string appId) => Outcome<App>.NotFound($"Application '{appId}' does not exist.");
}
