using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.SQS.Model;
using ServerlessInApp.Functions;
using ServerlessInApp.Functions.Http;
using ServerlessInApp.Functions.Lambda;
using ServerlessInApp.Storage;

namespace ServerlessInApp.Bench.ColdStart;

/// <summary>
/// The local stack (DynamoDB Local + fauxqs, from the variables infra/local/start.sh writes) seeded for cold starts,
/// through the product's own handler classes in this process: a table, an app with a segment and a campaign
/// triggered by <c>purchase</c> events, an endpoint already entitled to it. Then, for each handler, the event of a
/// first invocation that does real work against the emulators, and how to tell that it succeeded.
/// </summary>
public sealed class Stack : IDisposable
{
    private readonly Composition _composition;
    private readonly string _prepQueueUrl;
    private const int LoadEndpoints = 200;

    /// <summary>Campaigns of the load app: what every entitled endpoint's fetch returns (as in bench/load.sh's fetch).</summary>
    public const int LoadCampaigns = 20;
    private readonly HashSet<string> _entitledLoadEndpoints = new(StringComparer.Ordinal);
    private string? _loadAppId;
    private int _sequence;

    private Stack(Composition composition, string tableName, string eventsQueueUrl, string prepQueueUrl, string appId)
    {
        _composition = composition;
        TableName = tableName;
        EventsQueueUrl = eventsQueueUrl;
        _prepQueueUrl = prepQueueUrl;
        AppId = appId;
    }

    public string TableName { get; }

    /// <summary>The queue the measured ingest processes send to (nothing reads it).</summary>
    public string EventsQueueUrl { get; }

    public string AppId { get; }

    public const string EntitledEndpoint = "coldstart-entitled";

    public static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: source the stack.env that infra/local/start.sh wrote.");

    public static async Task<Stack> CreateAsync()
    {
        var tableName = "coldstart-" + Guid.NewGuid().ToString("N")[..12];
        var bootstrapSettings = new Settings(tableName, null, Required("AWS_REGION"), "000000000000",
            Required("DYNAMODB_SERVICE_URL"), Required("SQS_SERVICE_URL"));
        string eventsQueueUrl, prepQueueUrl;
        using (var plain = new Composition(bootstrapSettings))
        {
            await TableDefinition.EnsureCreatedAsync(plain.DynamoDb, tableName);
            eventsQueueUrl = (await plain.Sqs.CreateQueueAsync(tableName + "-events")).QueueUrl;
            prepQueueUrl = (await plain.Sqs.CreateQueueAsync(tableName + "-prep")).QueueUrl;
        }
        // In process, ingest sends to the prep queue: the records the trigger's cold starts get are taken from there.
        var composition = new Composition(bootstrapSettings with { EventsQueueUrl = prepQueueUrl });

        var admin = composition.Function(FunctionName.Admin);
        var app = await HttpAsync(admin, Http("POST", "/v1/apps", "POST /v1/apps", null, """{"Name":"coldstart"}"""), 201);
        var appId = (string)JsonNode.Parse(app)!["Id"]!;
        var segment = await HttpAsync(admin, Http("POST", $"/v1/apps/{appId}/segments", "POST /v1/apps/{ApplicationId}/segments",
            new Dictionary<string, string> { ["ApplicationId"] = appId }, """{"Name":"everyone"}"""), 201);
        await HttpAsync(admin, Http("POST", $"/v1/apps/{appId}/campaigns", "POST /v1/apps/{ApplicationId}/campaigns",
            new Dictionary<string, string> { ["ApplicationId"] = appId }, """
            {"Name":"big-purchase","SegmentId":"SEG","Priority":1,
             "MessageConfiguration":{"InAppMessage":{"Layout":"TOP_BANNER","Content":[{"BackgroundColor":"#FFFFFF",
               "HeaderConfig":{"Alignment":"LEFT","Header":"Thanks!","TextColor":"#000000"}}]}},
             "Schedule":{"StartTime":"IMMEDIATE","Frequency":"IN_APP_EVENT","EventFilter":{"FilterType":"ENDPOINT","Dimensions":{
               "EventType":{"DimensionType":"INCLUSIVE","Values":["purchase"]},
               "Metrics":{"price":{"ComparisonOperator":"GREATER_THAN","Value":10}}}}}}
            """.Replace("SEG", (string)JsonNode.Parse(segment)!["Id"]!)), 201);

        var stack = new Stack(composition, tableName, eventsQueueUrl, prepQueueUrl, appId);
        // The endpoint fetch asks for: entitled through the real path (ingest, queue, trigger).
        var entitle = await stack.TriggerEventAsync(EntitledEndpoint);
        var batch = await composition.Function(FunctionName.Trigger).Handle(Utf8(entitle), Invocation.Local("seed-trigger"));
        CheckTrigger(await ReadAsync(batch));
        var fetched = await HttpAsync(composition.Function(FunctionName.Fetch), stack.FetchRequest(), 200);
        CheckFetch(fetched);
        return stack;
    }

