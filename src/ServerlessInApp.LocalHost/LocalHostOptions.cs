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
    };

    private static string Required(string name) => Optional(name)
        ?? throw new InvalidOperationException($"{name} is not set. Start the stack with ./run.sh, which starts the emulators and sets it.");

    private static string? Optional(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
}
