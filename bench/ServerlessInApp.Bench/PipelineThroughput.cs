using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServerlessInApp.Storage;

namespace ServerlessInApp.Bench;

/// <summary>
/// Issue 5 item 5: events per second end to end (PutEvents → queue → trigger → entitlement in the table), each event
/// entitling a fresh endpoint; beside its floor in the same run, BatchWriteItem (25 items a call) of the same
/// entitlement items to the same DynamoDB Local, from as many concurrent writers as the event source mapping has
/// pollers (the trigger's concurrency).
/// </summary>
public sealed class PipelineThroughput(LoadApi api, DynamoDbMeter meter, IAmazonDynamoDB raw, string tableName, int writers)
{
    public async Task<ThroughputResult> RunAsync(int events, CancellationToken ct)
    {
        var appId = await api.CreateAppAsync("throughput-bench", ct);
        var segmentId = await api.CreateEveryoneSegmentAsync(appId, ct);
        var campaignId = await api.CreateCampaignAsync(appId, segmentId, "first-purchase", "purchase", "", "", ct);
        var warmup = Enumerable.Range(0, 20).Select(i => Purchase($"warm-{i}")).ToList();
        await api.PostEventsAsync(appId, warmup, 1, ct);
        await api.WaitForDrainAsync(TimeSpan.FromMinutes(1), ct);

        var workload = Enumerable.Range(0, events).Select(i => Purchase($"buyer-{i:D6}")).ToList();
        meter.Reset();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stackCpu = StackCpu.Read();
        var clock = Stopwatch.StartNew();
        await api.PostEventsAsync(appId, workload, 4, ct);
        // Every event writes one entitlement (an UpdateItem creates it; a PutItem would replace an expired one, and
        // nothing else in this workload sends either); the last one written is the end of the pipeline.
        long EntitlementWrites() => meter.Count("UpdateItem") + meter.Count("PutItem");
        while (EntitlementWrites() < events)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException($"Only {EntitlementWrites()} of {events} entitlements were written.");
            await Task.Delay(20, ct);
        }
        clock.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var stackCpuUsed = StackCpu.Since(stackCpu);
        await api.WaitForDrainAsync(TimeSpan.FromMinutes(2), ct);

        // The floor: the same items (the same keys, so each overwrites what the pipeline wrote with its equal).
        var grantedAt = DateTimeOffset.UtcNow;
        var items = workload.Select(e => Entitlement(appId, e.EndpointId, campaignId, e.EventId, grantedAt)).ToList();
        var floorCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var floorStackCpu = StackCpu.Read();
        var floorClock = Stopwatch.StartNew();
        var chunks = items.Chunk(25).ToList();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = writers, CancellationToken = ct }, async (chunk, token) =>
        {
            var pending = new Dictionary<string, List<WriteRequest>>
            {
                [tableName] = chunk.Select(item => new WriteRequest { PutRequest = new PutRequest { Item = item } }).ToList(),
            };
            while (pending.Count > 0)
            {
                var response = await raw.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, token);
                pending = response.UnprocessedItems is { Count: > 0 } left ? left : [];
            }
        });
        floorClock.Stop();
        var floorCpuUsed = Process.GetCurrentProcess().TotalProcessorTime - floorCpu;
        return new ThroughputResult(events, clock.Elapsed, floorClock.Elapsed, writers, cpuUsed, stackCpuUsed,
            floorCpuUsed, StackCpu.Since(floorStackCpu));
    }

    private static LoadEvent Purchase(string endpointId) =>
        new(endpointId, "p1", "purchase", new Dictionary<string, string> { ["sku"] = "gems-100" }, LoadEventKind.Grants);

    /// <summary>An entitlement item as EndpointStore.GrantAsync writes it.</summary>
    private static Dictionary<string, AttributeValue> Entitlement(string appId, string endpointId, string campaignId, string eventId, DateTimeOffset at) => new()
    {
        [TableDefinition.PartitionKey] = new AttributeValue { S = Keys.Endpoint(appId, endpointId) },
        [TableDefinition.SortKey] = new AttributeValue { S = Keys.Entitlement(campaignId) },
        ["Type"] = new AttributeValue { S = "Entitlement" },
        ["CampaignId"] = new AttributeValue { S = campaignId },
        ["CampaignVersion"] = new AttributeValue { N = "1" },
        ["EventId"] = new AttributeValue { S = eventId },
        ["TreatmentId"] = new AttributeValue { S = "0" },
        ["GrantedAt"] = new AttributeValue { S = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) },
        ["GrantedAtMs"] = new AttributeValue { N = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) },
        [TableDefinition.TimeToLiveAttribute] = new AttributeValue { N = (at + TimeSpan.FromDays(30)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
    };
}
