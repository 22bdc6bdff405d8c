using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ServerlessInApp.Core.Events;
using ServerlessInApp.Functions;
using ServerlessInApp.Functions.Lambda;
using ServerlessInApp.Functions.Logging;
using ServerlessInApp.Functions.Queue;

namespace ServerlessInApp.Benchmarks;

/// <summary>
/// A Lambda SQS event of ten queued PutEvents events through the trigger function, up to the list of writes it asks
/// the stores for (storage excluded), against the floor: reading the same batch with the same source-generated models
/// and doing nothing else.
/// </summary>
[MemoryDiagnoser]
public class TriggerEvaluationBenchmarks
{
    private readonly WriteLog _log = new();
    private TriggerFunction _function = null!;
    private MemoryStream _input = null!;
    private readonly Invocation _invocation = Invocation.Local("benchmark");

    [Params(10, 100, 1_000, 10_000)]
    public int Campaigns { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Logging is I/O: off here, as with AWS_LAMBDA_LOG_LEVEL=WARN.
        JsonLog.MinimumLevel = LogLevel.Warn;
        var workload = new TriggerWorkload(Campaigns);
        _input = new MemoryStream(workload.SqsEventJson, writable: false);
        _function = workload.Function(_log);
        Check(workload, Evaluate().GetAwaiter().GetResult());
    }

    /// <summary>The floor: the SQS event and each record's queued event, read with LambdaJsonContext and QueueJsonContext.</summary>
    [Benchmark(Baseline = true, Description = "Floor")]
    public async Task<int> Deserialize()
    {
        _input.Position = 0;
        var sqsEvent = await JsonSerializer.DeserializeAsync(_input, LambdaJsonContext.Default.SqsEvent);
        var read = 0;
        foreach (var record in sqsEvent!.Records)
        {
            if (JsonSerializer.Deserialize(record.Body, QueueJsonContext.Default.AppEvent) is not null) read++;
        }
        return read;
    }

    /// <summary>The whole trigger path: TriggerFunction.Handle, up to the writes it asks for and its batch response.</summary>
    [Benchmark(Description = "Full")]
    public async Task<int> Evaluate()
    {
        _input.Position = 0;
        _log.Clear();
        var response = await _function.Handle(_input, _invocation);
        return _log.Writes.Count + (int)response.Length;
    }

    /// <summary>Every event matched its one campaign: a grant and a contribution each, one metrics update, one profile read.</summary>
    private void Check(TriggerWorkload workload, int result)
    {
        var grants = _log.Writes.Count(w => w.Kind == "GrantEntitlement");
        var sessions = _log.Writes.Count(w => w.Kind == "StartSession");
        if (grants != TriggerWorkload.BatchSize)
        {
            throw new InvalidOperationException(
                $"{workload.CampaignCount} campaigns: expected {TriggerWorkload.BatchSize} grants, got {grants} " +
                $"({string.Join(", ", _log.Writes.Select(w => w.Kind))})");
        }
        if (result <= 0 || sessions != 0) throw new InvalidOperationException("Unexpected writes.");
    }
}
