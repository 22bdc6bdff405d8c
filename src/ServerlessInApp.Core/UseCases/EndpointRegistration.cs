using ServerlessInApp.Core.Endpoints;
using ServerlessInApp.Core.Outcomes;
using ServerlessInApp.Core.Stores;
using ServerlessInApp.Core.Validation;

namespace ServerlessInApp.Core.UseCases;

public sealed class EndpointRegistration(IAppStore apps, IEndpointStore endpoints, TimeProvider clock)
{
    public async Task<Outcome<Endpoint>> UpdateAsync(string appId, string endpointId, EndpointUpdate? update, CancellationToken ct)
    {
        if (update is null) return Outcome<Endpoint>.BadRequest("The request body must be an EndpointRequest object.");
        var error = EndpointRules.Id(endpointId) ?? EndpointRules.Validate(update);
        if (error is not null) return Outcome<Endpoint>.BadRequest(error);
        if (await apps.GetAsync(appId, ct) is null) return AppAdministration.NotFound(appId).As<Endpoint>();
        return await UpsertAsync(appId, endpointId, update, ct);
    }

    /// <summary>Writes an already validated update for an app known to exist (PutEvents shares this path).</summary>
    public async Task<Outcome<Endpoint>> UpsertAsync(string appId, string endpointId, EndpointUpdate update, CancellationToken ct)
    {
        string? limit = null;
        var stored = await endpoints.UpsertAsync(appId, endpointId, current =>
        {
            var merged = EndpointMerge.Apply(current, update, appId, endpointId, clock.GetUtcNow());
            limit = EndpointRules.ValidateStored(merged);
            return limit is null ? merged : null;
        }, ct);
        return stored ?? Outcome<Endpoint>.BadRequest(limit ?? "The endpoint could not be updated.");
    }

    public async Task<Outcome<Endpoint>> GetAsync(string appId, string endpointId, CancellationToken ct)
    {
        if (await apps.GetAsync(appId, ct) is null) return AppAdministration.NotFound(appId).As<Endpoint>();
        return await endpoints.GetAsync(appId, endpointId, ct) is { } endpoint ? endpoint : NotFound(appId, endpointId);
    }

    public async Task<Outcome<Endpoint>> DeleteAsync(string appId, string endpointId, CancellationToken ct)
    {
        if (await apps.GetAsync(appId, ct) is null) return AppAdministration.NotFound(appId).As<Endpoint>();
        return await endpoints.DeleteAsync(appId, endpointId, ct) is { } endpoint ? endpoint : NotFound(appId, endpointId);
    }

    public static Outcome<Endpoint> NotFound(string appId, string endpointId) =>
        Outcome<Endpoint>.NotFound($"Endpoint '{endpointId}' does not exist in application '{appId}'.");
}
