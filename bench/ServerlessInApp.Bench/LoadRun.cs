using System.Diagnostics;
using System.Globalization;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.SQS;
using ServerlessInApp.LocalHost;

namespace ServerlessInApp.Bench;

/// <summary>
/// <c>load [--smoke]</c>: issue 5 items 3, 4, 5, 7 and 8 in one run on the local stack, each figure beside its floor
/// measured in the same run; prints the details, then one markdown table row per figure. Figures, never assertions.
/// </summary>
public sealed class LoadRun(TextWriter output)
{
    public sealed record Sizes(int StorageEvents, int FetchEndpoints, int FetchRequests, int FetchClients, int ThroughputEvents);

    public static readonly Sizes Full = new(10_000, 200, 5_000, 8, 5_000);
    public static readonly Sizes Smoke = new(200, 20, 200, 8, 200);

    /// <summary>Only one phase (storage, fetch or throughput) of <paramref name="sizes"/>: the others are skipped.</summary>
    public static Sizes Only(Sizes sizes, string phase) => phase switch
    {
        "storage" => sizes with { FetchRequests = 0, ThroughputEvents = 0 },
        "fetch" => sizes with { StorageEvents = 0, ThroughputEvents = 0 },
        "throughput" => sizes with { StorageEvents = 0, FetchRequests = 0 },
        _ => throw new ArgumentException($"Unknown phase '{phase}': storage, fetch or throughput."),
    };

    public async Task<int> RunAsync(Sizes sizes, Func<int> freePort, CancellationToken ct)
    {
        await using var sampler = new ResourceSampler();
        var meter = new DynamoDbMeter();
        var port = freePort();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var options = LocalHostOptions.FromEnvironment($"http://127.0.0.1:{port}") with
        {
            TableName = $"load-{suffix}",
            EventsQueueName = $"load-events-{suffix}",
            DeadLetterQueueName = $"load-dlq-{suffix}",
            DynamoDbHttpClientFactory = meter,
        };
        var region = RegionEndpoint.GetBySystemName(options.Region);
        await using var host = await LocalStack.StartAsync(options, ct);
        using var owner = SigV4SigningHandler.Client($"http://127.0.0.1:{port}", options.OwnerKey, options.Region);
        using var device = SigV4SigningHandler.Client($"http://127.0.0.1:{port}", options.AppKey, options.Region);
        using var sqs = new AmazonSQSClient(new AmazonSQSConfig { RegionEndpoint = region, ServiceURL = options.SqsServiceUrl });
        using var raw = new AmazonDynamoDBClient(new AmazonDynamoDBConfig { RegionEndpoint = region, ServiceURL = options.DynamoDbServiceUrl });
        var queueUrl = (await sqs.GetQueueUrlAsync(options.EventsQueueName, ct)).QueueUrl;
        var deadLetterUrl = (await sqs.GetQueueUrlAsync(options.DeadLetterQueueName, ct)).QueueUrl;
        var api = new LoadApi(owner, device, sqs, queueUrl, deadLetterUrl);

        output.WriteLine($"load: {Environment.ProcessorCount} cores; storage {sizes.StorageEvents} events, fetch {sizes.FetchRequests} requests " +
                         $"({sizes.FetchClients} clients, {sizes.FetchEndpoints} endpoints), throughput {sizes.ThroughputEvents} events; " +
                         $"{options.Pollers} pollers, batch {options.BatchSize}");
        var total = Stopwatch.StartNew();

        StorageResult? storage = null;
        FetchResult? fetch = null;
        ThroughputResult? throughput = null;
        if (sizes.StorageEvents > 0)
        {
            sampler.Phase("storage");
            storage = await new StorageWork(api, meter).RunAsync(sizes.StorageEvents, ct);
            ReportStorage(storage);
        }
        if (sizes.FetchRequests > 0)
        {
            sampler.Phase("fetch");
            fetch = await new FetchLatency(api, raw, options.TableName).RunAsync(sizes.FetchEndpoints, sizes.FetchRequests, sizes.FetchClients, ct);
            ReportFetch(fetch);
        }
        if (sizes.ThroughputEvents > 0)
        {
            sampler.Phase("throughput");
            throughput = await new PipelineThroughput(api, meter, raw, options.TableName, options.Pollers).RunAsync(sizes.ThroughputEvents, ct);
            ReportThroughput(throughput);
        }

        sampler.Phase("done");
        await host.StopAsync(ct);
        var peak = ResourceSampler.PeakWorkingSet / 1048576.0;
        ReportMemory(sampler, peak);
        // The functions' MemorySize (template.yaml FunctionMemorySize), set from bench/coldstart.sh's per-handler peaks.
        const double memoryMb = 128;
        var cost = storage is null ? null : CostModel.PerMillion(storage, memoryMb);
        var floorCost = storage is null ? null : CostModel.PerMillion(storage, memoryMb, storage.Minimum.ReadUnits, storage.Minimum.WriteUnits);
        if (storage is not null) ReportCost(storage, cost!, floorCost!, memoryMb);
        output.WriteLine($"load: finished in {total.Elapsed.TotalSeconds:F0} s");

        output.WriteLine();
        output.WriteLine("| figure | ours | floor or peer | ratio | target | holds |");
        output.WriteLine("|---|---|---|---|---|---|");
        if (storage is not null) StorageRows(storage);
        if (fetch is not null) FetchRows(fetch);
        if (throughput is not null) ThroughputRow(throughput);
        // Context only: the per-handler figure against the target comes from bench/coldstart.sh (one process each).
        Row("peak memory of this whole harness process (all four handlers in one, Kestrel, the load clients)", F($"{peak:F0} MB"), "—", null, "(context)", null);
        if (cost is not null && floorCost is not null)
        {
            Row("cost per million events (us-east-1, 2026 list prices)", F($"${cost.Total:F2}"), F($"${floorCost.Total:F2} (storage at design minimum)"),
                cost.Total / floorCost.Total, "—", null);
        }
        return 0;
    }