    /// <summary>The first invocation's event for <paramref name="handler"/>, and a check of what the function posted.</summary>
    public async Task<(string Event, Action<string> Check)> FirstInvocationAsync(string handler)
    {
        var n = Interlocked.Increment(ref _sequence);
        switch (handler)
        {
            case FunctionName.Admin:
                // CreateApp: one conditional write.
                return (Http("POST", "/v1/apps", "POST /v1/apps", null, $$"""{"Name":"coldstart-{{n}}"}"""), body => CheckHttp(body, 201));
            case FunctionName.Ingest:
                // PutEvents for a new endpoint: reads the app, registers the endpoint, sends the event to the queue.
                return (Http("POST", $"/v1/apps/{AppId}/events", "POST /v1/apps/{ApplicationId}/events",
                    new Dictionary<string, string> { ["ApplicationId"] = AppId }, PutEvents($"coldstart-ingest-{n}")), body =>
                    {
                        var response = CheckHttp(body, 202);
                        var status = (int?)JsonNode.Parse(response)!["Results"]![$"coldstart-ingest-{n}"]!["EventsItemResponse"]!["event-1"]!["StatusCode"];
                        if (status != 202) throw new InvalidOperationException($"ingest: event answered {status}: {response}");
                    });
            case FunctionName.Trigger:
                // One record ingest really enqueued, for a new endpoint: loads the catalog, matches the campaign,
                // writes the entitlement and the metrics.
                return (await TriggerEventAsync($"coldstart-trigger-{n}"), CheckTrigger);
            case FunctionName.Fetch:
                // GetInAppMessages of the entitled endpoint: loads the catalog, one Query, returns the campaign.
                return (FetchRequest(), body => CheckFetch(CheckHttp(body, 200)));
            default:
                throw new ArgumentException($"unknown handler {handler}");
        }
    }

    /// <summary>
    /// A second app for the memory runs, so the cold starts above keep their one-campaign catalog: a segment and
    /// <see cref="LoadCampaigns"/> campaigns triggered by <c>level_up</c>, so an endpoint that levels up is entitled to
    /// all of them and its fetch returns that many messages.
    /// </summary>
    public async Task CreateLoadAppAsync()
    {
        var admin = _composition.Function(FunctionName.Admin);
        var app = await HttpAsync(admin, Http("POST", "/v1/apps", "POST /v1/apps", null, """{"Name":"coldstart-load"}"""), 201);
        _loadAppId = (string)JsonNode.Parse(app)!["Id"]!;
        var parameters = new Dictionary<string, string> { ["ApplicationId"] = _loadAppId };
        var segment = await HttpAsync(admin, Http("POST", $"/v1/apps/{_loadAppId}/segments", "POST /v1/apps/{ApplicationId}/segments",
            parameters, """{"Name":"everyone"}"""), 201);
        var segmentId = (string)JsonNode.Parse(segment)!["Id"]!;
        for (var i = 1; i <= LoadCampaigns; i++)
        {
            await HttpAsync(admin, Http("POST", $"/v1/apps/{_loadAppId}/campaigns", "POST /v1/apps/{ApplicationId}/campaigns", parameters, """
                {"Name":"level-up-#N#","SegmentId":"#SEG#","Priority":#PRIORITY#,
                 "MessageConfiguration":{"InAppMessage":{"Layout":"MIDDLE_BANNER","Content":[{"BackgroundColor":"#FFFFFF",
                   "HeaderConfig":{"Alignment":"CENTER","Header":"Level up #N#","TextColor":"#000000"},
                   "BodyConfig":{"Alignment":"LEFT","Body":"You reached a new level: here is reward number #N#.","TextColor":"#333333"},
                   "ImageUrl":"https://example.com/reward-#N#.png",
                   "PrimaryBtn":{"DefaultConfig":{"BackgroundColor":"#0000FF","Text":"Claim","TextColor":"#FFFFFF","ButtonAction":"DEEP_LINK","Link":"game://reward/#N#"}}}]}},
                 "Schedule":{"StartTime":"IMMEDIATE","Frequency":"IN_APP_EVENT","EventFilter":{"FilterType":"ENDPOINT","Dimensions":{
                   "EventType":{"DimensionType":"INCLUSIVE","Values":["level_up"]}}}}}
                """.Replace("#N#", i.ToString(CultureInfo.InvariantCulture)).Replace("#SEG#", segmentId).Replace("#PRIORITY#", (1 + i % 5).ToString(CultureInfo.InvariantCulture))), 201);
        }
    }

