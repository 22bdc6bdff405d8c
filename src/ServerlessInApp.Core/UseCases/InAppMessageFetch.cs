using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Entitlements;
using ServerlessInApp.Core.Outcomes;
using ServerlessInApp.Core.Stores;
using ServerlessInApp.Core.Validation;

namespace ServerlessInApp.Core.UseCases;

/// <summary>
/// GetInAppMessages: one read of the endpoint's partition joined with the cached catalog. Only live campaigns with an
/// unexpired entitlement are returned, priority 1 first, then the campaign that ends first.
/// </summary>
public sealed class InAppMessageFetch(CatalogCache catalogs, IEndpointStore endpoints, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<DeliverableMessage>>> GetAsync(string appId, string endpointId, CancellationToken ct)
    {
        var error = EndpointRules.Id(endpointId);
        if (error is not null) return Outcome<IReadOnlyList<DeliverableMessage>>.BadRequest(error);

        var now = clock.GetUtcNow();
        var catalogTask = catalogs.GetCurrentAsync(appId, ct);
        var partitionTask = endpoints.GetWithEntitlementsAsync(appId, endpointId, now, ct);
        var catalog = await catalogTask;
        var (endpoint, entitlements) = await partitionTask;
        if (catalog is null) return AppAdministration.NotFound(appId).As<IReadOnlyList<DeliverableMessage>>();
        if (endpoint?.OptOut == "ALL") return new List<DeliverableMessage>();

        var messages = new List<DeliverableMessage>();
        foreach (var entitlement in entitlements)
        {
            if (entitlement.ExpiresAt <= now) continue;
            if (!catalog.Campaigns.TryGetValue(entitlement.CampaignId, out var campaign) || !campaign.IsDeliverable(now)) continue;
            messages.Add(new DeliverableMessage(campaign, "0"));
        }
        messages.Sort(ByPriorityThenEnd);
        return messages;
    }

    private static int ByPriorityThenEnd(DeliverableMessage a, DeliverableMessage b)
    {
        var byPriority = (a.Campaign.Campaign.Definition.Priority ?? int.MaxValue).CompareTo(b.Campaign.Campaign.Definition.Priority ?? int.MaxValue);
        if (byPriority != 0) return byPriority;
        var byEnd = (a.Campaign.End ?? DateTimeOffset.MaxValue).CompareTo(b.Campaign.End ?? DateTimeOffset.MaxValue);
        return byEnd != 0 ? byEnd : string.CompareOrdinal(a.Campaign.Id, b.Campaign.Id);
    }
}