    private void StorageRows(StorageResult storage)
    {
        var perEvent = storage.Units / storage.Events;
        var minPerEvent = storage.Minimum.Units / storage.Events;
        Row("storage work per event (DynamoDB capacity units)", F($"{perEvent:F3} CU"), F($"{minPerEvent:F3} CU (design minimum)"),
            perEvent / minPerEvent, "≤ 1.1", perEvent / minPerEvent <= 1.1);
        var campaignReads = (double)storage.CampaignReads / storage.Events;
        Row("campaign-definition reads per event", F($"{campaignReads:F4} ({storage.CampaignReads} in {storage.Events})"), "0", null, "0", storage.CampaignReads == 0);
    }

    private void FetchRows(FetchResult fetch)
    {
        Row($"fetch p50 ({fetch.Clients} clients, 20 entitlements; p95 {fetch.Ours.P95:F2} vs {fetch.Floor.P95:F2} ms)",
            F($"{fetch.Ours.P50:F2} ms"), F($"{fetch.Floor.P50:F2} ms (raw Query)"), fetch.Ours.P50 / fetch.Floor.P50, "≤ 1.2", fetch.Ours.P50 / fetch.Floor.P50 <= 1.2);
        Row("fetch p99", F($"{fetch.Ours.P99:F2} ms"), F($"{fetch.Floor.P99:F2} ms (raw Query)"), fetch.Ours.P99 / fetch.Floor.P99, "≤ 1.5", fetch.Ours.P99 / fetch.Floor.P99 <= 1.5);
    }

