using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace ServerlessInApp.LocalHost;

/// <summary>Creates the events queue and its dead-letter queue with the redrive policy template.yaml declares.</summary>
public static class LocalQueues
{
    public static async Task<(string EventsQueueUrl, string DeadLetterQueueUrl)> EnsureCreatedAsync(
        IAmazonSQS sqs, LocalHostOptions options, CancellationToken ct)
    {
        var dlq = await sqs.CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = options.DeadLetterQueueName,
            Attributes = new() { ["MessageRetentionPeriod"] = "1209600" },
        }, ct);
        var dlqArn = (await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
        {
            QueueUrl = dlq.QueueUrl,
            AttributeNames = ["QueueArn"],
        }, ct)).Attributes["QueueArn"];

        var redrive = new Dictionary<string, string>
        {
            ["deadLetterTargetArn"] = dlqArn,
            ["maxReceiveCount"] = options.MaxReceiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var events = await sqs.CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = options.EventsQueueName,
            Attributes = new()
            {
                ["VisibilityTimeout"] = options.VisibilityTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RedrivePolicy"] = JsonSerializer.Serialize(redrive, LocalJsonContext.Default.DictionaryStringString),
            },
        }, ct);
        return (events.QueueUrl, dlq.QueueUrl);
    }
}
