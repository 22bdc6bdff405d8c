using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServerlessInApp.Core.Apps;
using ServerlessInApp.Core.Settings;
using ServerlessInApp.Core.Stores;

namespace ServerlessInApp.Storage;

/// <summary>
/// Apps: the app item (APP#{id} / #APP, which also carries the catalog version stamp) and its list entry
/// (APPS / APP#{id}), written and deleted together.
/// </summary>
public sealed class AppStore(IAmazonDynamoDB dynamo, string tableName) : IAppStore
{
    internal const string CatalogVersion = "CatalogVersion";

    public async Task CreateAsync(App app, CancellationToken ct)
    {
        await dynamo.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = tableName, Item = ToItem(app, Keys.App(app.Id), Keys.AppItem, withVersion: true) } },
                new TransactWriteItem { Put = new Put { TableName = tableName, Item = ToItem(app, Keys.AppList, Keys.AppListEntry(app.Id), withVersion: false) } },
            ],
        }, ct);
    }

    public async Task<App?> GetAsync(string appId, CancellationToken ct)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Items.Key(Keys.App(appId), Keys.AppItem),
        }, ct);
        return response.Item is { Count: > 0 } item ? FromItem(item) : null;
    }

    public async Task<Page<App>?> ListAsync(int pageSize, string? token, CancellationToken ct)
    {
        if (!Items.TryDecodeToken(Keys.AppList, Keys.AppListEntry(""), token, out var start)) return null;
        var response = await dynamo.QueryAsync(new QueryRequest
        {
            TableName = tableName,
            KeyConditionExpression = "#pk = :pk",
            ExpressionAttributeNames = new() { ["#pk"] = TableDefinition.PartitionKey },
            ExpressionAttributeValues = new() { [":pk"] = Items.S(Keys.AppList) },
            Limit = pageSize,
            ExclusiveStartKey = start,
        }, ct);
        return new Page<App>((response.Items ?? []).Select(FromItem).ToList(), Items.EncodeToken(response.LastEvaluatedKey));
    }

    internal const string SettingsAttribute = "Settings";

    public async Task<ApplicationSettingsRecord?> GetSettingsAsync(string appId, CancellationToken ct)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Items.Key(Keys.App(appId), Keys.AppItem),
            ConsistentRead = true,
        }, ct);
        if (response.Item is not { Count: > 0 } item) return null;
        return new ApplicationSettingsRecord(appId, SettingsFrom(item),
            item.GetSOrNull("SettingsModified") is not null ? item.GetDate("SettingsModified") : null);
    }

    public async Task<bool> PutSettingsAsync(ApplicationSettingsRecord record, CancellationToken ct)
    {
        try
        {
            await dynamo.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = Items.Key(Keys.App(record.ApplicationId), Keys.AppItem),
                // Settings are part of the catalog the trigger and fetch paths cache: bump its stamp with them.
                UpdateExpression = "SET #settings = :settings, #modified = :modified ADD #stamp :one",
                ConditionExpression = "attribute_exists(#pk)",
                ExpressionAttributeNames = new()
                {
                    ["#settings"] = SettingsAttribute, ["#modified"] = "SettingsModified", ["#stamp"] = CatalogVersion,
                    ["#pk"] = TableDefinition.PartitionKey,
                },
                ExpressionAttributeValues = new()
                {
                    [":settings"] = Items.S(JsonSerializer.Serialize(record.Settings, StorageJsonContext.Default.ApplicationSettings)),
                    [":modified"] = Items.Date(record.LastModifiedDate ?? DateTimeOffset.UtcNow),
                    [":one"] = Items.N(1),
                },
            }, ct);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    internal static ApplicationSettings SettingsFrom(Dictionary<string, AttributeValue> appItem) =>
        appItem.GetSOrNull(SettingsAttribute) is { } json
            ? JsonSerializer.Deserialize(json, StorageJsonContext.Default.ApplicationSettings) ?? new ApplicationSettings()
            : new ApplicationSettings();

    public async Task<bool> DeleteAsync(string appId, CancellationToken ct)
    {
        try
        {
            await dynamo.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems =
                [
                    new TransactWriteItem
                    {
                        Delete = new Delete
                        {
                            TableName = tableName,
                            Key = Items.Key(Keys.App(appId), Keys.AppItem),
                            ConditionExpression = "attribute_exists(#pk)",
                            ExpressionAttributeNames = new() { ["#pk"] = TableDefinition.PartitionKey },
                        },
                    },
                    new TransactWriteItem { Delete = new Delete { TableName = tableName, Key = Items.Key(Keys.AppList, Keys.AppListEntry(appId)) } },
                ],
            }, ct);
        }
        catch (TransactionCanceledException)
        {
            return false;
        }
        // The app is gone for every reader now; its campaigns and segments are removed after. Endpoint partitions
        // are left to their owners (docs/data-model.md): nothing can reach them without the app.
        await PartitionCleanup.DeleteAllAsync(dynamo, tableName, Keys.App(appId), ct);
        return true;
    }

    private static Dictionary<string, AttributeValue> ToItem(App app, string pk, string sk, bool withVersion)
    {
        var item = Items.Key(pk, sk);
        item["Type"] = Items.S("App");
        item["Id"] = Items.S(app.Id);
        item["Name"] = Items.S(app.Name);
        item["Tags"] = Items.S(JsonSerializer.Serialize(new Dictionary<string, string>(app.Tags), StorageJsonContext.Default.DictionaryStringString));
        item["CreationDate"] = Items.Date(app.CreationDate);
        if (withVersion) item[CatalogVersion] = Items.N(0);
        return item;
    }

    private static App FromItem(Dictionary<string, AttributeValue> item) => new(
        item.GetS("Id"),
        item.GetS("Name"),
        JsonSerializer.Deserialize(item.GetS("Tags"), StorageJsonContext.Default.DictionaryStringString) ?? [],
        item.GetDate("CreationDate"));
}
