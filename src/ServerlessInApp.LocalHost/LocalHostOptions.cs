namespace ServerlessInApp.LocalHost;

/// <summary>How the local stack is wired: where the emulators are and how the event source mapping behaves.</summary>
public sealed record LocalHostOptions
{
    public required string DynamoDbServiceUrl { get; init; }
    public required string SqsServiceUrl { get; init; }
    public string Region { get; init; } = "us-east-1";
    public string TableName { get; init; } = "ServerlessInApp";
    public string EventsQueueName { get; init; } = "serverlessinapp-events";
    public string DeadLetterQueueName { get; init; } = "serverlessinapp-events-dlq";
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>As template.yaml: a record is redelivered after this, and moved to the dead-letter queue after MaxReceiveCount receives.</summary>
    public int VisibilityTimeoutSeconds { get; init; } = 30;
    public int MaxReceiveCount { get; init; } = 5;
    public int BatchSize { get; init; } = 10;
    public int BatchingWindowSeconds { get; init; } = 1;

    /// <summary>Concurrent pollers, like Lambda's concurrent invocations of the trigger function.</summary>
    public int Pollers { get; init; } = 2;

    /// <summary>
    /// The development key pair a device signs with (SigV4): it may call only the app routes, as the Cognito identity
    /// pool's roles may in AWS. Not a secret: printed by ./run.sh and documented.
    /// </summary>
    public DevelopmentKey AppKey { get; init; } = DevelopmentKey.DefaultApp;

    /// <summary>The development key pair the owner signs with: every route, as AdminApiPolicy in AWS.</summary>
    public DevelopmentKey OwnerKey { get; init; } = DevelopmentKey.DefaultOwner;

    /// <summary>
    /// How the product's DynamoDB client makes its HTTP clients: null (run.sh) is the SDK's own. For fault tests and
    /// load harnesses only (error injection, request counting); never read from the environment.
    /// </summary>
    public Amazon.Runtime.HttpClientFactory? DynamoDbHttpClientFactory { get; init; }

    public static LocalHostOptions FromEnvironment(string? urls) => new()
    {
        DynamoDbServiceUrl = Required("DYNAMODB_SERVICE_URL"),
        SqsServiceUrl = Required("SQS_SERVICE_URL"),
        Region = Optional("AWS_REGION") ?? "us-east-1",
        TableName = Optional("TABLE_NAME") ?? "ServerlessInApp",
        EventsQueueName = Optional("EVENTS_QUEUE_NAME") ?? "serverlessinapp-events",
        DeadLetterQueueName = Optional("DEAD_LETTER_QUEUE_NAME") ?? "serverlessinapp-events-dlq",
        Urls = urls ?? Optional("SERVERLESSINAPP_URLS") ?? "http://127.0.0.1:5080",
        VisibilityTimeoutSeconds = int.Parse(Optional("LOCAL_VISIBILITY_TIMEOUT_SECONDS") ?? "30"),
        Pollers = int.Parse(Optional("LOCAL_POLLERS") ?? "2"),
        AppKey = Key("LOCAL_APP_ACCESS_KEY_ID", "LOCAL_APP_SECRET_ACCESS_KEY", DevelopmentKey.DefaultApp),
        OwnerKey = Key("LOCAL_OWNER_ACCESS_KEY_ID", "LOCAL_OWNER_SECRET_ACCESS_KEY", DevelopmentKey.DefaultOwner),
    };

    /// <summary>Throws when the two keys could be confused or could not appear in a SigV4 credential scope.</summary>
    public void ValidateKeys()
    {
        AppKey.Validate("app");
        OwnerKey.Validate("owner");
        if (string.Equals(AppKey.AccessKeyId, OwnerKey.AccessKeyId, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The app and owner keys have the same access key id '{AppKey.AccessKeyId}'; give them different ones.");
        }
    }

    private static DevelopmentKey Key(string idVariable, string secretVariable, DevelopmentKey fallback) =>
        new(Optional(idVariable) ?? fallback.AccessKeyId, Optional(secretVariable) ?? fallback.SecretAccessKey);

    private static string Required(string name) => Optional(name)
        ?? throw new InvalidOperationException($"{name} is not set. Start the stack with ./run.sh, which starts the emulators and sets it.");

    private static string? Optional(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
}
