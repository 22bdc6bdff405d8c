using System.Text.Json.Serialization;

namespace ServerlessInApp.Functions.Lambda;

// One JSON document, one file: the SQS event envelope and the records nested in it live together here.
// Every name is pinned: Lambda's SQS JSON mixes "Records", "eventSourceARN" and camelCase, and the
// serializer matches names case-sensitively, so a wrong name fails a fixture test instead of reading null.

/// <summary>The event Lambda's SQS event source mapping passes to the trigger function: one batch of messages.</summary>
public sealed record SqsEvent
{
    [JsonPropertyName("Records")]
    public required IReadOnlyList<SqsMessage> Records { get; init; }
}

/// <summary>One SQS message of a batch.</summary>
public sealed record SqsMessage
{
    /// <summary>The id a partial batch response names to fail this message.</summary>
    [JsonPropertyName("messageId")]
    public required string MessageId { get; init; }

    [JsonPropertyName("receiptHandle")]
    public string? ReceiptHandle { get; init; }

    [JsonPropertyName("body")]
    public required string Body { get; init; }

    [JsonPropertyName("attributes")]
    public SqsSystemAttributes? Attributes { get; init; }

    [JsonPropertyName("messageAttributes")]
    public IReadOnlyDictionary<string, SqsMessageAttribute>? MessageAttributes { get; init; }

    [JsonPropertyName("md5OfBody")]
    public string? Md5OfBody { get; init; }

    [JsonPropertyName("md5OfMessageAttributes")]
    public string? Md5OfMessageAttributes { get; init; }

    [JsonPropertyName("eventSource")]
    public string? EventSource { get; init; }

    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; init; }

    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; init; }
}

/// <summary>
/// The message's system attributes. SQS sends every value as a string, numbers included
/// ("ApproximateReceiveCount": "2"); they stay strings here so the model writes back exactly what it read.
/// </summary>
public sealed record SqsSystemAttributes
{
    [JsonPropertyName("ApproximateReceiveCount")]
    public string? ApproximateReceiveCount { get; init; }

    /// <summary>Milliseconds since the Unix epoch, as a string.</summary>
    [JsonPropertyName("SentTimestamp")]
    public string? SentTimestamp { get; init; }

    [JsonPropertyName("SenderId")]
    public string? SenderId { get; init; }

    /// <summary>Milliseconds since the Unix epoch, as a string.</summary>
    [JsonPropertyName("ApproximateFirstReceiveTimestamp")]
    public string? ApproximateFirstReceiveTimestamp { get; init; }

    [JsonPropertyName("AWSTraceHeader")]
    public string? AwsTraceHeader { get; init; }

    [JsonPropertyName("SequenceNumber")]
    public string? SequenceNumber { get; init; }

    [JsonPropertyName("MessageGroupId")]
    public string? MessageGroupId { get; init; }

    [JsonPropertyName("MessageDeduplicationId")]
    public string? MessageDeduplicationId { get; init; }

    [JsonPropertyName("DeadLetterQueueSourceArn")]
    public string? DeadLetterQueueSourceArn { get; init; }
}

/// <summary>One user-defined message attribute. Binary values stay base64 text, as on the wire.</summary>
public sealed record SqsMessageAttribute
{
    [JsonPropertyName("dataType")]
    public required string DataType { get; init; }

    [JsonPropertyName("stringValue")]
    public string? StringValue { get; init; }

    [JsonPropertyName("binaryValue")]
    public string? BinaryValue { get; init; }

    [JsonPropertyName("stringListValues")]
    public IReadOnlyList<string>? StringListValues { get; init; }

    [JsonPropertyName("binaryListValues")]
    public IReadOnlyList<string>? BinaryListValues { get; init; }
}
