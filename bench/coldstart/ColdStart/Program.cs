using System.Diagnostics;
using System.Globalization;
using ServerlessInApp.Bench.ColdStart;
using ServerlessInApp.Functions.Http;

// Cold start of the published function executable (bench/coldstart.sh builds the variants and calls this):
//
//   ColdStart --runs N [--handlers ingest,trigger,fetch,admin] [--samples FILE] [--memory N [--memory-variant NAME]]
//             --empty NAME=exe:PATH|dll:PATH ... --variant NAME=exe:PATH|dll:PATH ...
//
// exe:PATH is started as is (provided.al2023 starts bootstrap); dll:PATH is started as `dotnet exec PATH`, as the
// managed dotnet10 runtime starts an executable assembly. Each start is one fresh process with the function's
// environment, timed from just before Process.Start to the arrival of its first POST .../response (init: to its
// first GET .../next); then a second, warm invocation of the same kind is timed from being handed over to its
// outcome (what the first one costs the emulators, not the start). An empty program is timed from start to exit. The first --empty is the floor of every ratio.
// One uncounted warm-up round first (page cache, emulators' JIT), then N rounds, each running every empty program
// and every variant × handler once, the order rotated per round: side by side on a noisy machine.
//
// --memory N: then, for each handler, one process of --memory-variant (default: the last --variant) serves N
// invocations back to back (Stack.LoadInvocationsAsync: 10-record trigger batches, fetches of 20 messages, PutEvents
// of 100 events, admin reads and writes), and its peak working set (VmHWM) is read just before it is stopped: what
// Lambda reports as "Max Memory Used" for a function's process.

var runs = 10;
var handlers = FunctionName.All.ToList();
string? samplesFile = null;
var memoryInvocations = 0;
string? memoryVariant = null;
var empties = new List<Launch>();
var variants = new List<Launch>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--handlers": handlers = [.. args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
        case "--samples": samplesFile = args[++i]; break;
        case "--memory": memoryInvocations = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--memory-variant": memoryVariant = args[++i]; break;
        case "--empty": empties.Add(Launch.Parse(args[++i])); break;
        case "--variant": variants.Add(Launch.Parse(args[++i])); break;
        default: Console.Error.WriteLine($"ColdStart: unknown argument '{args[i]}'"); return 2;
    }
}
if (empties.Count == 0 || variants.Count == 0)
{
    Console.Error.WriteLine("ColdStart: give at least one --empty and one --variant");
    return 2;
}
foreach (var handler in handlers)
{
    if (!FunctionName.All.Contains(handler)) { Console.Error.WriteLine($"ColdStart: unknown handler {handler}"); return 2; }
}

using var stack = await Stack.CreateAsync();
using var api = RuntimeApi.Start();
var samples = new List<Sample>();
Console.WriteLine($"cold starts: {runs} rounds (+1 warm-up) of {empties.Count} empty program(s) and {variants.Count} variant(s) x {handlers.Count} handler(s); table {stack.TableName}");

var jobs = empties.Select(empty => (Launch: empty, Handler: (string?)null))
    .Concat(variants.SelectMany(variant => handlers.Select(handler => (Launch: variant, Handler: (string?)handler))))
    .ToList();
for (var round = 0; round <= runs; round++)
{
    var rotated = jobs.Skip(round % jobs.Count).Concat(jobs.Take(round % jobs.Count));
    foreach (var (launch, handler) in rotated)
    {
        var sample = handler is null ? await RunEmptyAsync(launch) : await RunFunctionAsync(launch, handler);
        if (round > 0) samples.Add(sample with { Round = round });
    }
    Console.WriteLine(round == 0 ? "  warm-up round done" : $"  round {round}/{runs} done");
}

if (samplesFile is not null)
{
    await File.WriteAllLinesAsync(samplesFile, samples.Select(s =>
        FormattableString.Invariant($"{s.Round},{s.Name},{s.Handler ?? "-"},{s.InitMs:F2},{s.TotalMs:F2},{s.WarmMs:F2}")).Prepend("round,variant,handler,init_ms,total_ms,warm_ms"));
}

