using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.Storage;

namespace ServerlessInApp.IntegrationTests.Faults;

/// <summary>
/// The consumer dies in the middle of a batch: some of its writes are done, its answer never comes, nothing is
/// deleted. After the visibility timeout the batch is delivered again to a new consumer, and the end state is still
/// exactly the clean run's.
/// </summary>
[Collection("emulators")]
public sealed class ConsumerCrashTests(Emulators emulators, FaultWorkloadFixture fixture) : IClassFixture<FaultWorkloadFixture>
{
    [Fact]
    public async Task A_consumer_killed_mid_batch_and_replaced_leaves_the_clean_runs_table()
    {
        var options = FaultStack.OptionsFor(emulators);
        using (var dynamo = emulators.CreateDynamoDbClient())
        {
            await TableDefinition.EnsureCreatedAsync(dynamo, options.TableName);
            await TableDump.LoadAsync(dynamo, options.TableName, fixture.Workload.Seed);
        }
        var environment = new Dictionary<string, string>
        {
            ["TABLE_NAME"] = options.TableName,
            ["EVENTS_QUEUE_NAME"] = options.EventsQueueName,
            ["DEAD_LETTER_QUEUE_NAME"] = options.DeadLetterQueueName,
            ["LOCAL_VISIBILITY_TIMEOUT_SECONDS"] = "3",
            ["LOCAL_POLLERS"] = "2",
        };
        using var sqs = emulators.CreateSqsClient();
        var total = fixture.Workload.Messages.Count;
        int inFlightAtKill;
        await using (var first = new LocalHostProcess(emulators, environment))
        {
            await first.StartAsync();
            var queueUrl = (await sqs.GetQueueUrlAsync(options.EventsQueueName)).QueueUrl;
            await FaultStack.SendAsync(sqs, queueUrl, fixture.Workload.Messages);
            // Kill it once a tenth of the workload is handled, at a moment when it holds records it has not answered for.
            while (true)
            {
                var (visible, inFlight) = await FaultStack.DepthAsync(sqs, queueUrl);
                if (visible + inFlight <= total * 9 / 10 && inFlight > 0)
                {
                    await first.KillAsync();
                    inFlightAtKill = inFlight;
                    break;
                }
                await Task.Delay(20);
            }
        }
        var events = (await sqs.GetQueueUrlAsync(options.EventsQueueName)).QueueUrl;
        var (_, stillInFlight) = await FaultStack.DepthAsync(sqs, events);
        Assert.True(stillInFlight > 0, "the killed consumer left no record in flight: it was not killed in the middle of a batch");

        await using (var second = new LocalHostProcess(emulators, environment))
        {
            await second.StartAsync();
            await Poll.QueueDrainedAsync(sqs, events, TimeSpan.FromMinutes(5));
        }

        var deadLetters = (await sqs.GetQueueUrlAsync(options.DeadLetterQueueName)).QueueUrl;
        Assert.Equal(0, (await FaultStack.DepthAsync(sqs, deadLetters)).Visible);
        using var check = emulators.CreateDynamoDbClient();
        var differences = TableDump.Differences(fixture.Clean, await TableDump.CanonicalAsync(check, options.TableName));
        await check.DeleteTableAsync(options.TableName);
        Assert.True(differences.Count == 0, $"{differences.Count} lines unlike the clean run:\n" + string.Join('\n', differences.Take(40)));
        Console.WriteLine($"consumer crash: {total} events, killed with {inFlightAtKill} records in flight, 0 mismatches");
    }
}
