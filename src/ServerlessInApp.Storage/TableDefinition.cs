using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace ServerlessInApp.Storage;

/// <summary>
/// The one table, as template.yaml declares it (a test compares the two). The local stack creates it from here.
/// Key design: docs/data-model.md and Keys.cs.
/// </summary>
public static class TableDefinition
{
    public const string PartitionKey = "PK";
    public const string SortKey = "SK";
    public const string TimeToLiveAttribute = "ExpiresAt";
    public static readonly BillingMode BillingMode = BillingMode.PAY_PER_REQUEST;

    public static CreateTableRequest CreateTableRequest(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode,
        AttributeDefinitions =
        [
            new AttributeDefinition(PartitionKey, ScalarAttributeType.S),
            new AttributeDefinition(SortKey, ScalarAttributeType.S),
        ],
        KeySchema =
        [
            new KeySchemaElement(PartitionKey, KeyType.HASH),
            new KeySchemaElement(SortKey, KeyType.RANGE),
        ],
    };

    /// <summary>
    /// Creates the table if it does not exist, waits until it is ACTIVE, and turns on TTL if it is not on yet; used by
    /// the local stack and tests (in AWS, template.yaml creates the table).
    /// </summary>
    public static async Task EnsureCreatedAsync(IAmazonDynamoDB dynamo, string tableName, CancellationToken ct = default)
    {
        try
        {
            await dynamo.CreateTableAsync(CreateTableRequest(tableName), ct);
        }
        catch (ResourceInUseException)
        {
            // Created by an earlier run: still make sure it is ACTIVE and has TTL.
        }
        while ((await dynamo.DescribeTableAsync(tableName, ct)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(200, ct);
        }
        var ttl = await dynamo.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = tableName }, ct);
        if (ttl.TimeToLiveDescription?.TimeToLiveStatus == TimeToLiveStatus.ENABLED) return;
        await dynamo.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = tableName,
            TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = TimeToLiveAttribute, Enabled = true },
        }, ct);
    }
}