// Details: init (process start -> first GET next), total (-> first response) and the warm second invocation.
Console.WriteLine();
Console.WriteLine("| variant | handler | init median ms | first invocation median ms | min | max | warm 2nd invocation median ms | n |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (var group in samples.GroupBy(s => (s.Name, s.Handler)))
{
    var total = group.Select(s => s.TotalMs).ToList();
    var init = group.Select(s => s.InitMs).ToList();
    Console.WriteLine(FormattableString.Invariant(
        $"| {group.Key.Name} | {group.Key.Handler ?? "(empty program: start to exit)"} | {(group.Key.Handler is null ? "-" : Median(init).ToString("F1", CultureInfo.InvariantCulture))} | {Median(total):F1} | {total.Min():F1} | {total.Max():F1} | {(group.Key.Handler is null ? "-" : Median(group.Select(s => s.WarmMs).ToList()).ToString("F1", CultureInfo.InvariantCulture))} | {total.Count} |"));
}

var floor = empties[0];
var floorMs = Median(samples.Where(s => s.Name == floor.Name).Select(s => s.TotalMs).ToList());
Console.WriteLine();
Console.WriteLine("| figure | ours | floor or peer | ratio | target | holds |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var empty in empties.Skip(1))
{
    var ms = Median(samples.Where(s => s.Name == empty.Name).Select(s => s.TotalMs).ToList());
    Console.WriteLine(FormattableString.Invariant(
        $"| empty program {empty.Name}, start to exit (median of {runs}) | {ms:F0} ms | {floor.Name} {floorMs:F0} ms | {ms / floorMs:F2}x | (peer) | - |"));
}
foreach (var variant in variants)
{
    foreach (var handler in handlers)
    {
        var ms = Median(samples.Where(s => s.Name == variant.Name && s.Handler == handler).Select(s => s.TotalMs).ToList());
        var ratio = ms / floorMs;
        Console.WriteLine(FormattableString.Invariant(
            $"| cold start {variant.Name} {handler}: start to first invocation (median of {runs}) | {ms:F0} ms | {floor.Name} {floorMs:F0} ms | {ratio:F2}x | <= 1.5x | {(ratio <= 1.5 ? "yes" : "no")} |"));
    }
}

if (memoryInvocations > 0)
{
    var launch = memoryVariant is null ? variants[^1] : variants.Single(v => v.Name == memoryVariant);
    await stack.CreateLoadAppAsync();
    // The trigger first: the fetches read what it entitled.
    var order = handlers.OrderBy(h => h == FunctionName.Trigger ? 0 : h == FunctionName.Fetch ? 1 : 2).ToList();
    var peaks = new List<(string Handler, MemoryPeak Peak)>();
    foreach (var handler in order)
    {
        var invocations = await stack.LoadInvocationsAsync(handler, memoryInvocations);
        peaks.Add((handler, await RunUnderLoadAsync(launch, handler, invocations)));
    }
    Console.WriteLine();
    Console.WriteLine($"memory: {launch.Name}, {memoryInvocations} invocations per handler, back to back, one process each; VmHWM read before it was stopped");
    foreach (var (handler, peak) in peaks)
    {
        Console.WriteLine(FormattableString.Invariant(
            $"  {handler,-8} peak working set {peak.PeakMb,6:F1} MB   working set at the end {peak.EndMb,6:F1} MB   {peak.Seconds,5:F1} s"));
    }
    Console.WriteLine();
    Console.WriteLine("| figure | ours | floor or peer | ratio | target | holds |");
    Console.WriteLine("|---|---|---|---|---|---|");
    foreach (var (handler, peak) in peaks)
    {
        Console.WriteLine(FormattableString.Invariant(
            $"| peak memory {launch.Name} {handler}: working set (VmHWM) over {memoryInvocations} invocations | {peak.PeakMb:F0} MB | 128 MB | {peak.PeakMb / 128:F2} | ≤ 128 MB | {(peak.PeakMb <= 128 ? "yes" : "no")} |"));
    }
}
return 0;

async Task<MemoryPeak> RunUnderLoadAsync(Launch launch, string handler, IReadOnlyList<string> invocations)
{
    var outcome = api.Arm(invocations);
    using var process = new Process { StartInfo = launch.StartInfo(FunctionEnvironment(handler, "WARN")) };
    var output = new System.Text.StringBuilder();
    var started = StartCapturingOutput(process, output);
    StartTiming timing;
    double peakMb, endMb;
    try
    {
        timing = await outcome.WaitAsync(TimeSpan.FromMinutes(5));
        (peakMb, endMb) = ReadMemory(process.Id);
    }
    catch (Exception exception)
    {
        throw new InvalidOperationException($"{launch.Name} {handler} under load: {exception.Message}\n{output}", exception);
    }
    finally
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }
    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    if (timing.Errors > 0) throw new InvalidOperationException($"{launch.Name} {handler} under load: {timing.Errors} invocation errors\n{output}");
    foreach (var body in timing.Bodies) stack.CheckLoad(handler, body);
    return new MemoryPeak(peakMb, endMb, seconds);
}

// Starts the process with its stdout and stderr collected in output (shown when it fails); returns when it started.
static long StartCapturingOutput(Process process, System.Text.StringBuilder output)
{
    process.OutputDataReceived += (_, line) => { lock (output) output.AppendLine(line.Data); };
    process.ErrorDataReceived += (_, line) => { lock (output) output.AppendLine(line.Data); };
    var started = Stopwatch.GetTimestamp();
    process.Start();
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return started;
}

// VmHWM is the peak resident set size of the process, VmRSS the current one (proc(5)), in kB.
static (double PeakMb, double EndMb) ReadMemory(int pid)
{
    double peak = double.NaN, now = double.NaN;
    foreach (var line in File.ReadLines($"/proc/{pid}/status"))
    {
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kilobytes(line) / 1024;
        else if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) now = Kilobytes(line) / 1024;
    }
    return (peak, now);

    static double Kilobytes(string line) => double.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
}

