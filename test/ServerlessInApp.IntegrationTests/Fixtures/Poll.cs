using Amazon.SQS;
using Amazon.SQS.Model;

namespace ServerlessInApp.IntegrationTests.Fixtures;

/// <summary>Waits for an asynchronous effect: checks every 100 ms, fails after a generous 20 s.</summary>
public static class Poll
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Timeout;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"Gave up after {limit.TotalSeconds} s waiting for {what}; last value: {value}");
            await Task.Delay(Interval);
        }
    }

    /// <summary>
    /// Until the queue holds no message, visible, in flight or delayed: every event sent before this call has been
    /// handled and deleted by the event source mapping (or moved to the dead-letter queue). A barrier for "nothing
    /// happened" assertions that does not guess a duration.
    /// </summary>
    public static Task QueueDrainedAsync(IAmazonSQS sqs, string queueUrl, TimeSpan? timeout = null) => UntilAsync(
        async () =>
        {
            var attributes = (await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
            {
                QueueUrl = queueUrl,
                AttributeNames = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"],
            })).Attributes;
            return string.Join(' ', attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));
        },
        counts => counts.Split(' ').All(pair => pair.EndsWith("=0", StringComparison.Ordinal)),
        $"{queueUrl} to be empty",
        timeout);
}
