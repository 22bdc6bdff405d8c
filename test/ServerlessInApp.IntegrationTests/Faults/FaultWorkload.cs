using System.Net;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Amazon.SQS.Model;
using ServerlessInApp.IntegrationTests.CampaignSemantics;
using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.IntegrationTests.Http;
using static ServerlessInApp.IntegrationTests.Http.PinpointClient;

namespace ServerlessInApp.IntegrationTests.Faults;

/// <summary>
/// The workload of the fault tests: an app with three campaigns (one with caps, one A/B test with a holdout and a
/// total cap of 1, one uncapped on a segment), 100 registered endpoints, and 2,000 events posted through PutEvents:
/// 70% that match nothing, 20% that trigger a campaign, 10% in-app analytics (displays, clicks, dismissals) and
/// session starts. <see cref="Messages"/> are the bodies the ingest function queued for them, exactly as the trigger
/// function receives them; <see cref="Seed"/> is the table before any of them was processed.
/// </summary>
public sealed record FaultWorkload(string AppId, IReadOnlyList<string> CampaignIds, IReadOnlyList<string> Messages, IReadOnlyList<Dictionary<string, AttributeValue>> Seed)
{
    public const int Events = 2000;
    public const int Endpoints = 100;

    public static string EndpointId(int i) => $"player-{i:D3}";

