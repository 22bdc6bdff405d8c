using Amazon.SQS;
using Amazon.SQS.Model;
using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.IntegrationTests.Http;
using ServerlessInApp.LocalHost;

namespace ServerlessInApp.IntegrationTests.EventSourceMapping;

/// <summary>The local redrive (receive from the dead-letter queue, send to the events queue, then delete), on fauxqs.</summary>
[Collection("emulators")]
public sealed class DeadLetterRedriveTests(ProductHost host) : IClassFixture<ProductHost>
{
    private readonly PinpointClient _api = new(host.Http);

    [Fact]
    public async Task The_redrive_command_moves_a_dead_lettered_event_back_and_it_is_processed()
    {
        var appId = await _api.CreateAppAsync();
        var segmentId = await _api.CreateSegmentAsync(appId, Bodies.EveryoneSegment());
        var campaignId = await _api.CreateCampaignAsync(appId, Bodies.Campaign(segmentId, "Level 10!"));
        using var sqs = host.Emulators.CreateSqsClient();
        // As if the trigger had failed this event five times before a fix was deployed.
        await sqs.SendMessageAsync(host.Queues.DeadLetterQueueUrl, EventSourceMappingTests.MatchingRecord(appId, "player-1", "event-1"));
        var output = new StringWriter();

        var exitCode = await DeadLetterRedrive.RunAsync(host.Options, output);

        Assert.Equal(0, exitCode);
        Assert.Equal($"redrive: moved 1 message(s) from {host.Options.DeadLetterQueueName} to {host.Options.EventsQueueName}.", output.ToString().Trim());
        await _api.EventuallyShownAsync(appId, "player-1", campaignId);
        await Poll.QueueDrainedAsync(sqs, host.Queues.DeadLetterQueueUrl);
    }

    [Fact]
    public async Task Every_message_moves_in_batches_with_its_body_and_attributes_and_the_dead_letter_queue_ends_empty()
    {
        using var sqs = host.Emulators.CreateSqsClient();
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var (eventsUrl, deadLetterUrl) = await LocalQueues.EnsureCreatedAsync(sqs,
            host.Options with { EventsQueueName = "it-redrive-" + suffix, DeadLetterQueueName = "it-redrive-dlq-" + suffix }, default);
        var bodies = Enumerable.Range(0, 23).Select(i => $"record {i}").ToList();
        foreach (var chunk in bodies.Chunk(10))
        {
            await sqs.SendMessageBatchAsync(deadLetterUrl, chunk.Select((body, i) => new SendMessageBatchRequestEntry(i.ToString(), body)
            {
                MessageAttributes = new() { ["origin"] = new MessageAttributeValue { DataType = "String", StringValue = body } },
            }).ToList());
        }

        var result = await DeadLetterRedrive.MoveAsync(sqs, deadLetterUrl, eventsUrl);

        Assert.Equal(new DeadLetterRedrive.Result(Moved: 23, NotSent: 0, NotDeleted: 0, FailedAgain: 0), result);
        var moved = await ReceiveAllAsync(sqs, eventsUrl);
        Assert.Equal(bodies.Order(StringComparer.Ordinal), moved.Select(m => m.Body).Order(StringComparer.Ordinal));
        Assert.All(moved, m => Assert.Equal(m.Body, m.MessageAttributes["origin"].StringValue));
        Assert.Empty(await ReceiveAllAsync(sqs, deadLetterUrl));
    }

    [Fact]
    public async Task An_empty_dead_letter_queue_moves_nothing()
    {
        var output = new StringWriter();

        Assert.Equal(0, await DeadLetterRedrive.RunAsync(host.Options, output));
        Assert.StartsWith("redrive: moved 0 message(s)", output.ToString());
    }

    private static async Task<List<Message>> ReceiveAllAsync(IAmazonSQS sqs, string queueUrl)
    {
        var all = new List<Message>();
        while (true)
        {
            var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = queueUrl,
                MaxNumberOfMessages = 10,
                WaitTimeSeconds = 1,
                VisibilityTimeout = 60,
                MessageAttributeNames = ["All"],
            });
            if (response.Messages is not { Count: > 0 } messages) return all;
            all.AddRange(messages);
        }
    }
}
