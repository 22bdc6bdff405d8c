using System.Collections.Concurrent;
using Amazon.Runtime;

namespace ServerlessInApp.Bench;

/// <summary>
/// Counts every request the product's DynamoDB client sends, below the SDK's retries (so a retried request counts
/// twice, as DynamoDB bills it), through <see cref="LocalHostOptions.DynamoDbHttpClientFactory"/>. While
/// <see cref="Capturing"/> is on, each request asks for its consumed capacity (<c>ReturnConsumedCapacity: TOTAL</c>,
/// which DynamoDB Local answers) and is classified by the keys it touches; while off, only the operation is counted,
/// so the figures of the latency and throughput phases carry no parsing cost.
/// </summary>
public sealed class DynamoDbMeter : HttpClientFactory
{
    private readonly ConcurrentDictionary<string, RequestTally> _tallies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _operations = new(StringComparer.Ordinal);

    /// <summary>Whether requests are classified and their capacity captured (else only counted by operation).</summary>
    public volatile bool Capturing;

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new MeterHandler(this, new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) }))
        {
            Timeout = clientConfig.Timeout ?? TimeSpan.FromSeconds(100),
        };

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;
    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
    public override string GetConfigUniqueString(IClientConfig clientConfig) => "bench-meter";

    /// <summary>Requests per operation since the last <see cref="Reset"/>, whether capturing or not.</summary>
    public IReadOnlyDictionary<string, long> Operations => _operations.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>Classified requests (captured only) since the last <see cref="Reset"/>.</summary>
    public IReadOnlyList<RequestTally> Tallies => _tallies.Values.OrderBy(t => t.Operation, StringComparer.Ordinal).ThenBy(t => t.Kind, StringComparer.Ordinal).ToList();

    public long Count(string operation) => _operations.GetValueOrDefault(operation);

    public void Reset()
    {
        _tallies.Clear();
        _operations.Clear();
    }

    internal void CountOperation(string operation) => _operations.AddOrUpdate(operation, 1, (_, n) => n + 1);

    internal void Record(string operation, string kind, double readUnits, double writeUnits, bool estimated, bool failed)
    {
        var tally = _tallies.GetOrAdd(operation + "\n" + kind, _ => new RequestTally(operation, kind));
        tally.Add(readUnits, writeUnits, estimated, failed);
    }
}
