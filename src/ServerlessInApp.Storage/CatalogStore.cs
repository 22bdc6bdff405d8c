using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Segments;
using ServerlessInApp.Core.Stores;

namespace ServerlessInApp.Storage;

/// <summary>
/// Reads an app's whole partition (app item, campaigns, segments) in one Query. Both reads are strongly consistent
/// so that a campaign change is seen by the very next batch or fetch.
/// </summary>
public sealed class CatalogStore(IAmazonDynamoDB dynamo, string tableName) : ICatalogStore
{
    public async Task<long?> GetVersionAsync(string appId, CancellationToken ct)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Items.Key(Keys.App(appId), Keys.AppItem),
            ProjectionExpression = "#stamp",
            ExpressionAttributeNames = new() { ["#stamp"] = AppStore.CatalogVersion },
            ConsistentRead = true,
        }, ct);
        return response.Item is { Count: > 0 } item ? item.GetN(AppStore.CatalogVersion) : null;
    }

    public async Task<CampaignCatalog?> LoadAsync(string appId, CancellationToken ct)
    {
        long? version = null;
        ServerlessInApp.Core.Settings.ApplicationSettings? settings = null;
        var campaigns = new List<Campaign>();
        var segments = new List<Segment>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.QueryAsync(new QueryRequest
            {
                TableName = tableName,
                KeyConditionExpression = "#pk = :pk",
                ExpressionAttributeNames = new() { ["#pk"] = TableDefinition.PartitionKey },
                ExpressionAttributeValues = new() { [":pk"] = Items.S(Keys.App(appId)) },
                ConsistentRead = true,
                ExclusiveStartKey = start,
            }, ct);
            foreach (var item in page.Items ?? [])
            {
                var sk = item.GetS(TableDefinition.SortKey);
                if (sk == Keys.AppItem)
                {
                    version = item.GetN(AppStore.CatalogVersion);
                    settings = AppStore.SettingsFrom(item);
                }
                else if (sk.StartsWith(Keys.CampaignPrefix, StringComparison.Ordinal)) campaigns.Add(CampaignStore.FromItem(item));
                else if (sk.StartsWith(Keys.SegmentPrefix, StringComparison.Ordinal)) segments.Add(SegmentStore.FromItem(item));
            }
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        } while (start is not null);

        return version is null ? null : new CampaignCatalog(appId, version.Value, campaigns, segments, settings);
    }
}