Dictionary<string, string> FunctionEnvironment(string handler, string logLevel) => new()
{
    ["AWS_LAMBDA_RUNTIME_API"] = api.Address,
    ["_HANDLER"] = handler,
    ["SERVERLESSINAPP_HANDLER"] = handler,
    ["TABLE_NAME"] = stack.TableName,
    ["EVENTS_QUEUE_URL"] = stack.EventsQueueUrl,
    ["ACCOUNT_ID"] = "123456789012",
    ["AWS_LAMBDA_LOG_LEVEL"] = logLevel,
    ["AWS_REGION"] = Stack.Required("AWS_REGION"),
    ["AWS_ACCESS_KEY_ID"] = Stack.Required("AWS_ACCESS_KEY_ID"),
    ["AWS_SECRET_ACCESS_KEY"] = Stack.Required("AWS_SECRET_ACCESS_KEY"),
    ["DYNAMODB_SERVICE_URL"] = Stack.Required("DYNAMODB_SERVICE_URL"),
    ["SQS_SERVICE_URL"] = Stack.Required("SQS_SERVICE_URL"),
};

async Task<Sample> RunEmptyAsync(Launch launch)
{
    using var process = new Process { StartInfo = launch.StartInfo(new Dictionary<string, string>()) };
    var started = Stopwatch.GetTimestamp();
    process.Start();
    await process.WaitForExitAsync();
    var exited = Stopwatch.GetTimestamp();
    if (process.ExitCode != 0) throw new InvalidOperationException($"{launch.Name} exited with {process.ExitCode}");
    return new Sample(0, launch.Name, null, 0, Stopwatch.GetElapsedTime(started, exited).TotalMilliseconds, 0);
}

