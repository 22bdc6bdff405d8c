using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace ServerlessInApp.Bench;

/// <summary>
/// The product's HTTP API as the load harness uses it: the owner seeds apps, segments, campaigns and endpoints; the
/// device (app key) posts events and fetches messages. Every request is SigV4-signed. Also waits for the events queue
/// to drain, which is when the trigger has processed everything posted.
/// </summary>
public sealed class LoadApi(HttpClient owner, HttpClient device, IAmazonSQS sqs, string queueUrl, string deadLetterUrl)
{
    public const int EventsPerRequest = 100;

    public HttpClient Device => device;

    public async Task<string> CreateAppAsync(string name, CancellationToken ct) =>
        (await SendAsync(owner, HttpMethod.Post, "/v1/apps", $$"""{"Name":"{{name}}"}""", ct))["Id"]!.GetValue<string>();

    public async Task<string> CreateEveryoneSegmentAsync(string appId, CancellationToken ct) =>
        (await SendAsync(owner, HttpMethod.Post, $"/v1/apps/{appId}/segments", """{"Name":"everyone"}""", ct))["Id"]!.GetValue<string>();

    /// <summary>A campaign that entitles on <paramref name="eventType"/> (and <paramref name="attributes"/>, a Pinpoint dimensions object).</summary>
    public async Task<string> CreateCampaignAsync(string appId, string segmentId, string name, string eventType, string attributes,
        string limits, CancellationToken ct)
    {
        var body = "{\"Name\":\"" + name + "\",\"SegmentId\":\"" + segmentId + "\",\"Priority\":1," + limits + """
             "MessageConfiguration":{"InAppMessage":{"Layout":"TOP_BANNER","Content":[{"BackgroundColor":"#FFFFFF",
               "HeaderConfig":{"Alignment":"LEFT","Header":"NAME","TextColor":"#000000"},
               "BodyConfig":{"Alignment":"LEFT","Body":"A reward for NAME: open the store to claim it.","TextColor":"#333333"},
               "PrimaryBtn":{"DefaultConfig":{"ButtonAction":"CLOSE","Text":"OK","BackgroundColor":"#0000FF","TextColor":"#FFFFFF"}}}]}},
             "Schedule":{"StartTime":"IMMEDIATE","Frequency":"IN_APP_EVENT","EventFilter":{"FilterType":"ENDPOINT","Dimensions":{
               "EventType":{"DimensionType":"INCLUSIVE","Values":["TYPE"]}
            """.Replace("NAME", name).Replace("TYPE", eventType) + attributes + "}}}}";
        return (await SendAsync(owner, HttpMethod.Post, $"/v1/apps/{appId}/campaigns", body, ct))["Id"]!.GetValue<string>();
    }

    public async Task RegisterEndpointsAsync(string appId, IReadOnlyList<string> endpointIds, int concurrency, CancellationToken ct)
    {
        await Parallel.ForEachAsync(endpointIds, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (id, token) =>
        {
            await SendAsync(device, HttpMethod.Put, $"/v1/apps/{appId}/endpoints/{id}",
                """{"ChannelType":"IN_APP","Demographic":{"Platform":"ios","AppVersion":"2.1.0","Timezone":"Europe/Paris"},"Attributes":{"tier":["gold"]}}""", token);
        });
    }

    /// <summary>Posts the events, <see cref="EventsPerRequest"/> per PutEvents; returns the number of requests.</summary>
    public async Task<int> PostEventsAsync(string appId, IReadOnlyList<LoadEvent> events, int concurrency, CancellationToken ct)
    {
        var chunks = events.Chunk(EventsPerRequest).ToList();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (chunk, token) =>
        {
            var response = await SendAsync(device, HttpMethod.Post, $"/v1/apps/{appId}/events", EventsBody(chunk), token);
            foreach (var (_, result) in response["Results"]!.AsObject())
            {
                foreach (var (eventId, status) in result!["EventsItemResponse"]!.AsObject())
                {
                    if (status!["StatusCode"]!.GetValue<int>() != 202) throw new InvalidOperationException($"Event {eventId} was not accepted: {status.ToJsonString()}");
                }
            }
        });
        return chunks.Count;
    }

    public static string EventsBody(IEnumerable<LoadEvent> events)
    {
        var batch = new JsonObject();
        var timestamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        foreach (var byEndpoint in events.GroupBy(e => e.EndpointId))
        {
            var list = new JsonObject();
            foreach (var e in byEndpoint)
            {
                var body = new JsonObject { ["EventType"] = e.EventType, ["Timestamp"] = timestamp };
                if (e.Attributes.Count > 0) body["Attributes"] = new JsonObject(e.Attributes.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value)));
                list[e.EventId] = body;
            }
            batch[byEndpoint.Key] = new JsonObject { ["Endpoint"] = new JsonObject(), ["Events"] = list };
        }
        return new JsonObject { ["BatchItem"] = batch }.ToJsonString();
    }

    /// <summary>Waits until the events queue holds nothing, visible or in flight, twice in a row; fails if anything reached the dead-letter queue.</summary>
    public async Task WaitForDrainAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        var emptyInARow = 0;
        while (emptyInARow < 2)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The events queue did not drain.");
            emptyInARow = await QueuedAsync(queueUrl, ct) == 0 ? emptyInARow + 1 : 0;
            await Task.Delay(100, ct);
        }
        var dead = await QueuedAsync(deadLetterUrl, ct);
        if (dead > 0) throw new InvalidOperationException($"{dead} records reached the dead-letter queue.");
    }

    private async Task<long> QueuedAsync(string url, CancellationToken ct)
    {
        var attributes = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
        {
            QueueUrl = url,
            AttributeNames = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
        }, ct);
        return attributes.Attributes.Values.Sum(v => long.Parse(v, CultureInfo.InvariantCulture));
    }

    public static async Task<JsonNode> SendAsync(HttpClient client, HttpMethod method, string path, string? json, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
