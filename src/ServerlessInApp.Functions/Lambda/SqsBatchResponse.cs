using System.Text.Json.Serialization;

namespace ServerlessInApp.Functions.Lambda;

// One JSON document, one file: the partial batch response and its items.

/// <summary>
/// The trigger function's answer to an SQS batch when the event source mapping has ReportBatchItemFailures:
/// the messages named here return to the queue (and reach the dead-letter queue after maxReceiveCount);
/// every other message of the batch is deleted. An empty list means the whole batch succeeded.
/// </summary>
public sealed record SqsBatchResponse
{
    [JsonPropertyName("batchItemFailures")]
    public required IReadOnlyList<SqsBatchItemFailure> BatchItemFailures { get; init; }

    public static SqsBatchResponse Failing(IEnumerable<string> messageIds) =>
        new() { BatchItemFailures = [.. messageIds.Select(id => new SqsBatchItemFailure { ItemIdentifier = id })] };
}

public sealed record SqsBatchItemFailure
{
    /// <summary>The failed message's <see cref="SqsMessage.MessageId"/>.</summary>
    [JsonPropertyName("itemIdentifier")]
    public required string ItemIdentifier { get; init; }
}
