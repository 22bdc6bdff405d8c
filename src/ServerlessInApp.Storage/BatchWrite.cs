using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace ServerlessInApp.Storage;

internal static class BatchWrite
{
    /// <summary>One BatchWriteItem of at most 25 requests, resending UnprocessedItems with backoff until none are left.</summary>
    public static async Task WriteAllAsync(IAmazonDynamoDB dynamo, string tableName, List<WriteRequest> requests, CancellationToken ct)
    {
        var pending = new Dictionary<string, List<WriteRequest>> { [tableName] = requests };
        for (var attempt = 0; pending.Count > 0 && pending.Values.Sum(v => v.Count) > 0; attempt++)
        {
            if (attempt > 0) await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 25 << Math.Min(attempt, 6))), ct);
            var response = await dynamo.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, ct);
            pending = response.UnprocessedItems ?? [];
        }
    }
}
