using Amazon.SQS.Model;
using ServerlessInApp.Functions;
using ServerlessInApp.Functions.Http;
using ServerlessInApp.Storage;

namespace ServerlessInApp.LocalHost;

/// <summary>
/// The product on one machine: creates the table and queues on the emulators, then serves the HTTP API through the
/// same four function classes Lambda runs, with the trigger function fed by the local event source mapping.
/// </summary>
public static class LocalStack
{
    public const string HealthPath = "/_local/health";

    /// <summary>HTTP API quota: total combined size of request line and header values.</summary>
    public const int ApiGatewayRequestLineBytes = 10240;

    public static async Task<WebApplication> StartAsync(LocalHostOptions options, CancellationToken ct = default)
    {
        options.ValidateKeys();
        var bootstrap = new Composition(new Settings(options.TableName, null, options.Region, "000000000000",
            options.DynamoDbServiceUrl, options.SqsServiceUrl));
        await TableDefinition.EnsureCreatedAsync(bootstrap.DynamoDb, options.TableName, ct);
        var (queueUrl, deadLetterUrl) = await LocalQueues.EnsureCreatedAsync(bootstrap.Sqs, options, ct);
        var queueArn = (await bootstrap.Sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
        {
            QueueUrl = queueUrl,
            AttributeNames = ["QueueArn"],
        }, ct)).Attributes["QueueArn"];
        bootstrap.Dispose();

        var composition = new Composition(new Settings(options.TableName, queueUrl, options.Region, "000000000000",
            options.DynamoDbServiceUrl, options.SqsServiceUrl), dynamoDbHttp: options.DynamoDbHttpClientFactory);
        var functions = FunctionName.All.ToDictionary(name => name, composition.Function);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        // API Gateway takes a request line of up to 10,240 bytes (with the headers); Kestrel's default stops at 8 KB and
        // answers 414 with no request id, so a long query value would never reach the function's own 400.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = ApiGatewayRequestLineBytes);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(composition);
        builder.Services.AddSingleton(new LocalQueueUrls(queueUrl, deadLetterUrl));
        builder.Services.AddHostedService(_ => new SqsEventSourceMapping(
            composition.Sqs, queueUrl, queueArn, options.Region, functions[FunctionName.Trigger], options));

        var app = builder.Build();
        var translator = new HttpApiTranslator(functions,
            new SigV4Verifier(options.AppKey, options.OwnerKey, options.Region, TimeProvider.System));
        app.Run(context => context.Request.Path == HealthPath
            ? context.Response.WriteAsync("{\"status\":\"ok\"}")
            : translator.HandleAsync(context));
        await app.StartAsync(ct);
        return app;
    }
}
