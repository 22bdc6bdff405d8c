using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ServerlessInApp.Benchmarks;
using ServerlessInApp.Core.Entitlements;
using ServerlessInApp.Functions.Lambda;
using ServerlessInApp.Functions.Logging;

// bench/trigger.sh runs both modes:
//   trigger [--smoke] [--artifacts DIR] [--rows FILE]   BenchmarkDotNet: full evaluation vs the floor, 10 .. 10,000 campaigns
//   check                                               the catalog's attribute index keeps every matching campaign
//   peer [--campaigns N] [--seconds S] --cases FILE --ours FILE
//                                                       exports the cases for the device matcher and times ours on them
var mode = args.FirstOrDefault() ?? "trigger";
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var smoke = args.Contains("--smoke");

switch (mode)
{
    case "trigger":
        return RunTrigger(smoke, Option("--artifacts") ?? ".local/bench/trigger", Option("--rows"));
    case "check":
        IndexCheck.Run();
        return 0;
    case "peer":
        return RunPeer(int.Parse(Option("--campaigns") ?? "1000", CultureInfo.InvariantCulture),
            double.Parse(Option("--seconds") ?? (smoke ? "1" : "3"), CultureInfo.InvariantCulture),
            Option("--cases") ?? throw new ArgumentException("--cases FILE"), Option("--ours") ?? throw new ArgumentException("--ours FILE"));
    default:
        Console.Error.WriteLine($"unknown mode '{mode}' (trigger, check or peer)");
        return 2;
}

static int RunTrigger(bool smoke, string artifacts, string? rowsFile)
{
    // In process: no per-benchmark project build, so the full run fits a few minutes on two shared cores.
    var job = (smoke
            ? Job.Default.WithWarmupCount(1).WithIterationCount(3).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(100)).WithId("Short")
            : Job.Default.WithWarmupCount(10).WithIterationCount(12).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250)).WithId("Trigger"))
        .WithToolchain(InProcessEmitToolchain.Instance);
    var config = ManualConfig.CreateMinimumViable()
        .AddJob(job)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .WithArtifactsPath(Path.GetFullPath(artifacts))
        .WithOptions(ConfigOptions.JoinSummary);
    var summary = BenchmarkRunner.Run<TriggerEvaluationBenchmarks>(config);

    var counts = new[] { 10, 100, 1_000, 10_000 };
    var interleaved = InterleavedRatios.Measure(counts, smoke ? 3 : 21, TimeSpan.FromMilliseconds(smoke ? 20 : 60));
    Console.WriteLine();
    Console.WriteLine($"interleaved ({interleaved.Rounds} rounds, every case timed in each): full ÷ floor " +
        string.Join(", ", counts.Select(n => $"{n:N0}: {interleaved.FullOverFloor[n]:0.00}×")) + $"; full at {counts[^1]:N0} ÷ at {counts[0]:N0}: {interleaved.LastOverFirst:0.00}×");
    var rows = Rows(summary, interleaved, smoke);
    Console.WriteLine();
    foreach (var row in rows) Console.WriteLine(row);
    if (rowsFile is not null) File.WriteAllLines(rowsFile, rows);
    return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
}

static List<string> Rows(Summary summary, InterleavedRatios.Result interleaved, bool smoke)
{
    const double Target = 1.3, Flat = 1.25;
    var byCase = new Dictionary<(int Campaigns, string Method), (double MeanNs, long Bytes)>();
    foreach (var report in summary.Reports)
    {
        if (report.ResultStatistics is null) continue;
        var campaigns = (int)report.BenchmarkCase.Parameters["Campaigns"];
        var bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1;
        // The median: on shared cores a few iterations run while others compete for the CPU.
        byCase[(campaigns, report.BenchmarkCase.Descriptor.WorkloadMethod.Name)] = (report.ResultStatistics.Median, bytes);
    }
    var note = smoke ? " (smoke: short job, figures indicative only)" : "";
    var rows = new List<string>();
    var counts = byCase.Keys.Select(k => k.Campaigns).Distinct().Order().ToList();
    foreach (var n in counts)
    {
        if (!byCase.TryGetValue((n, "Evaluate"), out var full) || !byCase.TryGetValue((n, "Deserialize"), out var floor)) continue;
        // The ratio side by side (interleaved); the times are BenchmarkDotNet's medians, whose own ratio is shown too.
        var ratio = interleaved.FullOverFloor.GetValueOrDefault(n, full.MeanNs / floor.MeanNs);
        var perEvent = TriggerWorkload.BatchSize;
        rows.Add($"| Trigger evaluation, {n:N0} campaigns/app (~5% listen per event type), one 10-record SQS batch; " +
                 $"allocated {full.Bytes / perEvent:N0} B/event (floor {floor.Bytes / perEvent:N0} B/event); ratio interleaved over {interleaved.Rounds} rounds (BenchmarkDotNet medians: {full.MeanNs / floor.MeanNs:0.00}×){note} " +
                 $"| {Micro(full.MeanNs)} µs/batch | floor {Micro(floor.MeanNs)} µs/batch | {ratio:0.00}× | ≤ {Target}× | {(ratio <= Target ? "yes" : "no")} |");
    }
    if (counts.Count >= 2 && byCase.TryGetValue((counts[0], "Evaluate"), out var first) && byCase.TryGetValue((counts[^1], "Evaluate"), out var last))
    {
        var spread = interleaved.LastOverFirst;
        rows.Add($"| Trigger evaluation flat in campaigns: full at {counts[^1]:N0} vs at {counts[0]:N0}, interleaved (BenchmarkDotNet medians: {last.MeanNs / first.MeanNs:0.00}×){note} " +
                 $"| {Micro(last.MeanNs)} µs/batch | {Micro(first.MeanNs)} µs/batch | {spread:0.00}× | ≤ {Flat}× | {(spread <= Flat ? "yes" : "no")} |");
    }
    return rows;
}

