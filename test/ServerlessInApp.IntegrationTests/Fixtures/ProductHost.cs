using Amazon.DynamoDBv2;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServerlessInApp.LocalHost;

namespace ServerlessInApp.IntegrationTests.Fixtures;

/// <summary>
/// The whole product on the shared emulators (LocalStack.StartAsync: table, queues, HTTP API on a free loopback port,
/// event source mapping), with a table and queues of its own so that test classes never see each other's data.
/// Use as a class fixture; derive to change the event source mapping's options.
/// </summary>
public class ProductHost(Emulators emulators) : IAsyncLifetime
{
    private WebApplication? _app;

    public Emulators Emulators => emulators;

    public LocalHostOptions Options { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public LocalQueueUrls Queues { get; private set; } = null!;

    /// <summary>Returns once every event queued so far has been handled (see <see cref="Poll.QueueDrainedAsync"/>).</summary>
    public async Task EventsHandledAsync()
    {
        using var sqs = emulators.CreateSqsClient();
        await Poll.QueueDrainedAsync(sqs, Queues.EventsQueueUrl);
    }

    protected virtual LocalHostOptions Configure(LocalHostOptions defaults) => defaults;

    /// <summary>
    /// Stops the local event source mapping: from then on queued events stay in the queue, so its depth counts
    /// every event accepted since (a test that must prove nothing was queued reads it).
    /// </summary>
    public async Task StopEventSourceMappingAsync()
    {
        foreach (var mapping in _app!.Services.GetServices<IHostedService>().OfType<SqsEventSourceMapping>())
        {
            await mapping.StopAsync(CancellationToken.None);
        }
    }

    public virtual async Task InitializeAsync()
    {
        // The product's clients use the default credential chain, as in Lambda; run.sh exports these from stack.env.
        // DynamoDB Local keeps tables per access key, so the product and the tests must use the same one.
        foreach (var name in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY" })
        {
            Environment.SetEnvironmentVariable(name, emulators.Variables[name]);
        }
        var suffix = Guid.NewGuid().ToString("N")[..12];
        Options = Configure(new LocalHostOptions
        {
            DynamoDbServiceUrl = emulators.DynamoDbServiceUrl,
            SqsServiceUrl = emulators.SqsServiceUrl,
            Region = emulators.Region,
            TableName = "it-" + suffix,
            EventsQueueName = "it-events-" + suffix,
            DeadLetterQueueName = "it-events-dlq-" + suffix,
            Urls = "http://127.0.0.1:0",
        });
        _app = await LocalStack.StartAsync(Options);
        Queues = _app.Services.GetRequiredService<LocalQueueUrls>();
        Http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public virtual async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        using var dynamo = emulators.CreateDynamoDbClient();
        await dynamo.DeleteTableAsync(Options.TableName);
    }
}

/// <summary>A host whose unprocessed records come back after 2 s and reach the dead-letter queue after 2 receives.</summary>
public sealed class QuickRedeliveryProductHost(Emulators emulators) : ProductHost(emulators)
{
    protected override LocalHostOptions Configure(LocalHostOptions defaults) =>
        defaults with { VisibilityTimeoutSeconds = 2, MaxReceiveCount = 2 };
}