    /// <summary>
    /// <paramref name="count"/> invocations of <paramref name="handler"/> against the load app, built through the
    /// product in this process: for the trigger, batches of 10 records ingest really enqueued, one batch in five of
    /// <c>level_up</c> events (each entitles its endpoint to every campaign) and the rest of events no campaign
    /// listens for; for fetch, GetInAppMessages of the endpoints the trigger entitled, in turn (run the trigger
    /// first); for ingest, PutEvents of 100 events (10 endpoints, 10 each); for admin, GetCampaigns of the load app
    /// and CreateSegment, in turn.
    /// </summary>
    public async Task<List<string>> LoadInvocationsAsync(string handler, int count)
    {
        var appId = _loadAppId ?? throw new InvalidOperationException("CreateLoadAppAsync first");
        var parameters = new Dictionary<string, string> { ["ApplicationId"] = appId };
        var invocations = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var endpoints = Enumerable.Range(0, 10).Select(k => $"load-{(i * 10 + k) % LoadEndpoints}").ToList();
            switch (handler)
            {
                case FunctionName.Trigger:
                    var granting = i % 5 == 0;
                    invocations.Add(await TriggerBatchAsync(appId, endpoints, granting ? "level_up" : "item_viewed", 1));
                    if (granting) _entitledLoadEndpoints.UnionWith(endpoints);
                    break;
                case FunctionName.Fetch:
                    if (_entitledLoadEndpoints.Count == 0) throw new InvalidOperationException("no endpoint is entitled yet: run the trigger's load first");
                    var endpointId = _entitledLoadEndpoints.Order(StringComparer.Ordinal).ElementAt(i % _entitledLoadEndpoints.Count);
                    invocations.Add(Http("GET", $"/v1/apps/{appId}/endpoints/{endpointId}/inappmessages",
                        "GET /v1/apps/{ApplicationId}/endpoints/{EndpointId}/inappmessages",
                        new Dictionary<string, string> { ["ApplicationId"] = appId, ["EndpointId"] = endpointId }, null));
                    break;
                case FunctionName.Ingest:
                    invocations.Add(Http("POST", $"/v1/apps/{appId}/events", "POST /v1/apps/{ApplicationId}/events", parameters,
                        PutEvents(endpoints, "item_viewed", 10)));
                    break;
                case FunctionName.Admin:
                    invocations.Add(i % 2 == 0
                        ? Http("GET", $"/v1/apps/{appId}/campaigns", "GET /v1/apps/{ApplicationId}/campaigns", parameters, null)
                        : Http("POST", $"/v1/apps/{appId}/segments", "POST /v1/apps/{ApplicationId}/segments", parameters,
                            $$"""{"Name":"load-segment-{{i}}"}"""));
                    break;
                default:
                    throw new ArgumentException($"unknown handler {handler}");
            }
        }
        return invocations;
    }

    /// <summary>Throws unless <paramref name="body"/> is what a load invocation of <paramref name="handler"/> should post.</summary>
    public void CheckLoad(string handler, string body)
    {
        switch (handler)
        {
            case FunctionName.Trigger:
                CheckTrigger(body);
                break;
            case FunctionName.Fetch:
                var campaigns = JsonNode.Parse(CheckHttp(body, 200))!["InAppMessageCampaigns"]!.AsArray();
                if (campaigns.Count != LoadCampaigns) throw new InvalidOperationException($"fetch: expected {LoadCampaigns} messages, got {campaigns.Count}");
                break;
            case FunctionName.Ingest:
                CheckHttp(body, 202);
                break;
            default:
                var response = JsonSerializer.Deserialize(body, LambdaJsonContext.Default.HttpApiResponse);
                if (response?.StatusCode is not (200 or 201)) throw new InvalidOperationException($"admin: {body}");
                break;
        }
    }

    private string FetchRequest() => Http("GET", $"/v1/apps/{AppId}/endpoints/{EntitledEndpoint}/inappmessages",
        "GET /v1/apps/{ApplicationId}/endpoints/{EndpointId}/inappmessages",
        new Dictionary<string, string> { ["ApplicationId"] = AppId, ["EndpointId"] = EntitledEndpoint }, null);

    private Task<string> TriggerEventAsync(string endpointId) => TriggerBatchAsync(AppId, [endpointId], "purchase", 1);

    /// <summary>
    /// An SQS event of the records ingest really enqueued for one PutEvents of <paramref name="eventsPerEndpoint"/>
    /// events of <paramref name="eventType"/> from each endpoint.
    /// </summary>
    private async Task<string> TriggerBatchAsync(string appId, IReadOnlyList<string> endpointIds, string eventType, int eventsPerEndpoint)
    {
        await HttpAsync(_composition.Function(FunctionName.Ingest), Http("POST", $"/v1/apps/{appId}/events",
            "POST /v1/apps/{ApplicationId}/events", new Dictionary<string, string> { ["ApplicationId"] = appId },
            PutEvents(endpointIds, eventType, eventsPerEndpoint)), 202);
        var expected = endpointIds.Count * eventsPerEndpoint;
        var messages = new List<Message>();
        while (messages.Count < expected)
        {
            var received = await _composition.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = _prepQueueUrl,
                MaxNumberOfMessages = Math.Min(10, expected - messages.Count),
                WaitTimeSeconds = 5,
                MessageSystemAttributeNames = ["All"],
                MessageAttributeNames = ["All"],
            });
            if (received.Messages is not { Count: > 0 }) throw new InvalidOperationException($"ingest enqueued {messages.Count} of {expected} records on the prep queue");
            foreach (var message in received.Messages) await _composition.Sqs.DeleteMessageAsync(_prepQueueUrl, message.ReceiptHandle);
            messages.AddRange(received.Messages);
        }
        var records = messages.Select(message => new SqsMessage
        {
            MessageId = message.MessageId,
            ReceiptHandle = message.ReceiptHandle,
            Body = message.Body,
            Attributes = new SqsSystemAttributes
            {
                ApproximateReceiveCount = "1",
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
            AwsRegion = Required("AWS_REGION"),
        }).ToList();
        return JsonSerializer.Serialize(new SqsEvent { Records = records }, LambdaJsonContext.Default.SqsEvent);
    }

    private static void CheckTrigger(string body)
    {
        var response = JsonSerializer.Deserialize(body, LambdaJsonContext.Default.SqsBatchResponse)
            ?? throw new InvalidOperationException("trigger: no batch response");
        if (response.BatchItemFailures.Count != 0) throw new InvalidOperationException($"trigger: records failed: {body}");
    }

    private static void CheckFetch(string body)
    {
        var campaigns = JsonNode.Parse(body)!["InAppMessageCampaigns"]!.AsArray();
        if (campaigns.Count != 1) throw new InvalidOperationException($"fetch: expected the entitled campaign, got {body}");
    }

    /// <summary>The HTTP API response's body, after checking its status code.</summary>
    private static string CheckHttp(string body, int status)
    {
        var response = JsonSerializer.Deserialize(body, LambdaJsonContext.Default.HttpApiResponse)
            ?? throw new InvalidOperationException("no HTTP API response");
        if (response.StatusCode != status) throw new InvalidOperationException($"expected {status}, got {response.StatusCode}: {response.Body}");
        return response.Body ?? "";
    }

    private static async Task<string> HttpAsync(IFunction function, string request, int status)
    {
        var output = await function.Handle(Utf8(request), Invocation.Local(Guid.NewGuid().ToString()));
        return CheckHttp(await ReadAsync(output), status);
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<string> ReadAsync(Stream stream)
    {
        await using (stream)
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadToEndAsync();
        }
    }

    private static string PutEvents(string endpointId) => PutEvents([endpointId], "purchase", 1);

    /// <summary>A PutEvents body: <paramref name="eventsPerEndpoint"/> events of the type from each endpoint, price 25.</summary>
    private static string PutEvents(IReadOnlyList<string> endpointIds, string eventType, int eventsPerEndpoint)
    {
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var batch = new JsonObject();
        foreach (var endpointId in endpointIds)
        {
            var events = new JsonObject();
            for (var i = 1; i <= eventsPerEndpoint; i++)
            {
                events[$"event-{i}"] = new JsonObject
                {
                    ["EventType"] = eventType, ["Timestamp"] = now, ["Metrics"] = new JsonObject { ["price"] = 25 },
                };
            }
            batch[endpointId] = new JsonObject { ["Endpoint"] = new JsonObject { ["ChannelType"] = "IN_APP" }, ["Events"] = events };
        }
        return new JsonObject { ["BatchItem"] = batch }.ToJsonString();
    }

    /// <summary>An API Gateway HTTP API payload 2.0 event, as the IAM-authorized API sends it.</summary>
    private static string Http(string method, string rawPath, string routeKey, IReadOnlyDictionary<string, string>? pathParameters, string? body)
    {
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
                ["user-agent"] = "coldstart-bench",
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
                    Method = method, Path = rawPath, Protocol = "HTTP/1.1", SourceIp = "127.0.0.1", UserAgent = "coldstart-bench",
                },
                RequestId = Guid.NewGuid().ToString("N")[..16] + "=",
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
        return JsonSerializer.Serialize(request, LambdaJsonContext.Default.HttpApiRequest);
    }

    public void Dispose() => _composition.Dispose();
}
