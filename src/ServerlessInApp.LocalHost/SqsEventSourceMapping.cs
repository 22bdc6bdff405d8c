using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using ServerlessInApp.Functions;
using ServerlessInApp.Functions.Lambda;
using ServerlessInApp.Functions.Logging;

namespace ServerlessInApp.LocalHost;

/// <summary>
/// Does locally what Lambda's SQS event source mapping does: receives up to BatchSize records (waiting up to the
/// batching window), invokes the trigger function with an SQS event, deletes the records it did not report in
/// batchItemFailures, and leaves the rest to reappear after the visibility timeout (and, after MaxReceiveCount
/// receives, to be moved to the dead-letter queue by the queue's redrive policy). If the invocation fails as a
/// whole, no record is deleted.
/// </summary>
public sealed class SqsEventSourceMapping(IAmazonSQS sqs, string queueUrl, string queueArn, string region,
    IFunction trigger, LocalHostOptions options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Pollers)).Select(_ => PollAsync(stoppingToken)));

    private async Task PollAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                JsonLog.Error("Event source mapping: poll failed; retrying", exception: ex);
                await Task.Delay(TimeSpan.FromSeconds(1), ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One receive, one invocation, one delete; returns how many records were received.</summary>
    public async Task<int> PollOnceAsync(CancellationToken ct)
    {
        var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = queueUrl,
            MaxNumberOfMessages = options.BatchSize,
            WaitTimeSeconds = Math.Max(1, options.BatchingWindowSeconds),
            MessageSystemAttributeNames = ["All"],
        }, ct);
        var messages = received.Messages ?? [];
        if (messages.Count == 0) return 0;

        var sqsEvent = new SqsEvent
        {
            Records = messages.Select(m => new SqsMessage
            {
                MessageId = m.MessageId,
                ReceiptHandle = m.ReceiptHandle,
                Body = m.Body,
                Md5OfBody = m.MD5OfBody,
                EventSource = "aws:sqs",
                EventSourceArn = queueArn,
                AwsRegion = region,
                Attributes = new SqsSystemAttributes
                {
                    ApproximateReceiveCount = m.Attributes?.GetValueOrDefault("ApproximateReceiveCount"),
                    SentTimestamp = m.Attributes?.GetValueOrDefault("SentTimestamp"),
                    SenderId = m.Attributes?.GetValueOrDefault("SenderId"),
                    ApproximateFirstReceiveTimestamp = m.Attributes?.GetValueOrDefault("ApproximateFirstReceiveTimestamp"),
                },
            }).ToList(),
        };

        SqsBatchResponse? response;
        try
        {
            using var input = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(sqsEvent, LambdaJsonContext.Default.SqsEvent));
            await using var output = await trigger.Handle(input, Invocation.Local(Guid.NewGuid().ToString()));
            response = await JsonSerializer.DeserializeAsync(output, LambdaJsonContext.Default.SqsBatchResponse, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            JsonLog.Error($"Trigger invocation failed; the {messages.Count} records will be delivered again", exception: ex);
            return messages.Count;
        }

        var failed = (response?.BatchItemFailures ?? []).Select(f => f.ItemIdentifier).ToHashSet(StringComparer.Ordinal);
        var done = messages.Where(m => !failed.Contains(m.MessageId)).ToList();
        if (done.Count > 0)
        {
            await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest
            {
                QueueUrl = queueUrl,
                Entries = done.Select((m, i) => new DeleteMessageBatchRequestEntry(i.ToString(System.Globalization.CultureInfo.InvariantCulture), m.ReceiptHandle)).ToList(),
            }, ct);
        }
        return messages.Count;
    }
}
