using ServerlessInApp.Core.Segments;

namespace ServerlessInApp.Core.Campaigns;

/// <summary>
/// An app's campaigns and segments as of one catalog version, indexed by the event type each campaign listens for,
/// so evaluating an event touches only the campaigns that could match it, however many the app has.
/// </summary>
public sealed class CampaignCatalog
{
    private readonly Dictionary<string, List<LiveCampaign>> _byEventType = new(StringComparer.Ordinal);
    private readonly List<LiveCampaign> _excluding = [];

    public CampaignCatalog(string applicationId, long version, IEnumerable<Campaign> campaigns, IEnumerable<Segment> segments,
        Settings.ApplicationSettings? settings = null)
    {
        ApplicationId = applicationId;
        Version = version;
        Settings = settings ?? new Settings.ApplicationSettings();
        var segmentsById = segments.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var byId = new Dictionary<string, LiveCampaign>(StringComparer.Ordinal);
        foreach (var campaign in campaigns)
        {
            var live = LiveCampaign.From(campaign, segmentsById.GetValueOrDefault(campaign.Definition.SegmentId ?? ""));
            byId[campaign.Id] = live;
            var eventType = campaign.Definition.Schedule?.EventFilter?.Dimensions?.EventType;
            if (eventType is null) continue;
            if (eventType.DimensionType == "EXCLUSIVE")
            {
                _excluding.Add(live);
                continue;
            }
            // Distinct: a campaign that lists a type twice is still one candidate, so one event grants it once.
            foreach (var type in (eventType.Values ?? []).Distinct(StringComparer.Ordinal))
            {
                if (!_byEventType.TryGetValue(type, out var list)) _byEventType[type] = list = [];
                list.Add(live);
            }
        }
        Campaigns = byId;
    }

    public string ApplicationId { get; }

    /// <summary>The app's defaults (limits, quiet time, delivery mode), versioned with the campaigns.</summary>
    public Settings.ApplicationSettings Settings { get; }
    public long Version { get; }
    public IReadOnlyDictionary<string, LiveCampaign> Campaigns { get; }

    /// <summary>The campaigns whose event type dimension can admit this event type (the rest of the filter is not checked).</summary>
    public IEnumerable<LiveCampaign> CandidatesFor(string eventType)
    {
        if (_byEventType.TryGetValue(eventType, out var listening))
        {
            foreach (var campaign in listening) yield return campaign;
        }
        foreach (var campaign in _excluding) yield return campaign;
    }
}
