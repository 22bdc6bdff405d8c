using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServerlessInApp.Core.Segments;
using ServerlessInApp.Core.Stores;

namespace ServerlessInApp.Storage;

/// <summary>Segments live in their app's partition (APP#{appId} / SEGMENT#{id}), beside the campaigns that use them.</summary>
public sealed class SegmentStore(IAmazonDynamoDB dynamo, string tableName) : ISegmentStore
{
    public Task<bool> PutAsync(Segment segment, int? expectedVersion, CancellationToken ct) =>
        CatalogWrite.PutAsync(dynamo, tableName, segment.ApplicationId, ToItem(segment), expectedVersion, ct);

    public bool Fits(Segment segment) => Items.Fits(ToItem(segment));

    public async Task<Segment?> GetAsync(string appId, string segmentId, CancellationToken ct)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Items.Key(Keys.App(appId), Keys.Segment(segmentId)),
            ConsistentRead = true,
        }, ct);
        return response.Item is { Count: > 0 } item ? FromItem(item) : null;
    }

    public Task<bool> DeleteAsync(string appId, string segmentId, CancellationToken ct) =>
        CatalogWrite.DeleteAsync(dynamo, tableName, appId, Keys.Segment(segmentId), ct);

    internal static Dictionary<string, AttributeValue> ToItem(Segment s)
    {
        var item = Items.Key(Keys.App(s.ApplicationId), Keys.Segment(s.Id));
        item["Type"] = Items.S("Segment");
        item["ApplicationId"] = Items.S(s.ApplicationId);
        item["Id"] = Items.S(s.Id);
        item[CatalogWrite.Version] = Items.N(s.Version);
        item["Definition"] = Items.S(JsonSerializer.Serialize(s.Definition, StorageJsonContext.Default.SegmentDefinition));
        item["CreationDate"] = Items.Date(s.CreationDate);
        item["LastModifiedDate"] = Items.Date(s.LastModifiedDate);
        return item;
    }

    internal static Segment FromItem(Dictionary<string, AttributeValue> item) => new(
        item.GetS("ApplicationId"),
        item.GetS("Id"),
        item.GetInt(CatalogWrite.Version),
        JsonSerializer.Deserialize(item.GetS("Definition"), StorageJsonContext.Default.SegmentDefinition)!,
        item.GetDate("CreationDate"),
        item.GetDate("LastModifiedDate"));
}
