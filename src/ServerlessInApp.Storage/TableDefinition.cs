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

    /// <summary>Creates the table and turns on TTL when it does not exist yet; used by the local stack and tests.</summary>
    public static async Task EnsureCreatedAsync(IAmazonDynamoDB dynamo, string tableName, CancellationToken ct = default)
    {
        try
        {
            await dynamo.CreateTableAsync(CreateTableRequest(tableName), ct);
        }
        catch (ResourceInUseException)
        {
            return;
        }
        await dynamo.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = tableName,
            TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = TimeToLiveAttribute, Enabled = true },
        }, ct);
    }
}
