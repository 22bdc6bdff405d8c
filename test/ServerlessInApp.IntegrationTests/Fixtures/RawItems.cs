using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace ServerlessInApp.IntegrationTests.Fixtures;

/// <summary>Reads items back as DynamoDB stores them, bypassing the stores under test.</summary>
public static class RawItems
{
    public static async Task<Dictionary<string, AttributeValue>?> GetAsync(IAmazonDynamoDB dynamo, string table, string pk, string sk)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new() { ["PK"] = new AttributeValue { S = pk }, ["SK"] = new AttributeValue { S = sk } },
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item ? item : null;
    }

    public static async Task<List<Dictionary<string, AttributeValue>>> QueryAsync(IAmazonDynamoDB dynamo, string table, string pk)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.QueryAsync(new QueryRequest
            {
                TableName = table,
                KeyConditionExpression = "#pk = :pk",
                ExpressionAttributeNames = new() { ["#pk"] = "PK" },
                ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = pk } },
                ConsistentRead = true,
                ExclusiveStartKey = start,
            });
            items.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        } while (start is not null);
        return items;
    }

    /// <summary>
    /// An item as sorted "name=type:value" lines, so two reads compare with Assert.Equal and a difference is readable.
    /// </summary>
    public static string Describe(Dictionary<string, AttributeValue>? item) => item is null
        ? "(no item)"
        : string.Join('\n', item.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={Describe(pair.Value)}"));

    private static string Describe(AttributeValue value) =>
        value.S is not null ? "S:" + value.S
        : value.N is not null ? "N:" + value.N
        : value.BOOL is not null ? "BOOL:" + value.BOOL
        : value.NULL is true ? "NULL"
        : value.L is { } list ? "L:[" + string.Join(',', list.Select(Describe)) + "]"
        : value.M is { } map ? "M:{" + string.Join(',', map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + Describe(p.Value))) + "}"
        : value.SS is { } ss ? "SS:[" + string.Join(',', ss.Order(StringComparer.Ordinal)) + "]"
        : "?";
}