async Task<Sample> RunFunctionAsync(Launch launch, string handler)
{
    var (eventJson, check) = await stack.FirstInvocationAsync(handler);
    var (warmEventJson, warmCheck) = await stack.FirstInvocationAsync(handler);
    var environment = FunctionEnvironment(handler, "INFO");
    var outcome = api.Arm(eventJson, warmEventJson);
    using var process = new Process { StartInfo = launch.StartInfo(environment) };
    var output = new System.Text.StringBuilder();
    var started = StartCapturingOutput(process, output);
    StartTiming timing;
    try
    {
        timing = await outcome.WaitAsync(TimeSpan.FromSeconds(60));
    }
    catch (Exception exception)
    {
        throw new InvalidOperationException($"{launch.Name} {handler}: {exception.Message}\n{output}", exception);
    }
    finally
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }
    if (timing.IsError || timing.WarmIsError)
    {
        throw new InvalidOperationException($"{launch.Name} {handler}: invocation error {timing.Body} {timing.WarmBody}\n{output}");
    }
    try
    {
        check(timing.Body);
        warmCheck(timing.WarmBody);
    }
    catch (Exception exception)
    {
        throw new InvalidOperationException($"{launch.Name} {handler}: {exception.Message}\n{output}", exception);
    }
    return new Sample(0, launch.Name, handler,
        Stopwatch.GetElapsedTime(started, timing.NextTimestamp).TotalMilliseconds,
        Stopwatch.GetElapsedTime(started, timing.OutcomeTimestamp).TotalMilliseconds,
        timing.Warm.TotalMilliseconds);
}

static double Median(List<double> values)
{
    if (values.Count == 0) return double.NaN;
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

internal sealed record MemoryPeak(double PeakMb, double EndMb, double Seconds);

internal sealed record Sample(int Round, string Name, string? Handler, double InitMs, double TotalMs, double WarmMs);

/// <summary>How one variant is started: its file as is (exe), or through `dotnet exec` (dll).</summary>
internal sealed record Launch(string Name, bool ThroughDotnet, string Path)
{
    public static Launch Parse(string spec)
    {
        var equals = spec.IndexOf('=');
        var colon = spec.IndexOf(':', equals + 1);
        if (equals <= 0 || colon < 0) throw new ArgumentException($"expected NAME=exe:PATH or NAME=dll:PATH, got '{spec}'");
        var kind = spec[(equals + 1)..colon];
        var path = System.IO.Path.GetFullPath(spec[(colon + 1)..]);
        if (!File.Exists(path)) throw new FileNotFoundException($"{spec}: no such file", path);
        return kind switch
        {
            "exe" => new Launch(spec[..equals], false, path),
            "dll" => new Launch(spec[..equals], true, path),
            _ => throw new ArgumentException($"'{kind}' is neither exe nor dll in '{spec}'"),
        };
    }

    public ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment)
    {
        var info = ThroughDotnet ? new ProcessStartInfo(Dotnet, ["exec", Path]) : new ProcessStartInfo(Path);
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = System.IO.Path.GetDirectoryName(Path)!;
        // Only what Lambda would give: none of this machine's AWS, .NET or MSBuild settings.
        foreach (var name in info.Environment.Keys.ToList())
        {
            if (name.StartsWith("AWS_", StringComparison.Ordinal) || name.StartsWith("DOTNET_", StringComparison.Ordinal)
                || name.StartsWith("COMPlus_", StringComparison.Ordinal) || name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("SERVERLESSINAPP_", StringComparison.Ordinal) || name.StartsWith("NUGET", StringComparison.Ordinal)
                || name is "_HANDLER" or "TABLE_NAME" or "EVENTS_QUEUE_URL" or "DYNAMODB_SERVICE_URL" or "SQS_SERVICE_URL")
            {
                info.Environment.Remove(name);
            }
        }
        foreach (var (name, value) in environment) info.Environment[name] = value;
        return info;
    }

    // The muxer this harness itself runs under (bench/coldstart.sh starts it with `dotnet`), else the one on PATH.
    private static readonly string Dotnet =
        Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
}
