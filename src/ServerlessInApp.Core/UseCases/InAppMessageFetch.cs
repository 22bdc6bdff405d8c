using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Displays;
using ServerlessInApp.Core.Endpoints;
using ServerlessInApp.Core.Entitlements;
using ServerlessInApp.Core.Outcomes;
using ServerlessInApp.Core.Schedules;
using ServerlessInApp.Core.Segments;
using ServerlessInApp.Core.Stores;
using ServerlessInApp.Core.Treatments;
using ServerlessInApp.Core.Validation;

namespace ServerlessInApp.Core.UseCases;

/// <summary>
/// GetInAppMessages: one read of the endpoint's partition joined with the cached catalog. Returned are the campaigns
/// the endpoint is entitled to (server-triggered) and, for an app in DEVICE_TRIGGERED mode, also every campaign whose
/// segment admits it (the device matches the trigger). Either way a campaign must be running for the endpoint, outside
/// quiet time, and not capped out; holdout endpoints get nothing. Priority 1 first, then the campaign that ends first.
/// </summary>
public sealed class InAppMessageFetch(CatalogCache catalogs, IEndpointStore endpoints, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<DeliverableMessage>>> GetAsync(string appId, string endpointId, CancellationToken ct)
    {
        var error = EndpointRules.Id(endpointId);
        if (error is not null) return Outcome<IReadOnlyList<DeliverableMessage>>.BadRequest(error);

        var now = clock.GetUtcNow();
        var catalogTask = catalogs.GetCurrentAsync(appId, ct);
        var partitionTask = endpoints.GetPartitionAsync(appId, endpointId, now, ct);
        var catalog = await catalogTask;
        var partition = await partitionTask;
        if (catalog is null) return AppAdministration.NotFound(appId).As<IReadOnlyList<DeliverableMessage>>();
        return Select(catalog, partition, endpointId, now);
    }

    public static List<DeliverableMessage> Select(CampaignCatalog catalog, EndpointPartition partition, string endpointId, DateTimeOffset now)
    {
        var messages = new List<DeliverableMessage>();
        var endpoint = partition.Endpoint ?? Endpoint.Unregistered(catalog.ApplicationId, endpointId);
        if (endpoint.OptOut == "ALL" || endpoint.EndpointStatus == "INACTIVE") return messages;

        var settings = catalog.Settings;
        var today = LocalTime.Day(now, LocalTime.Resolve(endpoint.Demographic?.Timezone));
        if (DisplayRules.IsAppCapped(partition.Counters.GetValueOrDefault(DisplayCounter.AllMessages), settings.Limits?.Daily, today)) return messages;

        var candidates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entitlement in partition.Entitlements)
        {
            if (entitlement.ExpiresAt > now && entitlement.TreatmentId != TreatmentAssignment.Holdout)
                candidates[entitlement.CampaignId] = entitlement.TreatmentId;
        }
        if (settings.IsDeviceTriggered)
        {
            foreach (var campaign in catalog.Campaigns.Values)
            {
                if (candidates.ContainsKey(campaign.Id) || !SegmentMatcher.Matches(campaign.Segment?.Definition.Dimensions, endpoint)) continue;
                var treatment = TriggerEvaluator.TreatmentOf(campaign, endpointId);
                if (treatment != TreatmentAssignment.Holdout) candidates[campaign.Id] = treatment;
            }
        }

        foreach (var (campaignId, treatment) in candidates)
        {
            if (!catalog.Campaigns.TryGetValue(campaignId, out var campaign) || !campaign.IsOpenFor(now, endpoint)) continue;
            var quiet = campaign.Campaign.Definition.Schedule?.QuietTime ?? settings.QuietTime;
            if (QuietHours.IsQuiet(quiet, now, campaign.ZoneFor(endpoint))) continue;

            var caps = Caps.For(campaign.Campaign.Definition.Limits, settings.Limits);
            // In device-triggered mode the device knows its sessions and enforces the session cap itself.
            var enforced = settings.IsDeviceTriggered ? caps with { Session = null } : caps;
            if (DisplayRules.IsCapped(partition.Counters.GetValueOrDefault(campaignId), enforced, today, partition.Session?.SessionId)) continue;

            messages.Add(new DeliverableMessage(campaign, treatment) { Caps = caps, EndDate = campaign.EndFor(endpoint), QuietTime = quiet });
        }
        messages.Sort(ByPriorityThenEnd);
        return messages;
    }

    private static int ByPriorityThenEnd(DeliverableMessage a, DeliverableMessage b)
    {
        var byPriority = (a.Campaign.Campaign.Definition.Priority ?? int.MaxValue).CompareTo(b.Campaign.Campaign.Definition.Priority ?? int.MaxValue);
        if (byPriority != 0) return byPriority;
        var byEnd = (a.EndDate ?? DateTimeOffset.MaxValue).CompareTo(b.EndDate ?? DateTimeOffset.MaxValue);
        return byEnd != 0 ? byEnd : string.CompareOrdinal(a.Campaign.Id, b.Campaign.Id);
    }
}
