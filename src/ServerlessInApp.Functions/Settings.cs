namespace ServerlessInApp.Functions;

/// <summary>
/// Configuration read once from the environment. A missing required value stops start-up (reported to the Runtime
/// API's /init/error) instead of surfacing later as a confusing runtime error.
/// </summary>
public sealed record Settings(
    string TableName,
    string? EventsQueueUrl,
    string Region,
    string AccountId,
    string? DynamoDbServiceUrl,
    string? SqsServiceUrl)
{
    public static Settings FromEnvironment() => new(
        Required("TABLE_NAME"),
        Optional("EVENTS_QUEUE_URL"),
        Optional("AWS_REGION") ?? Optional("AWS_DEFAULT_REGION") ?? throw new InvalidOperationException("AWS_REGION is not set."),
        Optional("ACCOUNT_ID") ?? "000000000000",
        Optional("DYNAMODB_SERVICE_URL"),
        Optional("SQS_SERVICE_URL"));

    public string RequireEventsQueueUrl() =>
        EventsQueueUrl ?? throw new InvalidOperationException("EVENTS_QUEUE_URL is not set; the ingest function sends events there.");

    private static string Required(string name) =>
        Optional(name) ?? throw new InvalidOperationException($"{name} is not set.");

    private static string? Optional(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
