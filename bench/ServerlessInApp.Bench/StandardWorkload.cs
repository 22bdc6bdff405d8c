namespace ServerlessInApp.Bench;

/// <summary>
/// The standard event mix: 70% match nothing (an event type no campaign listens for), 20% entitle their endpoint to
/// the campaign (about half of them new entitlements, half refreshes: ten events per endpoint on average), 10% in-app
/// analytics of that campaign (<c>_inapp.message_displayed</c>, <c>_clicked</c>, <c>_dismissed</c> in turn, with
/// <c>campaign_id</c>). Deterministic for a given size.
/// </summary>
public sealed class StandardWorkload
{
    public const string GrantingEventType = "level_reached";
    public const int TriggerBatchSize = 10;

    private StandardWorkload(IReadOnlyList<LoadEvent> events, IReadOnlyList<string> endpointIds)
    {
        Events = events;
        EndpointIds = endpointIds;
    }

    public IReadOnlyList<LoadEvent> Events { get; }
    public IReadOnlyList<string> EndpointIds { get; }

    public static StandardWorkload Create(int events, string campaignId)
    {
        var random = new Random(20261203);
        var endpoints = Enumerable.Range(0, Math.Max(1, events / 10)).Select(i => $"player-{i:D5}").ToList();
        var list = new List<LoadEvent>(events);
        for (var i = 0; i < events; i++)
        {
            var endpoint = endpoints[random.Next(endpoints.Count)];
            var id = $"e{i:D6}";
            list.Add((i % 10) switch
            {
                < 7 => new LoadEvent(endpoint, id, i % 2 == 0 ? "screen_viewed" : "item_viewed",
                    new Dictionary<string, string> { ["screen"] = "shop" }, LoadEventKind.MatchesNothing),
                < 9 => new LoadEvent(endpoint, id, GrantingEventType, new Dictionary<string, string> { ["level"] = "10" }, LoadEventKind.Grants),
                _ => ((i / 10) % 3) switch
                {
                    0 => Analytics(endpoint, id, "_inapp.message_displayed", campaignId, LoadEventKind.Displayed),
                    1 => Analytics(endpoint, id, "_inapp.message_clicked", campaignId, LoadEventKind.ClickedOrDismissed),
                    _ => Analytics(endpoint, id, "_inapp.message_dismissed", campaignId, LoadEventKind.ClickedOrDismissed),
                },
            });
        }
        return new StandardWorkload(list, endpoints);
    }

    private static LoadEvent Analytics(string endpoint, string id, string type, string campaignId, LoadEventKind kind) =>
        new(endpoint, id, type, new Dictionary<string, string> { ["campaign_id"] = campaignId, ["treatment_id"] = "0" }, kind);

    /// <summary>
    /// The least storage work the design needs for these events, in capacity units (items under 1 KB written and
    /// under 4 KB read), with the trigger's batches of <see cref="TriggerBatchSize"/> in posting order:
    /// per PutEvents, one consistent read (does the app exist); per batch, one consistent read of the catalog stamp,
    /// one consistent read per distinct endpoint whose profile the batch needs (grants: the segment; displays: the
    /// endpoint's zone), and one metrics write (all events here share one campaign, treatment and day: a new
    /// entitlement, a display, a click or a dismissal each add to it); per grant, one entitlement write (a refresh too:
    /// the design rewrites it); per display, the campaign's and the all-messages cap counter (two writes; a conditional
    /// ADD under the cap needs no read). Nothing else: no idempotency records, no transactions.
    /// </summary>
    public StorageMinimum Minimum(int eventsPerRequest)
    {
        double reads = Math.Ceiling(Events.Count / (double)eventsPerRequest), writes = 0;
        long requests = (long)reads;
        var entitled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in Events.Chunk(TriggerBatchSize))
        {
            reads += 1;
            requests += 1;
            var profiles = batch.Where(e => e.Kind is LoadEventKind.Grants or LoadEventKind.Displayed).Select(e => e.EndpointId).Distinct().Count();
            reads += profiles;
            if (profiles > 0) requests += 1;
            var metrics = false;
            foreach (var e in batch)
            {
                switch (e.Kind)
                {
                    case LoadEventKind.Grants:
                        writes += 1;
                        requests += 1;
                        metrics |= entitled.Add(e.EndpointId);
                        break;
                    case LoadEventKind.Displayed:
                        writes += 2;
                        requests += 2;
                        metrics = true;
                        break;
                    case LoadEventKind.ClickedOrDismissed:
                        metrics = true;
                        break;
                }
            }
            if (metrics)
            {
                writes += 1;
                requests += 1;
            }
        }
        return new StorageMinimum(reads, writes, requests);
    }
}
