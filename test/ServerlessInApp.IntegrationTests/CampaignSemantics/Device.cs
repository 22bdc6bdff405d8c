using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.IntegrationTests.Http;
using ServerlessInApp.Storage;
using static ServerlessInApp.IntegrationTests.Http.PinpointClient;

namespace ServerlessInApp.IntegrationTests.CampaignSemantics;

/// <summary>
/// What a device and an owner send for the campaign semantics: the in-app analytics events Amplify records
/// (section 13 of the wire contract), session starts, PutEvents with event ids of the test's choosing, app settings,
/// the KPI route, and the raw display counter of an endpoint.
/// </summary>
public sealed class Device(ProductHost host)
{
    public const string Displayed = "_inapp.message_displayed";
    public const string Clicked = "_inapp.message_clicked";
    public const string Dismissed = "_inapp.message_dismissed";

    public PinpointClient Api { get; } = new(host.Http);

    /// <summary>An in-app analytics event as Amplify records it, at <paramref name="at"/> (now by default), in an optional session.</summary>
    public static JsonObject InApp(string eventType, string campaignId, string treatmentId = "0", DateTimeOffset? at = null, Session? session = null)
    {
        var e = new JsonObject
        {
            ["EventType"] = eventType,
            ["Timestamp"] = Iso(at ?? DateTimeOffset.UtcNow),
            ["Attributes"] = new JsonObject
            {
                ["campaign_id"] = campaignId,
                ["delivery_type"] = "IN_APP_MESSAGE",
                ["treatment_id"] = treatmentId,
            },
        };
        if (session is not null) e["Session"] = session.Json();
        return e;
    }

    public static JsonObject SessionStart(Session session) => new()
    {
        ["EventType"] = "_session.start",
        ["Timestamp"] = Iso(session.StartedAt),
        ["Session"] = session.Json(),
    };

    public static string NewEventId() => "event-" + Guid.NewGuid().ToString("N");

    /// <summary>PutEvents for one endpoint with the given event ids; every event must be accepted.</summary>
    public Task PutEventsAsync(string appId, string endpointId, params (string Id, JsonObject Event)[] events) =>
        PutBatchAsync(appId, events.Select(e => (endpointId, e.Id, e.Event)).ToArray());

    /// <summary>One event with a fresh id.</summary>
    public Task PutEventAsync(string appId, string endpointId, JsonObject @event) => PutEventsAsync(appId, endpointId, (NewEventId(), @event));

    /// <summary>PutEvents whose BatchItem spans several endpoints; every endpoint and event must be accepted.</summary>
    public async Task PutBatchAsync(string appId, params (string EndpointId, string EventId, JsonObject Event)[] events)
    {
        var batch = new JsonObject();
        foreach (var group in events.GroupBy(e => e.EndpointId, StringComparer.Ordinal))
        {
            var map = new JsonObject();
            foreach (var (_, id, e) in group) map[id] = e.DeepClone();
            batch[group.Key] = new JsonObject { ["Endpoint"] = new JsonObject(), ["Events"] = map };
        }
        var reply = await Expect(HttpStatusCode.Accepted, Api.PostAsync($"/v1/apps/{appId}/events", new JsonObject { ["BatchItem"] = batch }));
        foreach (var group in events.GroupBy(e => e.EndpointId, StringComparer.Ordinal))
        {
            var result = reply.Json["Results"]![group.Key]!;
            Assert.Equal(202, result["EndpointItemResponse"]!["StatusCode"]!.GetValue<int>());
            foreach (var (_, id, _) in group)
            {
                Assert.True(result["EventsItemResponse"]![id]?["StatusCode"]?.GetValue<int>() == 202, $"event {id} was not accepted: {reply}");
            }
        }
    }

    public async Task<JsonObject> PutSettingsAsync(string appId, JsonObject settings) =>
        (await Expect(HttpStatusCode.OK, Api.PutAsync($"/v1/apps/{appId}/settings", settings))).Json.AsObject();