    private void ThroughputRow(ThroughputResult throughput)
    {
        Row("pipeline throughput (PutEvents → table)", F($"{throughput.EventsPerSecond:F0} events/s"),
            F($"{throughput.FloorItemsPerSecond:F0} items/s (BatchWriteItem, {throughput.Writers} writers)"),
            throughput.EventsPerSecond / throughput.FloorItemsPerSecond, "≥ 0.8", throughput.EventsPerSecond / throughput.FloorItemsPerSecond >= 0.8);
    }

    private void Row(string figure, string ours, string floor, double? ratio, string target, bool? holds) =>
        output.WriteLine($"| {figure} | {ours} | {floor} | {(ratio is { } r ? F($"{r:F2}") : "—")} | {target} | {(holds is { } h ? (h ? "yes" : "no") : "—")} |");

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private void ReportStorage(StorageResult s)
    {
        var m = s.Minimum;
        output.WriteLine();
        output.WriteLine(F($"storage: {s.Events} events in {s.PutEventsRequests} PutEvents, processed in {s.Elapsed.TotalSeconds:F1} s ({s.TriggerBatches} trigger batches, {(double)s.Events / Math.Max(1, s.TriggerBatches):F1} events each), CPU {s.CpuTime.TotalSeconds:F1} s"));
        output.WriteLine(F($"  actual:  {s.Requests} requests, {s.ReadUnits:F1} RCU + {s.WriteUnits:F1} WCU = {s.Units:F1} CU ({s.Units / s.Events:F3} per event; {s.Tallies.Sum(t => t.EstimatedUnits):F1} CU computed from item sizes for {s.Tallies.Sum(t => t.Failed)} failed conditions)"));
        output.WriteLine(F($"  minimum: {m.Requests} requests, {m.ReadUnits:F1} RCU + {m.WriteUnits:F1} WCU = {m.Units:F1} CU ({m.Units / s.Events:F3} per event)"));
        var estimated = s.Tallies.Sum(t => t.EstimatedUnits);
        output.WriteLine(F($"  ratio:   {s.Units / m.Units:F2} in capacity units ({(s.Units - estimated) / m.Units:F2} if failed conditions were free), {(double)s.Requests / m.Requests:F2} in requests; campaign-definition reads {s.CampaignReads}"));
        output.WriteLine("  | operation | touches (PK/SK kinds) | requests | per event | failed | RCU | WCU |");
        output.WriteLine("  |---|---|---|---|---|---|---|");
        foreach (var t in s.Tallies.OrderByDescending(t => t.ReadUnits + t.WriteUnits))
        {
            output.WriteLine(F($"  | {t.Operation} | {t.Kind} | {t.Requests} | {(double)t.Requests / s.Events:F3} | {t.Failed} | {t.ReadUnits:F1} | {t.WriteUnits:F1} |"));
        }
    }

    private void ReportFetch(FetchResult f)
    {
        output.WriteLine();
        output.WriteLine(F($"fetch: {f.Ours.Count} GetInAppMessages and {f.Floor.Count} raw Queries, {f.Clients} concurrent clients, {f.Endpoints} endpoints of 20 entitlements ({f.ResponseBytes} bytes a response), alternating in {FetchLatency.Rounds} rounds"));
        output.WriteLine(F($"  GetInAppMessages: p50 {f.Ours.P50:F2}  p95 {f.Ours.P95:F2}  p99 {f.Ours.P99:F2}  max {f.Ours.Max:F2} ms; CPU {f.CpuTime.TotalMilliseconds / f.Ours.Count:F2} ms a fetch (process, client included)"));
        output.WriteLine(F($"  raw Query:        p50 {f.Floor.P50:F2}  p95 {f.Floor.P95:F2}  p99 {f.Floor.P99:F2}  max {f.Floor.Max:F2} ms; CPU {f.FloorCpuTime.TotalMilliseconds / f.Floor.Count:F2} ms a Query"));
        output.WriteLine(F($"  raw Query + stamp GetItem (what a fetch sends): p50 {f.QueryAndStamp.P50:F2}  p95 {f.QueryAndStamp.P95:F2}  p99 {f.QueryAndStamp.P99:F2}  max {f.QueryAndStamp.Max:F2} ms"));
    }

