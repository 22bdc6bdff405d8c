using System.Diagnostics;

namespace ServerlessInApp.Bench;

/// <summary>
/// Issue 5 item 3: the standard workload through the whole local stack (PutEvents → events queue → event source
/// mapping → trigger → DynamoDB Local), counting every request the product's DynamoDB client sends and the capacity
/// each consumed, beside the least the design needs for the same events.
/// </summary>
public sealed class StorageWork(LoadApi api, DynamoDbMeter meter)
{
    public const string CampaignLimits = "\"Limits\":{\"Daily\":3,\"Total\":10},";

    public async Task<StorageResult> RunAsync(int events, CancellationToken ct)
    {
        var appId = await api.CreateAppAsync("storage-bench", ct);
        var segmentId = await api.CreateEveryoneSegmentAsync(appId, ct);
        var campaignId = await api.CreateCampaignAsync(appId, segmentId, "level-10-reward", StandardWorkload.GrantingEventType,
            ""","Attributes":{"level":{"AttributeType":"INCLUSIVE","Values":["10"]}}""", CampaignLimits, ct);
        var workload = StandardWorkload.Create(events, campaignId);
        await api.RegisterEndpointsAsync(appId, workload.EndpointIds, 8, ct);

        // Warm-up (not measured): one event of each kind, so the trigger has loaded the catalog and JIT-compiled its
        // paths, as a warm Lambda execution environment has.
        var warmup = StandardWorkload.Create(40, campaignId).Events.Select(e => e with { EndpointId = "warmup-" + e.EndpointId, EventId = "w" + e.EventId }).ToList();
        await api.PostEventsAsync(appId, warmup, 1, ct);
        await api.WaitForDrainAsync(TimeSpan.FromMinutes(1), ct);

        meter.Reset();
        meter.Capturing = true;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var requests = await api.PostEventsAsync(appId, workload.Events, 4, ct);
        await api.WaitForDrainAsync(TimeSpan.FromMinutes(5), ct);
        clock.Stop();
        meter.Capturing = false;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return new StorageResult(events, requests, meter.Tallies, workload.Minimum(LoadApi.EventsPerRequest), clock.Elapsed, cpuUsed);
    }
}
