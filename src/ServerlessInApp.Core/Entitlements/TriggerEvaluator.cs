using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Endpoints;
using ServerlessInApp.Core.Events;
using ServerlessInApp.Core.Segments;
using ServerlessInApp.Core.Validation;

namespace ServerlessInApp.Core.Entitlements;

/// <summary>
/// Decides which campaigns an event entitles its endpoint to: the campaign is live (started, not ended, not paused,
/// segment present), its EventFilter matches the event, and its segment admits the endpoint's stored profile.
/// </summary>
public static class TriggerEvaluator
{
    /// <summary>How long an entitlement lasts when its campaign has no end time.</summary>
    public static readonly TimeSpan DefaultEntitlementWindow = TimeSpan.FromDays(30);

    public static List<Entitlement> Evaluate(AppEvent e, Endpoint endpoint, CampaignCatalog catalog, DateTimeOffset now)
    {
        var granted = new List<Entitlement>();
        if (e.Body.EventType is not { } eventType || !Check.TryParseInstant(e.Body.Timestamp ?? "", out var at)) return granted;
        if (endpoint.OptOut == "ALL" || endpoint.EndpointStatus == "INACTIVE") return granted;

        foreach (var campaign in catalog.CandidatesFor(e.Body))
        {
            if (!campaign.IsOpenFor(now, endpoint)) continue;
            if (!TriggerMatcher.Matches(campaign.Campaign.Definition.Schedule?.EventFilter, e.Body)) continue;
            if (!SegmentMatcher.Matches(campaign.Segment?.Definition.Dimensions, endpoint)) continue;

            var expiresAt = ExpiryOf(campaign, endpoint, at);
            if (expiresAt <= now) continue;
            granted.Add(new Entitlement(e.ApplicationId, e.EndpointId, campaign.Id, campaign.Campaign.Version, e.EventId, at, expiresAt)
            {
                TreatmentId = TreatmentOf(campaign, e.EndpointId),
            });
        }
        return granted;
    }

    /// <summary>
    /// An entitlement lasts until the campaign ends, or for the campaign's window (Limits.MaximumDuration seconds)
    /// after the triggering event, or 30 days, whichever comes first.
    /// </summary>
    public static DateTimeOffset ExpiryOf(LiveCampaign campaign, Endpoint endpoint, DateTimeOffset triggeredAt)
    {
        var window = campaign.Campaign.Definition.Limits?.MaximumDuration is { } seconds and > 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultEntitlementWindow;
        // A client's clock may say 9999-12-31: the window then ends at the end of time instead of overflowing.
        var byWindow = triggeredAt > DateTimeOffset.MaxValue - window ? DateTimeOffset.MaxValue : triggeredAt + window;
        return campaign.EndFor(endpoint) is { } end && end < byWindow ? end : byWindow;
    }

    public static string TreatmentOf(LiveCampaign campaign, string endpointId) =>
        Treatments.TreatmentAssignment.Assign(endpointId, campaign.Id, campaign.Campaign.Definition.HoldoutPercent ?? 0,
            campaign.Campaign.Definition.AdditionalTreatments is null or { Count: 0 } ? DefaultOnly : campaign.Campaign.TreatmentShares());

    /// <summary>The shares of a campaign without additional treatments: the default treatment has everyone.</summary>
    private static readonly IReadOnlyList<int> DefaultOnly = [100];
}
