using System.Collections.Concurrent;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using ServerlessInApp.Core.Events;
using ServerlessInApp.Functions;
using ServerlessInApp.Functions.Http;
using ServerlessInApp.Functions.Lambda;
using ServerlessInApp.Functions.Queue;
using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.IntegrationTests.Http;
using ServerlessInApp.LocalHost;
using ServerlessInApp.Storage;

namespace ServerlessInApp.IntegrationTests.EventSourceMapping;

/// <summary>
/// The local SQS event source mapping with partial batch responses, on fauxqs, with records redelivered after 2 s and
/// dead-lettered after 2 receives. The first test goes through the running host; the others drive
/// SqsEventSourceMapping.PollOnceAsync on queues of their own, so each receive is one step of the test.
/// </summary>
[Collection("emulators")]
public sealed class EventSourceMappingTests(QuickRedeliveryProductHost host) : IClassFixture<QuickRedeliveryProductHost>
{
    private const string Poison = "this is not an event";

    private readonly PinpointClient _api = new(host.Http);

    private async Task<(string AppId, string CampaignId)> AppWithCampaignForEveryoneAsync()
    {
        var appId = await _api.CreateAppAsync();
        var segmentId = await _api.CreateSegmentAsync(appId, Bodies.EveryoneSegment());
        return (appId, await _api.CreateCampaignAsync(appId, Bodies.Campaign(segmentId, "Level 10!")));
    }

    [Fact]
    public async Task A_poison_record_reaches_the_dead_letter_queue_and_the_events_around_it_are_delivered()
    {
        var (appId, campaignId) = await AppWithCampaignForEveryoneAsync();
        using var sqs = host.Emulators.CreateSqsClient();

        var poison = await sqs.SendMessageAsync(host.Queues.EventsQueueUrl, Poison);
        await _api.PutEventAsync(appId, "player-1", Bodies.MatchingEvent());

        await _api.EventuallyShownAsync(appId, "player-1", campaignId);
        var deadLettered = await Poll.UntilAsync(() => ReceiveAsync(sqs, host.Queues.DeadLetterQueueUrl), m => m is not null, "the poison record in the dead-letter queue");
        Assert.Equal((poison.MessageId, Poison), (deadLettered!.MessageId, deadLettered.Body));
        await host.EventsHandledAsync();
    }

    [Fact]
    public async Task A_poison_record_is_reported_redelivered_and_dead_lettered_while_its_batch_neighbour_is_processed_once()
    {
        var (appId, campaignId) = await AppWithCampaignForEveryoneAsync();
        using var sqs = host.Emulators.CreateSqsClient();
        using var composition = new Composition(new Settings(host.Options.TableName, null, host.Options.Region, "000000000000",
            host.Options.DynamoDbServiceUrl, host.Options.SqsServiceUrl));
        var trigger = new RecordingFunction(composition.Function(FunctionName.Trigger));
        var (mapping, queueUrl, deadLetterUrl) = await MappingOnOwnQueuesAsync(sqs, trigger);
        var good = MatchingRecord(appId, "player-1", "event-1");
        var sent = await sqs.SendMessageBatchAsync(queueUrl, [new("poison", Poison), new("good", good)]);
        var poisonId = sent.Successful.Single(s => s.Id == "poison").MessageId;
        var goodId = sent.Successful.Single(s => s.Id == "good").MessageId;

        Assert.Equal(2, await mapping.PollOnceAsync(default));

        var first = Assert.Single(trigger.Invocations);
        Assert.Equal(new[] { goodId, poisonId }.Order(StringComparer.Ordinal), first.Event.Records.Select(r => r.MessageId).Order(StringComparer.Ordinal));
        Assert.Equal([poisonId], first.Response.BatchItemFailures.Select(f => f.ItemIdentifier));
        Assert.Equal([campaignId], PinpointClient.CampaignIds(await _api.GetInAppMessagesAsync(appId, "player-1")));

        // The poison record is not deleted: it comes back once its visibility timeout is over, alone.
        await Poll.UntilAsync(async () => { await mapping.PollOnceAsync(default); return trigger.Invocations.Count; }, n => n == 2, "the poison record's second delivery");
        var second = trigger.Invocations.Last();
        var redelivered = Assert.Single(second.Event.Records);
        Assert.Equal((poisonId, "2"), (redelivered.MessageId, redelivered.Attributes?.ApproximateReceiveCount));
        Assert.Equal([poisonId], second.Response.BatchItemFailures.Select(f => f.ItemIdentifier));

        // After MaxReceiveCount receives the queue's redrive policy moves it to the dead-letter queue.
        var deadLettered = await Poll.UntilAsync(async () =>
        {
            await mapping.PollOnceAsync(default);
            return await ReceiveAsync(sqs, deadLetterUrl);
        }, m => m is not null, "the poison record in the dead-letter queue");
        Assert.Equal((poisonId, Poison), (deadLettered!.MessageId, deadLettered.Body));

        Assert.Equal(2, trigger.Invocations.Count);
        Assert.Single(trigger.Invocations, i => i.Event.Records.Any(r => r.MessageId == goodId));
        await Poll.QueueDrainedAsync(sqs, queueUrl);
    }

