using ServerlessInApp.IntegrationTests.Fixtures;

namespace ServerlessInApp.IntegrationTests.Faults;

/// <summary>
/// DynamoDB throttles: one request in ten answered with ThrottlingException. The SDK's retries with backoff absorb
/// most; a record whose retries run out fails alone and comes back from the queue. Nothing is lost or doubled.
/// </summary>
[Collection("emulators")]
public sealed class ThrottlingTests(Emulators emulators, FaultWorkloadFixture fixture) : IClassFixture<FaultWorkloadFixture>
{
    [Fact]
    public async Task One_DynamoDB_request_in_ten_throttled_still_leaves_the_clean_runs_table()
    {
        var throttling = new ThrottlingHttpClientFactory(rate: 0.10, seed: 10);
        var options = FaultStack.OptionsFor(emulators) with
        {
            DynamoDbHttpClientFactory = throttling,
            VisibilityTimeoutSeconds = 2,
            MaxReceiveCount = 20,
        };
        await using var stack = await FaultStack.StartAsync(emulators, fixture.Workload, options);

        await stack.SendAsync(fixture.Workload.Messages);
        await stack.DrainedAsync(TimeSpan.FromMinutes(5));

        Assert.True(throttling.Throttled > throttling.Requests / 20, $"only {throttling.Throttled} of {throttling.Requests} requests were throttled");
        Assert.Equal(0, (await stack.DepthAsync(stack.Queues.DeadLetterQueueUrl)).Visible);
        var differences = TableDump.Differences(fixture.Clean, await stack.CanonicalAsync());
        Assert.True(differences.Count == 0, $"{differences.Count} lines unlike the clean run:\n" + string.Join('\n', differences.Take(40)));
        Console.WriteLine($"throttling: {fixture.Workload.Messages.Count} events, {throttling.Throttled} of {throttling.Requests} DynamoDB requests throttled, 0 mismatches");
    }
}
