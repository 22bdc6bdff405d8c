namespace ServerlessInApp.Bench;

/// <summary>
/// Issue 5 item 8: the AWS price of one million events of the standard workload, from the counts measured by
/// <see cref="StorageWork"/>. us-east-1 list prices as of 2026 (aws.amazon.com/api-gateway/pricing, /sqs/pricing,
/// /lambda/pricing, /dynamodb/pricing/on-demand; free tiers left out):
/// HTTP API $1.00 per million requests (first 300 million a month); SQS standard $0.40 per million requests (each
/// 64 KB chunk of a request is one); Lambda arm64 $0.20 per million requests and $0.0000133334 per GB-second (first
/// 7.5 billion GB-s a month); DynamoDB on demand $0.625 per million write request units and $0.125 per million read
/// request units (the prices since the November 2024 reduction).
/// </summary>
public sealed record CostModel(double HttpRequests, double SqsRequests, double LambdaRequests, double GbSeconds, double ReadUnits, double WriteUnits)
{
    public const double HttpApiPerMillion = 1.00;
    public const double SqsPerMillion = 0.40;
    public const double LambdaRequestsPerMillion = 0.20;
    public const double LambdaArmPerGbSecond = 0.0000133334;
    public const double WriteUnitsPerMillion = 0.625;
    public const double ReadUnitsPerMillion = 0.125;

    /// <summary>The memory size at which a function gets one full vCPU (Lambda's documented 1,769 MB).</summary>
    public const double FullVcpuMb = 1769;

    public double HttpCost => HttpRequests / 1e6 * HttpApiPerMillion;
    public double SqsCost => SqsRequests / 1e6 * SqsPerMillion;
    public double LambdaCost => LambdaRequests / 1e6 * LambdaRequestsPerMillion + GbSeconds * LambdaArmPerGbSecond;
    public double DynamoCost => WriteUnits / 1e6 * WriteUnitsPerMillion + ReadUnits / 1e6 * ReadUnitsPerMillion;
    public double Total => HttpCost + SqsCost + LambdaCost + DynamoCost;

    /// <summary>
    /// Per million events: one HTTP API request and one ingest invocation per PutEvents; one SendMessageBatch per ten
    /// events of a PutEvents; per trigger batch one invocation, one ReceiveMessage and one DeleteMessageBatch (empty
    /// long polls left out); Lambda duration = the process's CPU time over the phase (all four handlers, the local
    /// host and the harness's own clients: an upper bound of handler compute, and a lower bound of billed duration,
    /// which in AWS also counts the time spent waiting on DynamoDB) at <paramref name="memoryMb"/>, stretched by the
    /// CPU share Lambda gives that memory (a full vCPU at 1,769 MB, in proportion below); the storage units as
    /// measured, or as given (the design's minimum).
    /// </summary>
    public static CostModel PerMillion(StorageResult run, double memoryMb, double? readUnits = null, double? writeUnits = null)
    {
        var scale = 1e6 / run.Events;
        var eventsPerRequest = (double)run.Events / run.PutEventsRequests;
        var sendsPerRequest = Math.Ceiling(eventsPerRequest / 10);
        var cpuShare = Math.Min(1, memoryMb / FullVcpuMb);
        return new CostModel(
            run.PutEventsRequests * scale,
            (run.PutEventsRequests * sendsPerRequest + 2.0 * run.TriggerBatches) * scale,
            (run.PutEventsRequests + run.TriggerBatches) * scale,
            memoryMb / 1024 * run.CpuTime.TotalSeconds / cpuShare * scale,
            (readUnits ?? run.ReadUnits) * scale,
            (writeUnits ?? run.WriteUnits) * scale);
    }
}