static string Micro(double ns) => (ns / 1000).ToString("0.0", CultureInfo.InvariantCulture);

static int RunPeer(int campaigns, double seconds, string casesFile, string oursFile)
{
    JsonLog.MinimumLevel = LogLevel.Warn;
    var workload = new TriggerWorkload(campaigns);
    workload.Validate();
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(casesFile))!);
    File.WriteAllText(casesFile, workload.ToDeviceCases().ToJsonString());

    // Ours, on the same cases: the whole trigger function per batch (JSON in, writes and batch response out), and the
    // matcher alone (TriggerEvaluator.Evaluate: index, schedule, trigger, segment, expiry, treatment).
    var log = new WriteLog();
    var function = workload.Function(log);
    var input = new MemoryStream(workload.SqsEventJson, writable: false);
    var invocation = Invocation.Local("peer");
    var matched = 0;
    var fullRate = Rate(seconds, () =>
    {
        input.Position = 0;
        log.Clear();
        function.Handle(input, invocation).GetAwaiter().GetResult();
        matched = log.Writes.Count(w => w.Kind == "GrantEntitlement");
        return TriggerWorkload.BatchSize;
    });
    var evaluatorMatched = 0;
    var matcherRate = Rate(seconds, () =>
    {
        evaluatorMatched = 0;
        foreach (var e in workload.Events)
        {
            evaluatorMatched += TriggerEvaluator.Evaluate(e, workload.Endpoints[e.EndpointId], workload.Catalog, TriggerWorkload.Now).Count;
        }
        return workload.Events.Count;
    });
    var ours = new JsonObject
    {
        ["campaigns"] = campaigns,
        ["events"] = workload.Events.Count,
        ["matchesPerBatch"] = matched,
        ["fullEvalsPerSecond"] = fullRate,
        ["matcherEvalsPerSecond"] = matcherRate,
        ["matcherMatchesPerBatch"] = evaluatorMatched,
    };
    File.WriteAllText(oursFile, ours.ToJsonString());
    Console.WriteLine($"ours at {campaigns:N0} campaigns: trigger function {fullRate:N0} evals per CPU-second, matcher alone {matcherRate:N0}, " +
                      $"{matched} matches per {workload.Events.Count} events");
    return 0;
}

/// <summary>
/// Evaluations per CPU-second of <paramref name="run"/> (which returns how many it did) over about
/// <paramref name="seconds"/>, after a warm-up: the process's own CPU time (every thread, GC and JIT included), so
/// other work on shared cores does not count against it. match.mjs measures the peer the same way.
/// </summary>
static double Rate(double seconds, Func<int> run)
{
    // Warm up by count as well as by time: on busy cores the JIT's background tier-1 compiles come late.
    var warm = Stopwatch.StartNew();
    for (var i = 0; i < 3_000 || warm.Elapsed.TotalSeconds < Math.Min(1, seconds / 2); i++) run();
    Thread.Sleep(200);
    for (var i = 0; i < 1_000; i++) run();
    var best = 0.0;
    var process = Process.GetCurrentProcess();
    for (var round = 0; round < 3; round++)
    {
        long done = 0;
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < seconds / 3) done += run();
        process.Refresh();
        best = Math.Max(best, done / (process.TotalProcessorTime - cpu).TotalSeconds);
    }
    return best;
}
