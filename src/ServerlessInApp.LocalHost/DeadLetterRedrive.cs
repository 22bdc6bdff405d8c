using Amazon.SQS;
using Amazon.SQS.Model;

namespace ServerlessInApp.LocalHost;

/// <summary>
/// Moves the dead-letter queue's messages back to the events queue once their cause is fixed: what
/// StartMessageMoveTask does in AWS, which the SQS emulator lacks. Receive up to ten, send them with
/// SendMessageBatch, delete from the dead-letter queue only what the events queue accepted; until a receive finds
/// nothing. Processing is idempotent, so a message that ends up in both queues (a failed delete) is harmless.
/// </summary>
public static class DeadLetterRedrive
{
    /// <summary>Received messages stay hidden this long, so that one run sees each at most once.</summary>
    private const int ReceiveVisibilitySeconds = 120;

    /// <param name="Moved">Sent to the events queue and deleted from the dead-letter queue.</param>
    /// <param name="NotSent">Refused by the events queue: still in the dead-letter queue (visible again after two minutes).</param>
    /// <param name="NotDeleted">Sent, but the dead-letter queue did not delete them: they will be processed twice.</param>
    /// <param name="FailedAgain">Moved by this run, failed again and dead-lettered again: left there, their cause is not fixed.</param>
    public sealed record Result(int Moved, int NotSent, int NotDeleted, int FailedAgain);

    public static async Task<Result> MoveAsync(IAmazonSQS sqs, string deadLetterQueueUrl, string eventsQueueUrl, CancellationToken ct = default)
    {
        int moved = 0, notSent = 0, notDeleted = 0;
        var movedIds = new HashSet<string>(StringComparer.Ordinal);
        var failedAgain = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = deadLetterQueueUrl,
                MaxNumberOfMessages = 10,
                WaitTimeSeconds = 1,
                VisibilityTimeout = ReceiveVisibilitySeconds,
                MessageAttributeNames = ["All"],
            }, ct);
            if (received.Messages is not { Count: > 0 } messages) break;

            // The redrive policy keeps a message's id when it dead-letters it, so a message this run sent (under the id
            // the events queue gave it) that comes back here has failed again.
            var batch = new List<Message>();
            foreach (var message in messages)
            {
                if (movedIds.Contains(message.MessageId)) failedAgain.Add(message.MessageId);
                else batch.Add(message);
            }
            if (batch.Count == 0) continue;

            var sent = await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = eventsQueueUrl,
                Entries = batch.Select((message, i) => new SendMessageBatchRequestEntry
                {
                    Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    MessageBody = message.Body,
                    MessageAttributes = message.MessageAttributes is { Count: > 0 } attributes ? attributes : null,
                }).ToList(),
            }, ct);
            var accepted = sent.Successful ?? [];
            notSent += sent.Failed?.Count ?? 0;
            if (accepted.Count == 0) continue;
            foreach (var entry in accepted) movedIds.Add(entry.MessageId);

            var deleted = await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest
            {
                QueueUrl = deadLetterQueueUrl,
                Entries = accepted.Select(entry => new DeleteMessageBatchRequestEntry
                {
                    Id = entry.Id,
                    ReceiptHandle = batch[int.Parse(entry.Id, System.Globalization.CultureInfo.InvariantCulture)].ReceiptHandle,
                }).ToList(),
            }, ct);
            notDeleted += deleted.Failed?.Count ?? 0;
            moved += accepted.Count;
        }
        return new Result(moved, notSent, notDeleted, failedAgain.Count);
    }

    /// <summary>
    /// The `redrive` command: the queues of a running local stack, found by name on SQS_SERVICE_URL (the variables of
    /// .local/run/stack.env). Returns the exit code.
    /// </summary>
    public static async Task<int> RunAsync(LocalHostOptions options, TextWriter output, CancellationToken ct = default)
    {
        using var sqs = new AmazonSQSClient(new AmazonSQSConfig { ServiceURL = options.SqsServiceUrl, AuthenticationRegion = options.Region });
        string deadLetterUrl, eventsUrl;
        try
        {
            deadLetterUrl = (await sqs.GetQueueUrlAsync(options.DeadLetterQueueName, ct)).QueueUrl;
            eventsUrl = (await sqs.GetQueueUrlAsync(options.EventsQueueName, ct)).QueueUrl;
        }
        catch (QueueDoesNotExistException ex)
        {
            output.WriteLine($"redrive: {ex.Message} on {options.SqsServiceUrl}: is the local stack running (./run.sh)?");
            return 1;
        }

        var result = await MoveAsync(sqs, deadLetterUrl, eventsUrl, ct);
        output.WriteLine($"redrive: moved {result.Moved} message(s) from {options.DeadLetterQueueName} to {options.EventsQueueName}.");
        if (result.FailedAgain > 0)
        {
            output.WriteLine($"redrive: {result.FailedAgain} moved message(s) failed again and are back in {options.DeadLetterQueueName}: their cause is not fixed.");
        }
        if (result.NotDeleted > 0)
        {
            output.WriteLine($"redrive: {result.NotDeleted} moved message(s) could not be deleted from {options.DeadLetterQueueName}; processing them twice is harmless.");
        }
        if (result.NotSent > 0)
        {
            output.WriteLine($"redrive: {result.NotSent} message(s) were refused by {options.EventsQueueName} and stay in {options.DeadLetterQueueName}; run redrive again.");
            return 1;
        }
        return 0;
    }
}
