using System.Text.Json;
using ServerlessInApp.Functions;
using ServerlessInApp.Functions.Lambda;

namespace ServerlessInApp.IntegrationTests.Faults;

/// <summary>Invokes a trigger function with SQS events built from queued bodies, as Lambda's event source mapping would.</summary>
public static class TriggerInvoker
{
    /// <summary>One invocation; returns the message ids the function reported in batchItemFailures.</summary>
    public static async Task<IReadOnlyList<string>> InvokeAsync(IFunction trigger, IReadOnlyList<(string MessageId, string Body)> records)
    {
        var sqsEvent = new SqsEvent
        {
            Records = records.Select(r => new SqsMessage { MessageId = r.MessageId, Body = r.Body, EventSource = "aws:sqs" }).ToList(),
        };
        using var input = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(sqsEvent, LambdaJsonContext.Default.SqsEvent));
        await using var output = await trigger.Handle(input, Invocation.Local(Guid.NewGuid().ToString()));
        var response = await JsonSerializer.DeserializeAsync(output, LambdaJsonContext.Default.SqsBatchResponse);
        return (response?.BatchItemFailures ?? []).Select(f => f.ItemIdentifier).ToList();
    }

    /// <summary>
    /// Each body delivered once, in order, ten to a batch: the clean run the faulty ones are compared with. A record
    /// that failed is delivered again (as SQS would), and must succeed within a few tries.
    /// </summary>
    public static async Task RunCleanAsync(IFunction trigger, IReadOnlyList<string> bodies)
    {
        var records = bodies.Select((body, i) => ($"clean-{i}", body)).ToList();
        foreach (var batch in records.Chunk(10))
        {
            IReadOnlyList<(string, string)> pending = batch;
            for (var attempt = 1; pending.Count > 0; attempt++)
            {
                Assert.True(attempt <= 5, $"records {string.Join(", ", pending.Select(p => p.Item1))} kept failing in the clean run");
                var failed = (await InvokeAsync(trigger, pending)).ToHashSet(StringComparer.Ordinal);
                pending = pending.Where(p => failed.Contains(p.Item1)).ToList();
            }
        }
    }
}
