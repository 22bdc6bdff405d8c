using System.Globalization;
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using ServerlessInApp.Core.Events;
using ServerlessInApp.Core.Stores;
using ServerlessInApp.Core.UseCases;
using ServerlessInApp.Functions.Logging;

namespace ServerlessInApp.Functions.Queue;

/// <summary>Sends accepted events to the events queue, ten per SendMessageBatch, all batches at once.</summary>
public sealed class SqsEventQueue(IAmazonSQS sqs, string queueUrl) : IEventQueue
{
    private const int MaxBatch = 10;

    public async Task<IReadOnlySet<string>> EnqueueAsync(IReadOnlyList<AppEvent> events, CancellationToken ct)
    {
        var batches = events.Chunk(MaxBatch).Select(chunk => SendAsync(chunk, ct));
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in await Task.WhenAll(batches))
        {
            failed.UnionWith(result);
        }
        return failed;
    }

    private async Task<IEnumerable<string>> SendAsync(AppEvent[] chunk, CancellationToken ct)
    {
        var request = new SendMessageBatchRequest
        {
            QueueUrl = queueUrl,
            Entries = chunk.Select((e, i) => new SendMessageBatchRequestEntry
            {
                Id = i.ToString(CultureInfo.InvariantCulture),
                MessageBody = JsonSerializer.Serialize(e, QueueJsonContext.Default.AppEvent),
            }).ToList(),
        };
        try
        {
            var response = await sqs.SendMessageBatchAsync(request, ct);
            return (response.Failed ?? []).Select(f => EventIngestion.QueueKey(chunk[int.Parse(f.Id, CultureInfo.InvariantCulture)]));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The client is told to send these events again (status 500 per event); none is reported accepted.
            JsonLog.Error("SendMessageBatch failed", appId: chunk[0].ApplicationId, exception: ex);
            return chunk.Select(EventIngestion.QueueKey);
        }
    }
}
