using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace ServerlessInApp.Storage;

internal static class PartitionCleanup
{
    /// <summary>Deletes every item of a partition, 25 at a time, retrying what DynamoDB leaves unprocessed.</summary>
    public static async Task DeleteAllAsync(IAmazonDynamoDB dynamo, string tableName, string pk, CancellationToken ct)
    {
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.QueryAsync(new QueryRequest
            {
                TableName = tableName,
                KeyConditionExpression = "#pk = :pk",
                ExpressionAttributeNames = new() { ["#pk"] = TableDefinition.PartitionKey, ["#sk"] = TableDefinition.SortKey },
                ExpressionAttributeValues = new() { [":pk"] = Items.S(pk) },
                ProjectionExpression = "#pk, #sk",
                ExclusiveStartKey = start,
            }, ct);
            foreach (var chunk in (page.Items ?? []).Chunk(25))
            {
                await BatchWrite.WriteAllAsync(dynamo, tableName,
                    chunk.Select(key => new WriteRequest { DeleteRequest = new DeleteRequest { Key = key } }).ToList(), ct);
            }
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        } while (start is not null);
    }
}