    /// <summary>The KPI date range route from two days ago to tomorrow (UTC days), as (Date, TreatmentId) → metric → value.</summary>
    public async Task<Kpis> KpisAsync(string appId, string campaignId, string kpiName = "in-app-messages")
    {
        var now = DateTimeOffset.UtcNow;
        var path = $"/v1/apps/{appId}/campaigns/{campaignId}/kpis/daterange/{kpiName}"
            + $"?start-time={Uri.EscapeDataString(Iso(now.AddDays(-2)))}&end-time={Uri.EscapeDataString(Iso(now.AddDays(1)))}";
        var reply = await Expect(HttpStatusCode.OK, Api.SendAsync(HttpMethod.Get, path));
        var json = reply.Json;
        Assert.Equal(appId, json["ApplicationId"]!.GetValue<string>());
        Assert.Equal(campaignId, json["CampaignId"]!.GetValue<string>());
        Assert.Equal(kpiName, json["KpiName"]!.GetValue<string>());
        var rows = new Dictionary<(string Date, string Treatment), Dictionary<string, string>>();
        foreach (var row in json["KpiResult"]!["Rows"]!.AsArray())
        {
            var groupedBy = row!["GroupedBys"]!.AsArray().ToDictionary(g => g!["Key"]!.GetValue<string>(), g => g!["Value"]!.GetValue<string>());
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var value in row["Values"]!.AsArray())
            {
                // Pinpoint writes every value as a string, with its type beside it.
                Assert.Equal(System.Text.Json.JsonValueKind.String, value!["Value"]!.GetValueKind());
                values[value["Key"]!.GetValue<string>()] = value["Value"]!.GetValue<string>();
            }
            rows.Add((groupedBy["Date"], groupedBy["TreatmentId"]), values);
        }
        return new Kpis(rows, reply);
    }

    /// <summary>The endpoint's display counter of one campaign (or "*", all messages), as DynamoDB holds it.</summary>
    public async Task<Dictionary<string, AttributeValue>?> CounterAsync(string appId, string endpointId, string scope)
    {
        using var dynamo = host.Emulators.CreateDynamoDbClient();
        return await RawItems.GetAsync(dynamo, host.Options.TableName, Keys.Endpoint(appId, endpointId), Keys.Displays(scope));
    }

    public async Task<List<Dictionary<string, AttributeValue>>> EndpointPartitionAsync(string appId, string endpointId)
    {
        using var dynamo = host.Emulators.CreateDynamoDbClient();
        return await RawItems.QueryAsync(dynamo, host.Options.TableName, Keys.Endpoint(appId, endpointId));
    }

    public static long Number(Dictionary<string, AttributeValue>? item, string name)
    {
        Assert.True(item is not null, $"no item where {name} was expected");
        Assert.True(item!.TryGetValue(name, out var value) && value.N is not null, $"item has no number {name}: {RawItems.Describe(item)}");
        return long.Parse(value!.N, CultureInfo.InvariantCulture);
    }

    /// <summary>The UTC day of an instant as the KPI route writes it.</summary>
    public static string UtcDay(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>An Amplify session: an id and the instant it started.</summary>
public sealed record Session(string Id, DateTimeOffset StartedAt)
{
    public static Session New(DateTimeOffset at) => new("session-" + Guid.NewGuid().ToString("N")[..8], at);

    public JsonObject Json() => new() { ["Id"] = Id, ["StartTimestamp"] = Iso(StartedAt) };
}

/// <summary>The rows of one KPI answer.</summary>
public sealed record Kpis(IReadOnlyDictionary<(string Date, string Treatment), Dictionary<string, string>> Rows, Reply Reply)
{
    /// <summary>A metric of one row; "0" when the row or the value is absent (nothing happened that day for that treatment).</summary>
    public string Value(string date, string treatment, string metric) =>
        Rows.TryGetValue((date, treatment), out var row) && row.TryGetValue(metric, out var v) ? v : "0";

    public long Long(string date, string treatment, string metric) => long.Parse(Value(date, treatment, metric), CultureInfo.InvariantCulture);

    /// <summary>The sum of a metric over every row.</summary>
    public long Sum(string metric) => Rows.Values.Sum(r => r.TryGetValue(metric, out var v) ? long.Parse(v, CultureInfo.InvariantCulture) : 0);

    public override string ToString() => Reply.Body;
}
