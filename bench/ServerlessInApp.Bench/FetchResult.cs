namespace ServerlessInApp.Bench;

/// <summary>What <see cref="FetchLatency"/> measured: GetInAppMessages through the host, and the raw Query.</summary>
/// <param name="QueryAndStamp">The raw Query together with the catalog-stamp GetItem: what a fetch sends to DynamoDB.</param>
public sealed record FetchResult(Percentiles Ours, Percentiles Floor, Percentiles QueryAndStamp, int Clients, int Endpoints, int ResponseBytes,
    TimeSpan CpuTime, TimeSpan FloorCpuTime);
