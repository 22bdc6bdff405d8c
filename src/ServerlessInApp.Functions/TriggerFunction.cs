using System.Text.Json;
using ServerlessInApp.Core.Events;
using ServerlessInApp.Core.UseCases;
using ServerlessInApp.Functions.Lambda;
using ServerlessInApp.Functions.Logging;
using ServerlessInApp.Functions.Queue;

namespace ServerlessInApp.Functions;

/// <summary>
/// Consumes the events queue. Records that fail come back in batchItemFailures alone; a record whose body can never
/// be read fails every time and so reaches the dead-letter queue after the configured receives.
/// </summary>
public sealed class TriggerFunction(TriggerEvaluation evaluation) : IFunction
{
    public async Task<Stream> Handle(Stream input, Invocation context)
    {
        var sqsEvent = await JsonSerializer.DeserializeAsync(input, LambdaJsonContext.Default.SqsEvent)
            ?? throw new InvalidDataException("The invocation payload is not an SQS event.");
        var records = sqsEvent.Records.Select(r => new QueuedRecord(r.MessageId, Read(r))).ToList();

        var result = await evaluation.ProcessAsync(records, CancellationToken.None);
        // Checked first, so the line is formatted only when it is written.
        if (JsonLog.IsEnabled(LogLevel.Info))
        {
            JsonLog.Info($"Batch of {records.Count}: evaluated {result.Evaluated}, granted {result.Granted}, " +
                         $"dropped {result.Dropped}, failed {result.FailedRecordIds.Count}");
        }

        var output = new MemoryStream();
        await JsonSerializer.SerializeAsync(output, SqsBatchResponse.Failing(result.FailedRecordIds), LambdaJsonContext.Default.SqsBatchResponse);
        output.Position = 0;
        return output;
    }

    private static AppEvent? Read(SqsMessage message)
    {
        try
        {
            return JsonSerializer.Deserialize(message.Body, QueueJsonContext.Default.AppEvent);
        }
        catch (JsonException ex)
        {
            JsonLog.Error($"Record {message.MessageId} is not an event and will reach the dead-letter queue", exception: ex);
            return null;
        }
    }
}
