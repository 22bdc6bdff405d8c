using ServerlessInApp.IntegrationTests.Fixtures;

namespace ServerlessInApp.IntegrationTests.Faults;

/// <summary>
/// SQS delivers at least once, in any order, to several consumers at once; the effects must be exactly once. Every
/// message of the workload is delivered three times, shuffled, to four concurrent consumers; the table must end
/// exactly as the clean run's.
/// </summary>
[Collection("emulators")]
public sealed class DuplicateStormTests(Emulators emulators, FaultWorkloadFixture fixture) : IClassFixture<FaultWorkloadFixture>
{
    [Fact]
    public async Task Every_message_delivered_three_times_shuffled_to_four_consumers_leaves_the_clean_runs_table()
    {
        var workload = fixture.Workload;
        var options = FaultStack.OptionsFor(emulators) with { Pollers = 4, VisibilityTimeoutSeconds = 5, MaxReceiveCount = 10 };
        await using var stack = await FaultStack.StartAsync(emulators, workload, options);

        var random = new Random(3);
        var storm = workload.Messages.Concat(workload.Messages).Concat(workload.Messages).OrderBy(_ => random.Next()).ToList();
        await stack.SendAsync(storm);
        await stack.DrainedAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(0, (await stack.DepthAsync(stack.Queues.DeadLetterQueueUrl)).Visible);
        var differences = TableDump.Differences(fixture.Clean, await stack.CanonicalAsync());
        Assert.True(differences.Count == 0,
            $"{storm.Count} deliveries of {workload.Messages.Count} messages left {differences.Count} lines unlike the clean run:\n"
            + string.Join('\n', differences.Take(40)));
        Console.WriteLine($"duplicate storm: {workload.Messages.Count} events, {storm.Count} deliveries, {fixture.Clean.Count} items compared, 0 mismatches");
    }
}
