using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.LocalHost;
using ServerlessInApp.Storage;

namespace ServerlessInApp.IntegrationTests.Faults;

/// <summary>
/// The product (LocalStack: HTTP API and event source mapping) on a table and queues of its own, its table loaded with
/// a fault workload's seed before any event arrives; optionally on another DynamoDB than the shared one.
/// </summary>
public sealed class FaultStack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Emulators _emulators;

    private FaultStack(WebApplication app, Emulators emulators, LocalHostOptions options)
    {
        _app = app;
        _emulators = emulators;
        Options = options;
        Queues = app.Services.GetRequiredService<LocalQueueUrls>();
    }

    public LocalHostOptions Options { get; }

    public LocalQueueUrls Queues { get; }

    public static LocalHostOptions OptionsFor(Emulators emulators, string? dynamoDbServiceUrl = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        return new LocalHostOptions
        {
            DynamoDbServiceUrl = dynamoDbServiceUrl ?? emulators.DynamoDbServiceUrl,
            SqsServiceUrl = emulators.SqsServiceUrl,
            Region = emulators.Region,
            TableName = "fault-" + suffix,
            EventsQueueName = "fault-events-" + suffix,
            DeadLetterQueueName = "fault-events-dlq-" + suffix,
            Urls = "http://127.0.0.1:0",
            AppKey = new DevelopmentKey("fault-app-" + suffix, "fault-app-secret"),
            OwnerKey = new DevelopmentKey("fault-owner-" + suffix, "fault-owner-secret"),
        };
    }

    /// <summary>Creates the table (as LocalStack does), loads the seed into it, then starts the product on it.</summary>
    public static async Task<FaultStack> StartAsync(Emulators emulators, FaultWorkload workload, LocalHostOptions options)
    {
        foreach (var name in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY" })
        {
            Environment.SetEnvironmentVariable(name, emulators.Variables[name]);
        }
        using (var dynamo = Dynamo(emulators, options.DynamoDbServiceUrl))
        {
            await TableDefinition.EnsureCreatedAsync(dynamo, options.TableName);
            await TableDump.LoadAsync(dynamo, options.TableName, workload.Seed);
        }
        return new FaultStack(await LocalStack.StartAsync(options), emulators, options);
    }

    public static AmazonDynamoDBClient Dynamo(Emulators emulators, string serviceUrl) =>
        new(emulators.Credentials, new AmazonDynamoDBConfig { ServiceURL = serviceUrl, AuthenticationRegion = emulators.Region });

    public AmazonDynamoDBClient Dynamo() => Dynamo(_emulators, Options.DynamoDbServiceUrl);

    /// <summary>Queues <paramref name="bodies"/> on this stack's events queue, ten to a SendMessageBatch.</summary>
    public async Task SendAsync(IEnumerable<string> bodies)
    {
        using var sqs = _emulators.CreateSqsClient();
        await SendAsync(sqs, Queues.EventsQueueUrl, bodies);
    }

    public static async Task SendAsync(IAmazonSQS sqs, string queueUrl, IEnumerable<string> bodies)
    {
        foreach (var chunk in bodies.Chunk(10))
        {
            var response = await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = queueUrl,
                Entries = chunk.Select((body, i) => new SendMessageBatchRequestEntry(i.ToString(System.Globalization.CultureInfo.InvariantCulture), body)).ToList(),
            });
            Assert.True(response.Failed is not { Count: > 0 }, $"the queue refused {response.Failed?.Count} messages");
        }
    }

    /// <summary>Until every queued message has been handled, or <paramref name="timeout"/> passes.</summary>
    public async Task DrainedAsync(TimeSpan timeout)
    {
        using var sqs = _emulators.CreateSqsClient();
        await Poll.QueueDrainedAsync(sqs, Queues.EventsQueueUrl, timeout);
    }

    public async Task<(int Visible, int InFlight)> DepthAsync(string queueUrl)
    {
        using var sqs = _emulators.CreateSqsClient();
        return await DepthAsync(sqs, queueUrl);
    }

    public static async Task<(int Visible, int InFlight)> DepthAsync(IAmazonSQS sqs, string queueUrl)
    {
        var attributes = (await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
        {
            QueueUrl = queueUrl,
            AttributeNames = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"],
        })).Attributes;
        return (int.Parse(attributes["ApproximateNumberOfMessages"]) + int.Parse(attributes["ApproximateNumberOfMessagesDelayed"]),
            int.Parse(attributes["ApproximateNumberOfMessagesNotVisible"]));
    }

    public async Task<List<string>> CanonicalAsync()
    {
        using var dynamo = Dynamo();
        return await TableDump.CanonicalAsync(dynamo, Options.TableName);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            using var dynamo = Dynamo();
            await dynamo.DeleteTableAsync(Options.TableName);
        }
        catch (AmazonServiceException)
        {
            // A table on a DynamoDB Local of the test's own goes with that process.
        }
    }
}