    /// <summary>Seeds <paramref name="host"/>'s table through its HTTP API, then stops its event source mapping and collects what PutEvents queued.</summary>
    public static async Task<FaultWorkload> CreateAsync(ProductHost host)
    {
        var api = new PinpointClient(host.Http);
        var appId = await api.CreateAppAsync();
        var everyone = await api.CreateSegmentAsync(appId, Bodies.EveryoneSegment());
        var gold = await api.CreateSegmentAsync(appId, new JsonObject
        {
            ["Name"] = "gold",
            ["Dimensions"] = new JsonObject
            {
                ["Attributes"] = new JsonObject { ["plan"] = new JsonObject { ["AttributeType"] = "INCLUSIVE", ["Values"] = new JsonArray("gold") } },
            },
        });
        var levelUp = await api.CreateCampaignAsync(appId, Owner.Campaign(everyone, "Level up", Owner.Limits(total: 3, daily: 2, session: 1), priority: 1));
        var abTest = Owner.Campaign(everyone, "Item offer", Owner.Limits(total: 1), priority: 2);
        Trigger(abTest, "item_viewed");
        abTest["HoldoutPercent"] = 10;
        abTest["AdditionalTreatments"] = new JsonArray(new JsonObject
        {
            ["SizePercent"] = 40,
            ["TreatmentName"] = "variant",
            ["MessageConfiguration"] = new JsonObject
            {
                ["InAppMessage"] = new JsonObject { ["Layout"] = "BOTTOM_BANNER", ["Content"] = new JsonArray(Bodies.Content("Variant")) },
            },
        });
        var itemOffer = await api.CreateCampaignAsync(appId, abTest);
        var goldOnly = Owner.Campaign(gold, "Gold thanks", limits: null, priority: 3);
        Trigger(goldOnly, "purchase");
        var goldThanks = await api.CreateCampaignAsync(appId, goldOnly);

        for (var i = 0; i < Endpoints; i++)
        {
            var endpoint = Bodies.Endpoint(i % 2 == 0 ? "gold" : "free");
            // Some endpoints count their days in their own zone (caps' Daily).
            if (i % 3 == 0) endpoint["Demographic"]!["Timezone"] = i % 2 == 0 ? "America/New_York" : "Asia/Tokyo";
            await api.UpdateEndpointAsync(appId, EndpointId(i), endpoint);
        }

        await host.StopEventSourceMappingAsync();
        var events = Generate([levelUp, itemOffer, goldThanks]);
        foreach (var chunk in events.Chunk(100))
        {
            var batch = new JsonObject();
            foreach (var byEndpoint in chunk.GroupBy(e => e.EndpointId, StringComparer.Ordinal))
            {
                var map = new JsonObject();
                foreach (var e in byEndpoint) map[e.EventId] = e.Event;
                batch[byEndpoint.Key] = new JsonObject { ["Endpoint"] = new JsonObject(), ["Events"] = map };
            }
            var reply = await Expect(HttpStatusCode.Accepted, api.PostAsync($"/v1/apps/{appId}/events", new JsonObject { ["BatchItem"] = batch }));
            Assert.DoesNotContain("\"StatusCode\":4", reply.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("\"StatusCode\":5", reply.Body, StringComparison.Ordinal);
        }

        var messages = await TakeAllAsync(host);
        Assert.Equal(Events, messages.Count);
        using var dynamo = host.Emulators.CreateDynamoDbClient();
        var seed = await TableDump.ScanAsync(dynamo, host.Options.TableName);
        return new FaultWorkload(appId, [levelUp, itemOffer, goldThanks], messages, seed);
    }

    private static void Trigger(JsonObject campaign, string eventType)
    {
        var dimensions = campaign["Schedule"]!["EventFilter"]!["Dimensions"]!.AsObject();
        dimensions["EventType"] = new JsonObject { ["DimensionType"] = "INCLUSIVE", ["Values"] = new JsonArray(eventType) };
        dimensions.Remove("Attributes");
        dimensions.Remove("Metrics");
    }

    /// <summary>
    /// The events, in the order a device would post them, with timestamps spread over the last minutes and never
    /// across an hour (so never across a day, in any whole-hour zone): the day rollover has tests of its own.
    /// </summary>
    private static List<(string EndpointId, string EventId, JsonObject Event)> Generate(string[] campaigns)
    {
        var random = new Random(20261203);
        var now = DateTimeOffset.UtcNow;
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var start = now.AddMinutes(-10) < hour ? hour : now.AddMinutes(-10);
        var step = (now - start) / (Events + 1);
        // Each endpoint's second session starts half-way.
        var sessions = Enumerable.Range(0, Endpoints)
            .Select(i => (First: new Session($"s1-{i}", start), Second: new Session($"s2-{i}", start + (now - start) / 2)))
            .ToArray();
        var events = new List<(string, string, JsonObject)>(Events);
        for (var n = 0; n < Events; n++)
        {
            var i = random.Next(Endpoints);
            var at = start + step * (n + 1);
            var session = at < sessions[i].Second.StartedAt ? sessions[i].First : sessions[i].Second;
            var roll = random.Next(100);
            JsonObject e = roll switch
            {
                < 40 => Event("screen_viewed", at),
                < 60 => Bodies.Event(Bodies.TriggerEvent, mode: "ranked", level: random.Next(1, 10)),
                < 70 => Bodies.Event(Bodies.TriggerEvent, mode: "ranked", level: 10 + random.Next(5)),
                < 80 => Event("item_viewed", at),
                < 90 => Event("purchase", at),
                < 93 => Device.SessionStart(session),
                < 97 => Device.InApp(Device.Displayed, campaigns[random.Next(2)], random.Next(2).ToString(System.Globalization.CultureInfo.InvariantCulture), at, session),
                < 99 => Device.InApp(Device.Clicked, campaigns[random.Next(2)], "0", at, session),
                _ => Device.InApp(Device.Dismissed, campaigns[random.Next(2)], "0", at, session),
            };
            // A session start is stamped when its session started; every other event at its place in the sequence.
            e["Timestamp"] = Iso(roll is >= 90 and < 93 ? session.StartedAt : at);
            e["Session"] ??= session.Json();
            events.Add((EndpointId(i), $"event-{n:D5}", e));
        }
        return events;
    }

    private static JsonObject Event(string eventType, DateTimeOffset at) => new()
    {
        ["EventType"] = eventType,
        ["Timestamp"] = Iso(at),
        ["Attributes"] = new JsonObject { ["screen"] = "shop" },
    };

    /// <summary>Receives and deletes every message of the host's events queue (its event source mapping is stopped).</summary>
    private static async Task<List<string>> TakeAllAsync(ProductHost host)
    {
        using var sqs = host.Emulators.CreateSqsClient();
        var bodies = new List<string>();
        var emptyReceives = 0;
        while (emptyReceives < 2)
        {
            var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = host.Queues.EventsQueueUrl,
                MaxNumberOfMessages = 10,
                WaitTimeSeconds = 1,
                VisibilityTimeout = 600,
            });
            var messages = received.Messages ?? [];
            if (messages.Count == 0)
            {
                emptyReceives++;
                continue;
            }
            emptyReceives = 0;
            bodies.AddRange(messages.Select(m => m.Body));
            await sqs.DeleteMessageBatchAsync(host.Queues.EventsQueueUrl,
                messages.Select((m, k) => new DeleteMessageBatchRequestEntry(k.ToString(System.Globalization.CultureInfo.InvariantCulture), m.ReceiptHandle)).ToList());
        }
        return bodies;
    }
}
