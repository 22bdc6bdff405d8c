namespace ServerlessInApp.Bench;

/// <summary>What <see cref="FetchLatency"/> measured: GetInAppMessages through the host, and the raw Query.</summary>
public sealed record FetchResult(Percentiles Ours, Percentiles Floor, int Clients, int Endpoints, int ResponseBytes, TimeSpan CpuTime);
