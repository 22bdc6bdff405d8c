using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Entitlements;
using ServerlessInApp.Core.Events;
using ServerlessInApp.Core.Segments;

namespace ServerlessInApp.Benchmarks;

/// <summary>
/// Checks, before any figure is taken, that the catalog's attribute index leaves out only campaigns whose trigger
/// cannot match: on the benchmark's workloads and on random catalogs mixing every attribute dimension type, the
/// campaigns that match an event among <c>CandidatesFor(event)</c> are exactly, and in the same order, those that
/// match among every campaign listening for its type (<c>CandidatesFor(eventType)</c>).
/// </summary>
public static class IndexCheck
{
    public static void Run()
    {
        foreach (var n in new[] { 10, 100, 1_000, 10_000 })
        {
            var w = new TriggerWorkload(n);
            w.Validate();
            foreach (var e in w.Events) Compare(w.Catalog, e.Body, $"workload {n}");
            foreach (var e in w.Events)
            {
                var granted = TriggerEvaluator.Evaluate(e, w.Endpoints[e.EndpointId], w.Catalog, TriggerWorkload.Now);
                if (granted.Count != 1) throw new InvalidOperationException($"workload {n}: {e.Body.EventType} granted {granted.Count}, expected 1");
            }
        }

        var random = new Random(20261203);
        string[] types = ["a", "b", "c", "d"];
        string[] names = ["k", "m", "n"];
        string[] values = ["0", "1", "2", "10", "x", "X", "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z"];
        string[] attributeTypes = ["INCLUSIVE", "INCLUSIVE", "EXCLUSIVE", "CONTAINS", "AFTER", "BETWEEN", "ON"];
        var checkedEvents = 0;
        for (var round = 0; round < 20; round++)
        {
            var campaigns = new List<Campaign>();
            for (var i = 0; i < 300; i++)
            {
                var attributes = new Dictionary<string, AttributeDimension>();
                foreach (var name in names)
                {
                    if (random.Next(3) != 0) continue;
                    var type = random.Next(8) == 0 ? null : attributeTypes[random.Next(attributeTypes.Length)];
                    var count = type == "BETWEEN" ? 2 : type is "AFTER" or "ON" ? 1 : random.Next(0, 4); // date types with no value are rejected by validation
                    attributes[name] = new AttributeDimension
                    {
                        AttributeType = type,
                        Values = Enumerable.Range(0, count).Select(_ => values[random.Next(values.Length)]).ToList(),
                    };
                }
                var eventTypes = Enumerable.Range(0, random.Next(1, 3)).Select(_ => types[random.Next(types.Length)]).ToList();
                var filter = new CampaignEventFilter
                {
                    Dimensions = new EventDimensions
                    {
                        EventType = new SetDimension { DimensionType = random.Next(10) == 0 ? "EXCLUSIVE" : random.Next(4) == 0 ? null : "INCLUSIVE", Values = eventTypes },
                        Attributes = random.Next(5) == 0 ? null : attributes,
                    },
                };
                campaigns.Add(new Campaign("app", $"c{i}", 1, new CampaignDefinition { Schedule = new CampaignSchedule { EventFilter = filter } },
                    new ServerlessInApp.Core.Messages.InAppMessage(), TriggerWorkload.Now, TriggerWorkload.Now));
            }
            var catalog = new CampaignCatalog("app", 1, campaigns, []);
            for (var j = 0; j < 200; j++)
            {
                var attributes = new Dictionary<string, string>();
                foreach (var name in names)
                {
                    if (random.Next(4) != 0) attributes[name] = values[random.Next(values.Length)];
                }
                var body = new AppEventBody { EventType = types[random.Next(types.Length)], Attributes = random.Next(6) == 0 ? null : attributes };
                Compare(catalog, body, $"random round {round}");
                checkedEvents++;
            }
        }
        Console.WriteLine($"index check: the attribute index keeps every matching campaign, in order ({checkedEvents} random events, 4 workloads)");
    }

    private static void Compare(CampaignCatalog catalog, AppEventBody body, string what)
    {
        var expected = catalog.CandidatesFor(body.EventType!)
            .Where(c => TriggerMatcher.Matches(c.Campaign.Definition.Schedule?.EventFilter, body)).Select(c => c.Id).ToList();
        var actual = catalog.CandidatesFor(body)
            .Where(c => TriggerMatcher.Matches(c.Campaign.Definition.Schedule?.EventFilter, body)).Select(c => c.Id).ToList();
        if (!expected.SequenceEqual(actual))
        {
            throw new InvalidOperationException($"{what}: event {body.EventType} matched [{string.Join(", ", expected)}] among all listeners " +
                                                $"but [{string.Join(", ", actual)}] among the indexed candidates");
        }
    }
}