    private void ReportThroughput(ThroughputResult t)
    {
        output.WriteLine();
        output.WriteLine(F($"throughput: {t.Events} granting events end to end in {t.Pipeline.TotalSeconds:F2} s = {t.EventsPerSecond:F0} events/s (CPU {t.CpuTime.TotalSeconds:F1} s); BatchWriteItem of the same {t.Events} items with {t.Writers} writers in {t.Floor.TotalSeconds:F2} s = {t.FloorItemsPerSecond:F0} items/s"));
        if (t.StackCpuTime.Count > 0)
        {
            var cores = Environment.ProcessorCount;
            output.WriteLine(F($"  CPU per event, pipeline: {Split(t.CpuTime, t.StackCpuTime, t.Events)} = {t.CpuMsPerEvent:F3} ms; at {cores} cores busy that allows at most {cores * 1000 / t.CpuMsPerEvent:F0} events/s"));
            output.WriteLine(F($"  CPU per item, BatchWriteItem: {Split(t.FloorCpuTime, t.FloorStackCpuTime, t.Events)} = {t.FloorCpuMsPerItem:F3} ms; at {cores} cores, at most {cores * 1000 / t.FloorCpuMsPerItem:F0} items/s"));
            output.WriteLine(F($"  so CPU alone bounds the ratio at {t.FloorCpuMsPerItem / t.CpuMsPerEvent:F3} on this machine, whatever the concurrency"));
        }
    }

    private static string Split(TimeSpan own, IReadOnlyDictionary<string, TimeSpan> stack, int count) =>
        string.Join(" + ", stack.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => F($"{kv.Key} {kv.Value.TotalMilliseconds / count:F3}"))
            .Prepend(F($"this process {own.TotalMilliseconds / count:F3}"))) + " ms";

    private void ReportMemory(ResourceSampler sampler, double peakMb)
    {
        output.WriteLine();
        output.WriteLine(F($"memory: peak working set of the process (VmHWM) {peakMb:F0} MB; sampled every 50 ms, per phase:"));
        foreach (var (phase, (ws, heap)) in sampler.Peaks)
        {
            output.WriteLine(F($"  {phase,-10} working set {ws / 1048576.0,6:F0} MB   GC heap {heap / 1048576.0,6:F0} MB"));
        }
    }

    private void ReportCost(StorageResult s, CostModel c, CostModel floor, double memoryMb)
    {
        output.WriteLine();
        output.WriteLine(F($"cost per million events (standard workload, {s.Events / (double)s.PutEventsRequests:F0} events per PutEvents, {memoryMb:F0} MB functions):"));
        output.WriteLine(F($"  HTTP API   {c.HttpRequests,12:F0} requests × ${CostModel.HttpApiPerMillion}/M            = ${c.HttpCost:F4}"));
        output.WriteLine(F($"  SQS        {c.SqsRequests,12:F0} requests × ${CostModel.SqsPerMillion}/M            = ${c.SqsCost:F4}"));
        output.WriteLine(F($"  Lambda     {c.LambdaRequests,12:F0} requests × ${CostModel.LambdaRequestsPerMillion}/M + {c.GbSeconds:F1} GB-s × ${CostModel.LambdaArmPerGbSecond} = ${c.LambdaCost:F4}"));
        output.WriteLine(F($"  DynamoDB   {c.ReadUnits,12:F0} RRU × ${CostModel.ReadUnitsPerMillion}/M + {c.WriteUnits:F0} WRU × ${CostModel.WriteUnitsPerMillion}/M = ${c.DynamoCost:F4}"));
        output.WriteLine(F($"  total ${c.Total:F4}; with storage at the design minimum ({floor.ReadUnits:F0} RRU, {floor.WriteUnits:F0} WRU) ${floor.Total:F4}"));
    }
}
