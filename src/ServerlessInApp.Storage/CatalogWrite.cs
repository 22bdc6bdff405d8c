using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace ServerlessInApp.Storage;

/// <summary>
/// A change to an app's catalog (campaign or segment) and the bump of its version stamp, in one transaction, so a
/// reader that sees the new stamp always finds the change, and a change to a deleted app fails.
/// </summary>
internal static class CatalogWrite
{
    public const string Version = "Version";

    public static async Task<bool> PutAsync(IAmazonDynamoDB dynamo, string tableName, string appId,
        Dictionary<string, AttributeValue> item, int? expectedVersion, CancellationToken ct)
    {
        var put = new Put { TableName = tableName, Item = item, ExpressionAttributeNames = new() { ["#pk"] = TableDefinition.PartitionKey } };
        if (expectedVersion is { } expected)
        {
            put.ConditionExpression = "attribute_exists(#pk) AND #version = :expected";
            put.ExpressionAttributeNames["#version"] = Version;
            put.ExpressionAttributeValues = new() { [":expected"] = Items.N(expected) };
        }
        else
        {
            put.ConditionExpression = "attribute_not_exists(#pk)";
        }
        return await TransactAsync(dynamo, tableName, appId, new TransactWriteItem { Put = put }, ct);
    }

    public static Task<bool> DeleteAsync(IAmazonDynamoDB dynamo, string tableName, string appId, string sk, CancellationToken ct) =>
        TransactAsync(dynamo, tableName, appId, new TransactWriteItem
        {
            Delete = new Delete
            {
                TableName = tableName,
                Key = Items.Key(Keys.App(appId), sk),
                ConditionExpression = "attribute_exists(#pk)",
                ExpressionAttributeNames = new() { ["#pk"] = TableDefinition.PartitionKey },
            },
        }, ct);

    private static async Task<bool> TransactAsync(IAmazonDynamoDB dynamo, string tableName, string appId, TransactWriteItem change, CancellationToken ct)
    {
        try
        {
            await dynamo.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems =
                [
                    change,
                    new TransactWriteItem
                    {
                        Update = new Update
                        {
                            TableName = tableName,
                            Key = Items.Key(Keys.App(appId), Keys.AppItem),
                            UpdateExpression = "ADD #stamp :one",
                            ConditionExpression = "attribute_exists(#pk)",
                            ExpressionAttributeNames = new() { ["#stamp"] = AppStore.CatalogVersion, ["#pk"] = TableDefinition.PartitionKey },
                            ExpressionAttributeValues = new() { [":one"] = Items.N(1) },
                        },
                    },
                ],
            }, ct);
            return true;
        }
        catch (TransactionCanceledException)
        {
            return false;
        }
    }
}