    [Fact]
    public async Task A_redelivered_event_leaves_the_entitlement_exactly_as_the_first_delivery_wrote_it()
    {
        var (appId, campaignId) = await AppWithCampaignForEveryoneAsync();
        using var sqs = host.Emulators.CreateSqsClient();
        using var dynamo = host.Emulators.CreateDynamoDbClient();
        var record = MatchingRecord(appId, "player-1", "event-1");
        Task<Dictionary<string, AttributeValue>?> EntitlementAsync() =>
            RawItems.GetAsync(dynamo, host.Options.TableName, Keys.Endpoint(appId, "player-1"), Keys.Entitlement(campaignId));

        await sqs.SendMessageAsync(host.Queues.EventsQueueUrl, record);
        var first = RawItems.Describe(await Poll.UntilAsync(EntitlementAsync, item => item is not null, "the entitlement"));
        await sqs.SendMessageAsync(host.Queues.EventsQueueUrl, record);
        await sqs.SendMessageAsync(host.Queues.EventsQueueUrl, record);
        await host.EventsHandledAsync();

        Assert.Equal(first, RawItems.Describe(await EntitlementAsync()));
        Assert.Equal([campaignId], PinpointClient.CampaignIds(await _api.GetInAppMessagesAsync(appId, "player-1")));
    }

    [Fact]
    public async Task A_trigger_invocation_that_throws_leaves_every_record_for_redelivery()
    {
        using var sqs = host.Emulators.CreateSqsClient();
        var trigger = new ThrowingFunction();
        var (mapping, queueUrl, _) = await MappingOnOwnQueuesAsync(sqs, trigger);
        var sent = await sqs.SendMessageBatchAsync(queueUrl, [new("a", "{}"), new("b", "{}"), new("c", "{}")]);
        var sentIds = sent.Successful.Select(s => s.MessageId).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(3, await mapping.PollOnceAsync(default));

        Assert.Equal(1, trigger.Calls);
        var seenAgain = new Dictionary<string, string>();
        await Poll.UntilAsync(async () =>
        {
            var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = queueUrl,
                MaxNumberOfMessages = 10,
                WaitTimeSeconds = 1,
                MessageSystemAttributeNames = ["ApproximateReceiveCount"],
            });
            foreach (var message in response.Messages ?? []) seenAgain[message.MessageId] = message.Attributes["ApproximateReceiveCount"];
            return seenAgain.Count;
        }, count => count == sentIds.Count, "every record to be delivered again");
        Assert.Equal(sentIds, seenAgain.Keys.Order(StringComparer.Ordinal));
        Assert.All(seenAgain.Values, count => Assert.Equal("2", count));
    }

    /// <summary>A queue record as the ingest function writes it, for an event every test campaign matches.</summary>
    internal static string MatchingRecord(string appId, string endpointId, string eventId) =>
        JsonSerializer.Serialize(new AppEvent(appId, endpointId, eventId, new AppEventBody
        {
            EventType = Bodies.TriggerEvent,
            Timestamp = PinpointClient.Now(),
            Attributes = new Dictionary<string, string> { ["mode"] = "ranked" },
            Metrics = new Dictionary<string, double> { ["level"] = 10 },
        }), QueueJsonContext.Default.AppEvent);

    private async Task<(SqsEventSourceMapping Mapping, string QueueUrl, string DeadLetterUrl)> MappingOnOwnQueuesAsync(IAmazonSQS sqs, IFunction function)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var options = host.Options with { EventsQueueName = "it-esm-" + suffix, DeadLetterQueueName = "it-esm-dlq-" + suffix };
        var (queueUrl, deadLetterUrl) = await LocalQueues.EnsureCreatedAsync(sqs, options, default);
        var queueArn = (await sqs.GetQueueAttributesAsync(queueUrl, ["QueueArn"])).QueueARN;
        return (new SqsEventSourceMapping(sqs, queueUrl, queueArn, options.Region, function, options), queueUrl, deadLetterUrl);
    }

    private static async Task<Message?> ReceiveAsync(IAmazonSQS sqs, string queueUrl)
    {
        var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 1, WaitTimeSeconds = 1 });
        return response.Messages is { Count: > 0 } messages ? messages[0] : null;
    }

    /// <summary>The real trigger function, with what each invocation received and answered kept for the test.</summary>
    private sealed class RecordingFunction(IFunction inner) : IFunction
    {
        public ConcurrentQueue<(SqsEvent Event, SqsBatchResponse Response)> Invocations { get; } = new();

        public async Task<Stream> Handle(Stream input, Invocation context)
        {
            using var request = new MemoryStream();
            await input.CopyToAsync(request);
            var sqsEvent = JsonSerializer.Deserialize(request.ToArray(), LambdaJsonContext.Default.SqsEvent)!;
            await using var output = await inner.Handle(new MemoryStream(request.ToArray()), context);
            var response = new MemoryStream();
            await output.CopyToAsync(response);
            Invocations.Enqueue((sqsEvent, JsonSerializer.Deserialize(response.ToArray(), LambdaJsonContext.Default.SqsBatchResponse)!));
            response.Position = 0;
            return response;
        }
    }

    /// <summary>A trigger function that fails as a whole, as a crash or a timeout does in Lambda.</summary>
    private sealed class ThrowingFunction : IFunction
    {
        private int _calls;

        public int Calls => _calls;

        public Task<Stream> Handle(Stream input, Invocation context)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("The function crashed.");
        }
    }
}
