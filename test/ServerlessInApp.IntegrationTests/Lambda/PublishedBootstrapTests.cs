using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.SQS.Model;
using ServerlessInApp.Functions.Lambda;
using ServerlessInApp.Functions.Tests.Lambda;
using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.Storage;

namespace ServerlessInApp.IntegrationTests.Lambda;

// The published bootstrap, started as Lambda starts it (AWS_LAMBDA_RUNTIME_API plus the function's environment),
// against the Runtime API emulator, DynamoDB Local and fauxqs: real HTTP API and SQS events in, what Lambda
// would receive out. Each function runs in its own process, as it does in AWS.
[Collection("emulators")]
public sealed class PublishedBootstrapTests(Emulators emulators, PublishedBootstrap bootstrap)
    : IClassFixture<PublishedBootstrap>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _tableName = "bootstrap-" + Guid.NewGuid().ToString("N");
    private string _eventsQueueUrl = "";

    public async Task InitializeAsync()
    {
        using var dynamo = emulators.CreateDynamoDbClient();
        await TableDefinition.EnsureCreatedAsync(dynamo, _tableName);
        using var sqs = emulators.CreateSqsClient();
        _eventsQueueUrl = (await sqs.CreateQueueAsync(_tableName + "-events")).QueueUrl;
    }

    public async Task DisposeAsync()
    {
        using var dynamo = emulators.CreateDynamoDbClient();
        await dynamo.DeleteTableAsync(_tableName);
        using var sqs = emulators.CreateSqsClient();
        await sqs.DeleteQueueAsync(_eventsQueueUrl);
    }

    [Fact]
    public async Task AdminCreatesAnApp()
    {
        using var admin = Start("admin");

        var created = await admin.Http("POST", "/v1/apps", "POST /v1/apps", body: """{"Name":"bootstrap-test"}""");

        Assert.Equal(201, created.StatusCode);
        var app = JsonNode.Parse(created.Body!)!;
        Assert.False(string.IsNullOrEmpty((string?)app["Id"]), created.Body);
        Assert.Equal("bootstrap-test", (string?)app["Name"]);
    }

    [Fact]
    public async Task IngestAcceptsPutEventsAndFetchAnswersGetInAppMessages()
    {
        var appId = await CreateAppAsync();

        using (var ingest = Start("ingest"))
        {
            var accepted = await ingest.Http(
                "POST", $"/v1/apps/{appId}/events", "POST /v1/apps/{ApplicationId}/events",
                new Dictionary<string, string> { ["ApplicationId"] = appId },
                PutEventsBody("device-1", "level.completed"));

            Assert.Equal(202, accepted.StatusCode);
            var result = JsonNode.Parse(accepted.Body!)!["Results"]!["device-1"]!["EventsItemResponse"]!["event-1"]!;
            Assert.Equal(202, (int?)result["StatusCode"]);
        }

        using var fetch = Start("fetch");
        var messages = await fetch.Http(
            "GET", $"/v1/apps/{appId}/endpoints/device-1/inappmessages",
            "GET /v1/apps/{ApplicationId}/endpoints/{EndpointId}/inappmessages",
            new Dictionary<string, string> { ["ApplicationId"] = appId, ["EndpointId"] = "device-1" });

        Assert.Equal(200, messages.StatusCode);
        Assert.Empty(JsonNode.Parse(messages.Body!)!["InAppMessageCampaigns"]!.AsArray());
    }

    [Fact]
    public async Task FetchAnswersNotFoundForAnUnknownApp()
    {
        using var fetch = Start("fetch");

        var messages = await fetch.Http(
            "GET", "/v1/apps/00000000000000000000000000000000/endpoints/device-1/inappmessages",
            "GET /v1/apps/{ApplicationId}/endpoints/{EndpointId}/inappmessages",
            new Dictionary<string, string> { ["ApplicationId"] = "00000000000000000000000000000000", ["EndpointId"] = "device-1" });

        Assert.Equal(404, messages.StatusCode);
        Assert.NotNull((string?)JsonNode.Parse(messages.Body!)!["Message"]);
    }

    [Fact]
    public async Task TriggerFailsOnlyThePoisonRecordOfABatch()
    {
        // The good record is whatever ingest really enqueued for a PutEvents, taken off the queue as Lambda's
        // event source mapping would; the poison one's body is not even JSON.
        var appId = await CreateAppAsync();
        using (var ingest = Start("ingest"))
        {
            var accepted = await ingest.Http(
                "POST", $"/v1/apps/{appId}/events", "POST /v1/apps/{ApplicationId}/events",
                new Dictionary<string, string> { ["ApplicationId"] = appId },
                PutEventsBody("device-1", "level.completed"));
            Assert.Equal(202, accepted.StatusCode);
        }
        var good = await ReceiveEnqueuedAsync();
        var poison = new SqsMessage
        {
            MessageId = "poison-" + Guid.NewGuid().ToString("N"),
            ReceiptHandle = "poison-receipt",
            Body = "not json at all",
            Attributes = new SqsSystemAttributes { ApproximateReceiveCount = "1", SentTimestamp = "1545082650636" },
            EventSource = "aws:sqs",
            EventSourceArn = "arn:aws:sqs:us-east-1:000000000000:events",
            AwsRegion = emulators.Region,
        };
        var batch = new SqsEvent { Records = [.. good, poison] };

        using var trigger = Start("trigger");
        var outcome = await trigger.Invoke(JsonSerializer.Serialize(batch, LambdaJsonContext.Default.SqsEvent));

        Assert.False(outcome.IsError, outcome.Body + "\n" + trigger.Output);
        var response = JsonSerializer.Deserialize(outcome.Body, LambdaJsonContext.Default.SqsBatchResponse)!;
        Assert.Equal([poison.MessageId], response.BatchItemFailures.Select(f => f.ItemIdentifier));
    }

    [Fact]
    public async Task AnEventTheFunctionCannotParseIsAnInvocationErrorAndTheNextOneIsServed()
    {
        using var trigger = Start("trigger");

        var failed = await trigger.Invoke("""{"not":"an SQS event"}""");
        var next = await trigger.Invoke("""{"Records":[]}""");

        Assert.True(failed.IsError, failed.Body);
        var error = JsonSerializer.Deserialize(failed.Body, LambdaJsonContext.Default.RuntimeApiError)!;
        Assert.False(string.IsNullOrEmpty(error.ErrorType));
        Assert.False(next.IsError, next.Body + "\n" + trigger.Output);
        Assert.Empty(JsonSerializer.Deserialize(next.Body, LambdaJsonContext.Default.SqsBatchResponse)!.BatchItemFailures);
    }

    [Fact]
    public async Task AnUnknownHandlerIsAnInitErrorAndANonZeroExit()
    {
        using var api = RuntimeApiEmulator.Start();
        using var process = bootstrap.Start(FunctionEnvironment(api, "no-such-function"));

        var initError = await api.FirstInitError.WaitAsync(Patience);
        var exitCode = await process.WaitForExitAsync(Patience);

        Assert.Contains("no-such-function", initError.Body);
        Assert.NotEqual(0, exitCode);
        Assert.Equal(0, api.NextRequests);
    }

    [Fact]
    public async Task AMissingTableNameIsAnInitErrorAndANonZeroExit()
    {
        using var api = RuntimeApiEmulator.Start();
        var environment = FunctionEnvironment(api, "admin");
        environment.Remove("TABLE_NAME");
        using var process = bootstrap.Start(environment);

        var initError = await api.FirstInitError.WaitAsync(Patience);
        var exitCode = await process.WaitForExitAsync(Patience);

        Assert.Contains("TABLE_NAME", initError.Body);
        Assert.NotEqual(0, exitCode);
    }

    private RunningFunction Start(string handler)
    {
        var api = RuntimeApiEmulator.Start();
        return new RunningFunction(api, bootstrap.Start(FunctionEnvironment(api, handler)));
    }

    private Dictionary<string, string> FunctionEnvironment(RuntimeApiEmulator api, string handler)
    {
        var environment = new Dictionary<string, string>(emulators.Variables, StringComparer.Ordinal)
        {
            ["AWS_LAMBDA_RUNTIME_API"] = api.RuntimeApi,
            ["SERVERLESSINAPP_HANDLER"] = handler,
            ["TABLE_NAME"] = _tableName,
            ["EVENTS_QUEUE_URL"] = _eventsQueueUrl,
            ["DYNAMODB_SERVICE_URL"] = emulators.DynamoDbServiceUrl,
            ["SQS_SERVICE_URL"] = emulators.SqsServiceUrl,
            ["AWS_REGION"] = emulators.Region,
            ["AWS_LAMBDA_LOG_LEVEL"] = "DEBUG",
        };
        return environment;
    }

    private async Task<string> CreateAppAsync()
    {
        using var admin = Start("admin");
        var created = await admin.Http("POST", "/v1/apps", "POST /v1/apps", body: """{"Name":"bootstrap-test"}""");
        Assert.Equal(201, created.StatusCode);
        return (string)JsonNode.Parse(created.Body!)!["Id"]!;
    }

    private async Task<List<SqsMessage>> ReceiveEnqueuedAsync()
    {
        using var sqs = emulators.CreateSqsClient();
        var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = _eventsQueueUrl,
            MaxNumberOfMessages = 10,
            WaitTimeSeconds = 5,
            MessageSystemAttributeNames = ["All"],
            MessageAttributeNames = ["All"],
        });
        Assert.NotEmpty(received.Messages ?? []);
        return [.. received.Messages!.Select(message => new SqsMessage
        {
            MessageId = message.MessageId,
            ReceiptHandle = message.ReceiptHandle,
            Body = message.Body,
            Attributes = new SqsSystemAttributes
            {
                ApproximateReceiveCount = message.Attributes?.GetValueOrDefault("ApproximateReceiveCount"),
                SentTimestamp = message.Attributes?.GetValueOrDefault("SentTimestamp"),
                SenderId = message.Attributes?.GetValueOrDefault("SenderId"),
                ApproximateFirstReceiveTimestamp = message.Attributes?.GetValueOrDefault("ApproximateFirstReceiveTimestamp"),
            },
            MessageAttributes = message.MessageAttributes?.ToDictionary(
                attribute => attribute.Key,
                attribute => new SqsMessageAttribute
                {
                    DataType = attribute.Value.DataType,
                    StringValue = attribute.Value.StringValue,
                    StringListValues = [],
                    BinaryListValues = [],
                }),
            Md5OfBody = message.MD5OfBody,
            Md5OfMessageAttributes = message.MD5OfMessageAttributes,
            EventSource = "aws:sqs",
            EventSourceArn = "arn:aws:sqs:us-east-1:000000000000:events",
            AwsRegion = emulators.Region,
        })];
    }

    private static string PutEventsBody(string endpointId, string eventType) => new JsonObject
    {
        ["BatchItem"] = new JsonObject
        {
            [endpointId] = new JsonObject
            {
                ["Endpoint"] = new JsonObject { ["ChannelType"] = "IN_APP" },
                ["Events"] = new JsonObject
                {
                    ["event-1"] = new JsonObject
                    {
                        ["EventType"] = eventType,
                        ["Timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
                    },
                },
            },
        },
    }.ToJsonString();

    /// <summary>One published bootstrap serving one function, and the Runtime API emulator it polls.</summary>
    private sealed class RunningFunction(RuntimeApiEmulator api, BootstrapProcess process) : IDisposable
    {
        public string Output => process.Output;

        public async Task<EmulatedOutcome> Invoke(string eventJson)
        {
            var outcome = api.Invoke(eventJson);
            var finished = await Task.WhenAny(outcome, Task.Delay(Patience));
            Assert.True(finished == outcome, "no response from the bootstrap within " + Patience + ":\n" + process.Output);
            return await outcome;
        }

        public async Task<HttpApiResponse> Http(
            string method, string rawPath, string routeKey,
            IReadOnlyDictionary<string, string>? pathParameters = null, string? body = null)
        {
            var requestId = Guid.NewGuid().ToString("N")[..16] + "=";
            var request = new HttpApiRequest
            {
                Version = "2.0",
                RouteKey = routeKey,
                RawPath = rawPath,
                RawQueryString = "",
                Headers = new Dictionary<string, string>
                {
                    ["content-type"] = "application/json",
                    ["host"] = "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com",
                    ["user-agent"] = "integration-test",
                },
                PathParameters = pathParameters,
                Body = body,
                RequestContext = new HttpApiRequestContext
                {
                    AccountId = "123456789012",
                    ApiId = "a1b2c3d4e5",
                    DomainName = "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com",
                    DomainPrefix = "a1b2c3d4e5",
                    Http = new HttpApiRequestHttp
                    {
                        Method = method, Path = rawPath, Protocol = "HTTP/1.1", SourceIp = "127.0.0.1", UserAgent = "integration-test",
                    },
                    RequestId = requestId,
                    RouteKey = routeKey,
                    Stage = "$default",
                    TimeEpoch = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                    Authorizer = new HttpApiAuthorizer
                    {
                        Iam = new HttpApiIamAuthorizer
                        {
                            AccessKey = "AKIDLOCALOWNER", AccountId = "123456789012", CallerId = "AIDALOCALOWNER",
                            UserArn = "arn:aws:iam::123456789012:user/owner", UserId = "AIDALOCALOWNER",
                        },
                    },
                },
            };
            var outcome = await Invoke(JsonSerializer.Serialize(request, LambdaJsonContext.Default.HttpApiRequest));
            Assert.False(outcome.IsError, outcome.Body + "\n" + process.Output);
            return JsonSerializer.Deserialize(outcome.Body, LambdaJsonContext.Default.HttpApiResponse)!;
        }

        public void Dispose()
        {
            process.Dispose();
            api.Dispose();
        }
    }
}
