using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServerlessInApp.Storage;

namespace ServerlessInApp.Bench;

/// <summary>
/// Issue 5 item 4: GetInAppMessages through the local host (HTTP, SigV4-signed with the app key) for endpoints with
/// 20 entitlements each, from concurrent clients; and in the same run its floor, the same Query of the endpoint's
/// partition (EndpointStore.GetPartitionAsync) through a plain AmazonDynamoDBClient on the same DynamoDB Local.
/// The two alternate in rounds so that neither gets the quieter half of the run.
/// </summary>
public sealed class FetchLatency(LoadApi api, IAmazonDynamoDB raw, string tableName)
{
    public const int EntitlementsPerEndpoint = 20;
    public const int Rounds = 5;

    public async Task<FetchResult> RunAsync(int endpoints, int requests, int clients, CancellationToken ct)
    {
        var appId = await api.CreateAppAsync("fetch-bench", ct);
        var segmentId = await api.CreateEveryoneSegmentAsync(appId, ct);
        for (var i = 0; i < EntitlementsPerEndpoint; i++)
        {
            await api.CreateCampaignAsync(appId, segmentId, $"offer-{i:D2}", "session_started", "", StorageWork.CampaignLimits, ct);
        }
        var ids = Enumerable.Range(0, endpoints).Select(i => $"reader-{i:D4}").ToList();
        await api.RegisterEndpointsAsync(appId, ids, 8, ct);
        await api.PostEventsAsync(appId, ids.Select(id => new LoadEvent(id, "s1", "session_started", new Dictionary<string, string>(), LoadEventKind.Grants)).ToList(), 4, ct);
        await api.WaitForDrainAsync(TimeSpan.FromMinutes(2), ct);

        var sample = await LoadApi.SendAsync(api.Device, HttpMethod.Get, $"/v1/apps/{appId}/endpoints/{ids[0]}/inappmessages", null, ct);
        var messages = sample["InAppMessageCampaigns"]!.AsArray().Count;
        if (messages != EntitlementsPerEndpoint) throw new InvalidOperationException($"An endpoint got {messages} messages, not {EntitlementsPerEndpoint}.");
        var rawItems = (await QueryAsync(appId, ids[0], ct));
        if (rawItems != EntitlementsPerEndpoint + 1) throw new InvalidOperationException($"The partition holds {rawItems} items, not {EntitlementsPerEndpoint + 1}.");

        // Warm both paths (connections, JIT), then alternate.
        await MeasureAsync(Math.Min(requests / 5, 500), clients, i => FetchAsync(appId, ids[i % ids.Count], ct));
        await MeasureAsync(Math.Min(requests / 5, 500), clients, i => QueryAsync(appId, ids[i % ids.Count], ct));
        var ours = new List<double>(requests);
        var floor = new List<double>(requests);
        var both = new List<double>(requests);
        var cpu = TimeSpan.Zero;
        var floorCpu = TimeSpan.Zero;
        var perRound = (requests + Rounds - 1) / Rounds;
        for (var round = 0; round < Rounds; round++)
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            ours.AddRange(await MeasureAsync(perRound, clients, i => FetchAsync(appId, ids[(round * perRound + i) % ids.Count], ct)));
            cpu += Process.GetCurrentProcess().TotalProcessorTime - before;
            before = Process.GetCurrentProcess().TotalProcessorTime;
            floor.AddRange(await MeasureAsync(perRound, clients, i => QueryAsync(appId, ids[(round * perRound + i) % ids.Count], ct)));
            floorCpu += Process.GetCurrentProcess().TotalProcessorTime - before;
            both.AddRange(await MeasureAsync(perRound, clients, i => QueryAndStampAsync(appId, ids[(round * perRound + i) % ids.Count], ct)));
        }
        return new FetchResult(new Percentiles(ours), new Percentiles(floor), new Percentiles(both), clients, endpoints,
            sample.ToJsonString().Length, cpu, floorCpu);
    }

    private async Task<int> FetchAsync(string appId, string endpointId, CancellationToken ct)
    {
        using var response = await api.Device.GetAsync($"/v1/apps/{appId}/endpoints/{endpointId}/inappmessages", ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GetInAppMessages answered {(int)response.StatusCode}");
        return body.Length;
    }

    /// <summary>The Query GetInAppMessages makes (EndpointStore.GetPartitionAsync), every page.</summary>
    private async Task<int> QueryAsync(string appId, string endpointId, CancellationToken ct)
    {
        var items = 0;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await raw.QueryAsync(new QueryRequest
            {
                TableName = tableName,
                KeyConditionExpression = "#pk = :pk",
                ExpressionAttributeNames = new() { ["#pk"] = TableDefinition.PartitionKey },
                ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = Keys.Endpoint(appId, endpointId) } },
                ExclusiveStartKey = start,
            }, ct);
            items += page.Items?.Count ?? 0;
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        } while (start is not null);
        return items;
    }

    /// <summary>
    /// What GetInAppMessages sends to DynamoDB, raw: the partition Query and, at the same time, the consistent read of
    /// the app's catalog stamp (CatalogStore.GetVersionAsync), which every fetch makes.
    /// </summary>
    private async Task<int> QueryAndStampAsync(string appId, string endpointId, CancellationToken ct)
    {
        var stamp = raw.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = new() { [TableDefinition.PartitionKey] = new AttributeValue { S = Keys.App(appId) }, [TableDefinition.SortKey] = new AttributeValue { S = Keys.AppItem } },
            ProjectionExpression = "#stamp",
            ExpressionAttributeNames = new() { ["#stamp"] = "CatalogVersion" },
            ConsistentRead = true,
        }, ct);
        var items = await QueryAsync(appId, endpointId, ct);
        return items + (await stamp).Item.Count;
    }

    /// <summary>Runs <paramref name="count"/> calls from <paramref name="clients"/> concurrent loops; returns each call's milliseconds.</summary>
    private static async Task<double[]> MeasureAsync(int count, int clients, Func<int, Task<int>> call)
    {
        var samples = new double[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                await call(i);
                samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        return samples;
    }
}
