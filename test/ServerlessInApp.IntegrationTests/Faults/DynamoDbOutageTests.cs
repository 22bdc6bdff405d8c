using ServerlessInApp.IntegrationTests.Fixtures;

namespace ServerlessInApp.IntegrationTests.Faults;

/// <summary>
/// DynamoDB goes away in the middle of the workload and comes back with its data: every record that failed meanwhile
/// comes back from the queue and is processed then, exactly once. Nothing is lost, nothing doubled, nothing
/// dead-lettered.
/// </summary>
[Collection("emulators")]
public sealed class DynamoDbOutageTests(Emulators emulators, FaultWorkloadFixture fixture) : IClassFixture<FaultWorkloadFixture>
{
    [Fact]
    public async Task DynamoDB_stopped_mid_workload_and_restarted_leaves_the_clean_runs_table()
    {
        await using var dynamoDb = new DynamoDbLocalProcess(emulators);
        await dynamoDb.StartAsync();
        var options = FaultStack.OptionsFor(emulators, dynamoDb.ServiceUrl) with { VisibilityTimeoutSeconds = 2, MaxReceiveCount = 50 };
        await using var stack = await FaultStack.StartAsync(emulators, fixture.Workload, options);

        var total = fixture.Workload.Messages.Count;
        await stack.SendAsync(fixture.Workload.Messages);
        // Stop once a fifth of the workload has been handled and most of it is still to come.
        var left = total;
        while (left > total * 4 / 5)
        {
            await Task.Delay(50);
            var (visible, inFlight) = await stack.DepthAsync(stack.Queues.EventsQueueUrl);
            left = visible + inFlight;
        }
        await dynamoDb.StopAsync();
        var (leftVisible, leftInFlight) = await stack.DepthAsync(stack.Queues.EventsQueueUrl);
        await Task.Delay(TimeSpan.FromSeconds(6));
        await dynamoDb.StartAsync();

        await stack.DrainedAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(0, (await stack.DepthAsync(stack.Queues.DeadLetterQueueUrl)).Visible);
        var differences = TableDump.Differences(fixture.Clean, await stack.CanonicalAsync());
        Assert.True(differences.Count == 0, $"{differences.Count} lines unlike the clean run:\n" + string.Join('\n', differences.Take(40)));
        Console.WriteLine($"DynamoDB outage: {total} events, stopped with {leftVisible + leftInFlight} of them left ({leftInFlight} in flight), 0 mismatches");
    }
}
