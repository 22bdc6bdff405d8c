using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ServerlessInApp.Bench;

/// <summary>
/// How long, on the local stack, from PutEvents answering 202 for an event to GetInAppMessages returning the campaign
/// that event triggered: the queue, the event source mapping, trigger evaluation and the entitlement write together.
/// Each event is for a fresh endpoint and is measured alone, polling the fetch route every few milliseconds.
/// </summary>
public sealed class EventToMessageLatency(HttpClient http, TextWriter output)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    public async Task<IReadOnlyList<double>> RunAsync(int events, CancellationToken ct)
    {
        var appId = await SeedAsync(ct);
        var samples = new List<double>(events);
        for (var i = 0; i < events; i++)
        {
            var endpointId = $"latency-{i}-{Guid.NewGuid():N}";
            var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            var body = """{"BatchItem":{"EP":{"Endpoint":{},"Events":{"e1":{"EventType":"purchase","Timestamp":"NOW","Metrics":{"price":25}}}}}}"""
                .Replace("EP", endpointId).Replace("NOW", now);
            using (var posted = await http.PostAsync($"/v1/apps/{appId}/events", new StringContent(body, Encoding.UTF8, "application/json"), ct))
            {
                if (posted.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"PutEvents answered {(int)posted.StatusCode}");
            }
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var fetched = JsonNode.Parse(await http.GetStringAsync($"/v1/apps/{appId}/endpoints/{endpointId}/inappmessages", ct))!;
                if (fetched["InAppMessageCampaigns"]!.AsArray().Count > 0) break;
                if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"Event {i} never produced a message.");
                await Task.Delay(PollInterval, ct);
            }
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }
        return samples;
    }

    public void Report(IReadOnlyList<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        output.WriteLine($"event accepted -> message returned, {sorted.Length} events (poll every {PollInterval.TotalMilliseconds} ms):");
        output.WriteLine(FormattableString.Invariant($"  median {At(0.5):F0} ms   p95 {At(0.95):F0} ms   min {sorted[0]:F0} ms   max {sorted[^1]:F0} ms"));
    }

    private async Task<string> SeedAsync(CancellationToken ct)
    {
        var app = await PostAsync("/v1/apps", """{"Name":"latency-bench"}""", ct);
        var appId = app["Id"]!.GetValue<string>();
        var segment = await PostAsync($"/v1/apps/{appId}/segments", """{"Name":"everyone"}""", ct);
        await PostAsync($"/v1/apps/{appId}/campaigns", """
            {"Name":"big-purchase","SegmentId":"SEG","Priority":1,
             "MessageConfiguration":{"InAppMessage":{"Layout":"TOP_BANNER","Content":[{"BackgroundColor":"#FFFFFF",
               "HeaderConfig":{"Alignment":"LEFT","Header":"Thanks!","TextColor":"#000000"}}]}},
             "Schedule":{"StartTime":"IMMEDIATE","Frequency":"IN_APP_EVENT","EventFilter":{"FilterType":"ENDPOINT","Dimensions":{
               "EventType":{"DimensionType":"INCLUSIVE","Values":["purchase"]},
               "Metrics":{"price":{"ComparisonOperator":"GREATER_THAN","Value":10}}}}}}
            """.Replace("SEG", segment["Id"]!.GetValue<string>()), ct);
        return appId;
    }

    private async Task<JsonNode> PostAsync(string path, string json, CancellationToken ct)
    {
        using var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
