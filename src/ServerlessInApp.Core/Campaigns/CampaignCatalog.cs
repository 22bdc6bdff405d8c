using ServerlessInApp.Core.Events;
using ServerlessInApp.Core.Segments;

namespace ServerlessInApp.Core.Campaigns;

/// <summary>
/// An app's campaigns and segments as of one catalog version, indexed by the event type each campaign listens for,
/// so evaluating an event touches only the campaigns that could match it, however many the app has. Within one event
/// type, a campaign whose trigger has an INCLUSIVE attribute dimension is also indexed by that dimension's values
/// (its most selective one): an event whose attribute holds none of them can never match it, so it is not a candidate.
/// </summary>
public sealed class CampaignCatalog
{
    private readonly Dictionary<string, Listeners> _byEventType = new(StringComparer.Ordinal);
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
            var dimensions = campaign.Definition.Schedule?.EventFilter?.Dimensions;
            var eventType = dimensions?.EventType;
            if (eventType is null) continue;
            if (eventType.DimensionType == "EXCLUSIVE")
            {
                _excluding.Add(live);
                continue;
            }
            var key = KeyOf(dimensions!.Attributes);
            // Distinct: a campaign that lists a type twice is still one candidate, so one event grants it once.
            foreach (var type in (eventType.Values ?? []).Distinct(StringComparer.Ordinal))
            {
                if (!_byEventType.TryGetValue(type, out var listeners)) _byEventType[type] = listeners = new Listeners();
                listeners.Add(live, key);
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
            foreach (var campaign in listening.All) yield return campaign;
        }
        foreach (var campaign in _excluding) yield return campaign;
    }

    /// <summary>
    /// The campaigns that could match this event: those listening for its type, less those whose indexed INCLUSIVE
    /// attribute dimension the event's attribute cannot satisfy, then the EXCLUSIVE ones; in catalog order, as
    /// <see cref="CandidatesFor(string)"/> lists them. Every campaign left out would fail <see cref="TriggerMatcher"/>.
    /// </summary>
    public IReadOnlyList<LiveCampaign> CandidatesFor(AppEventBody e)
    {
        if (e.EventType is not { } eventType || !_byEventType.TryGetValue(eventType, out var listening)) return _excluding;
        if (listening.ByAttribute is null) return _excluding.Count == 0 ? listening.All : [.. listening.All, .. _excluding];

        var positions = new List<int>(listening.Unkeyed.Count + 4);
        positions.AddRange(listening.Unkeyed);
        var attributes = e.Attributes;
        if (attributes is not null)
        {
            foreach (var (name, byValue) in listening.ByAttribute)
            {
                if (attributes.TryGetValue(name, out var value) && value is not null && byValue.TryGetValue(value, out var keyed))
                {
                    positions.AddRange(keyed);
                }
            }
        }
        if (positions.Count == 0) return _excluding;
        // Each campaign sits in one place of the index, so there are no duplicates; sorting restores catalog order.
        positions.Sort();
        var candidates = new List<LiveCampaign>(positions.Count + _excluding.Count);
        foreach (var position in positions) candidates.Add(listening.All[position]);
        candidates.AddRange(_excluding);
        return candidates;
    }

    /// <summary>
    /// The trigger's most selective INCLUSIVE attribute dimension (fewest values), if any: the event's attribute of
    /// that name must equal one of its values (ordinal), or the trigger cannot match.
    /// </summary>
    private static (string Name, HashSet<string> Values)? KeyOf(IReadOnlyDictionary<string, AttributeDimension>? attributes)
    {
        (string Name, HashSet<string> Values)? best = null;
        foreach (var (name, dimension) in attributes ?? new Dictionary<string, AttributeDimension>())
        {
            if ((dimension.AttributeType ?? "INCLUSIVE") != "INCLUSIVE" || dimension.Values is null) continue;
            var values = new HashSet<string>(StringComparer.Ordinal);
            foreach (var v in dimension.Values)
            {
                if (v is not null) values.Add(v);
            }
            if (best is null || values.Count < best.Value.Values.Count
                || (values.Count == best.Value.Values.Count && string.CompareOrdinal(name, best.Value.Name) < 0))
            {
                best = (name, values);
            }
        }
        return best;
    }

    /// <summary>The campaigns listening for one event type, in catalog order, and their attribute index.</summary>
    private sealed class Listeners
    {
        public List<LiveCampaign> All { get; } = [];

        /// <summary>Positions in <see cref="All"/> of the campaigns that have no INCLUSIVE attribute dimension.</summary>
        public List<int> Unkeyed { get; } = [];

        /// <summary>Attribute name, then value: positions in <see cref="All"/> of the campaigns keyed on it.</summary>
        public Dictionary<string, Dictionary<string, List<int>>>? ByAttribute { get; private set; }

        public void Add(LiveCampaign campaign, (string Name, HashSet<string> Values)? key)
        {
            var position = All.Count;
            All.Add(campaign);
            if (key is not { } k)
            {
                Unkeyed.Add(position);
                return;
            }
            ByAttribute ??= new Dictionary<string, Dictionary<string, List<int>>>(StringComparer.Ordinal);
            if (!ByAttribute.TryGetValue(k.Name, out var byValue)) ByAttribute[k.Name] = byValue = new(StringComparer.Ordinal);
            // A dimension with no values can never be satisfied: the campaign is then in no list at all.
            foreach (var value in k.Values)
            {
                if (!byValue.TryGetValue(value, out var positions)) byValue[value] = positions = [];
                positions.Add(position);
            }
        }
    }
}
