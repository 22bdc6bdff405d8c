using Amazon.DynamoDBv2;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServerlessInApp.LocalHost;

namespace ServerlessInApp.IntegrationTests.Fixtures;

/// <summary>
/// The whole product on the shared emulators (LocalStack.StartAsync: table, queues, HTTP API on a free loopback port,
/// event source mapping), with a table and queues of its own so that test classes never see each other's data.
/// Its development keys are its own too; <see cref="Http"/> signs with the owner key (every route), <see cref="AppHttp"/>
/// with the app key (app routes only). Use as a class fixture; derive to change the event source mapping's options.
/// </summary>
public class ProductHost(Emulators emulators) : IAsyncLifetime
{
    private WebApplication? _app;

    public Emulators Emulators => emulators;

    public LocalHostOptions Options { get; private set; } = null!;

    /// <summary>Signed (SigV4, the SDK's signer) with the owner key: may call every route.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>Signed with the app key: may call PutEvents, UpdateEndpoint and GetInAppMessages.</summary>
    public HttpClient AppHttp { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public LocalQueueUrls Queues { get; private set; } = null!;

    /// <summary>The host's services: its Composition (the functions it runs) among them.</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>Returns once every event queued so far has been handled (see <see cref="Poll.QueueDrainedAsync"/>).</summary>
    public async Task EventsHandledAsync()
    {
        using var sqs = emulators.CreateSqsClient();
        await Poll.QueueDrainedAsync(sqs, Queues.EventsQueueUrl);
    }

    /// <summary>A client of the host that signs with <paramref name="key"/>, at <paramref name="signedAt"/> (default: now).</summary>
    public HttpClient Client(DevelopmentKey key, Func<DateTime>? signedAt = null, HttpMessageHandler? inner = null) =>
        new(new SigV4SigningHandler(key, Options.Region, signedAt: signedAt, inner: inner)) { BaseAddress = BaseAddress };

    /// <summary>A client that does not sign at all.</summary>
    public HttpClient UnsignedClient() => new() { BaseAddress = BaseAddress };

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
        // A long poll the stop cancelled on our side may still be open at the emulator for up to its wait time, and
        // would take (and hide for the visibility timeout) messages that arrive meanwhile.
        await Task.Delay(TimeSpan.FromSeconds(Options.BatchingWindowSeconds + 1));
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
            AppKey = new DevelopmentKey("it-app-" + suffix, "it-app-secret-" + Guid.NewGuid().ToString("N")),
            OwnerKey = new DevelopmentKey("it-owner-" + suffix, "it-owner-secret-" + Guid.NewGuid().ToString("N")),
        });
        _app = await LocalStack.StartAsync(Options);
        Queues = _app.Services.GetRequiredService<LocalQueueUrls>();
        BaseAddress = new Uri(_app.Urls.First());
        Http = Client(Options.OwnerKey);
        AppHttp = Client(Options.AppKey);
    }

    public virtual async Task DisposeAsync()
    {
        Http?.Dispose();
        AppHttp?.Dispose();
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
