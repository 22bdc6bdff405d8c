using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServerlessInApp.Core.Stores;
using ServerlessInApp.Core.Templates;

namespace ServerlessInApp.Storage;

/// <summary>
/// Templates: a summary per template in the TEMPLATES partition (latest and active version; ListTemplates is one
/// Query with a name prefix) and one item per version in TEMPLATE#{name}.
/// </summary>
public sealed class TemplateStore(IAmazonDynamoDB dynamo, string tableName) : ITemplateStore
{
    private const string Latest = "LatestVersion";
    private const string Active = "ActiveVersion";

    public async Task<bool> CreateAsync(InAppTemplate template, CancellationToken ct)
    {
        var summary = SummaryItem(new TemplateSummary(template.Name, 1, 1, template.Definition.TemplateDescription,
            template.Tags, template.CreationDate, template.LastModifiedDate));
        return await TransactAsync(ct,
            new TransactWriteItem { Put = new Put { TableName = tableName, Item = summary, ConditionExpression = "attribute_not_exists(#pk)", ExpressionAttributeNames = PkName() } },
            new TransactWriteItem { Put = new Put { TableName = tableName, Item = VersionItem(template) } });
    }

    public bool Fits(InAppTemplate template) => Items.Fits(VersionItem(template));

    public async Task<TemplateSummary?> GetSummaryAsync(string name, CancellationToken ct)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Items.Key(Keys.TemplateList, Keys.TemplateSummary(name)),
            ConsistentRead = true,
        }, ct);
        return response.Item is { Count: > 0 } item ? FromSummary(item) : null;
    }

    public async Task<InAppTemplate?> GetVersionAsync(string name, int version, CancellationToken ct)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Items.Key(Keys.Template(name), Keys.TemplateVersion(version)),
            ConsistentRead = true,
        }, ct);
        return response.Item is { Count: > 0 } item ? FromVersion(item) : null;
    }

    public Task<bool> AddVersionAsync(InAppTemplate template, int expectedLatest, CancellationToken ct) => TransactAsync(ct,
        new TransactWriteItem
        {
            Update = new Update
            {
                TableName = tableName,
                Key = Items.Key(Keys.TemplateList, Keys.TemplateSummary(template.Name)),
                UpdateExpression = "SET #latest = :new, #modified = :modified, #description = :description",
                ConditionExpression = "#latest = :expected",
                ExpressionAttributeNames = new() { ["#latest"] = Latest, ["#modified"] = "LastModifiedDate", ["#description"] = "Description" },
                ExpressionAttributeValues = new()
                {
                    [":new"] = Items.N(template.Version),
                    [":expected"] = Items.N(expectedLatest),
                    [":modified"] = Items.Date(template.LastModifiedDate),
                    [":description"] = Items.S(template.Definition.TemplateDescription ?? ""),
                },
            },
        },
        new TransactWriteItem { Put = new Put { TableName = tableName, Item = VersionItem(template), ConditionExpression = "attribute_not_exists(#pk)", ExpressionAttributeNames = PkName() } });

    public Task<bool> ReplaceVersionAsync(InAppTemplate template, CancellationToken ct) => TransactAsync(ct,
        new TransactWriteItem
        {
            Update = new Update
            {
                TableName = tableName,
                Key = Items.Key(Keys.TemplateList, Keys.TemplateSummary(template.Name)),
                UpdateExpression = "SET #modified = :modified, #description = :description",
                ConditionExpression = "#latest = :version",
                ExpressionAttributeNames = new() { ["#latest"] = Latest, ["#modified"] = "LastModifiedDate", ["#description"] = "Description" },
                ExpressionAttributeValues = new()
                {
                    [":version"] = Items.N(template.Version),
                    [":modified"] = Items.Date(template.LastModifiedDate),
                    [":description"] = Items.S(template.Definition.TemplateDescription ?? ""),
                },
            },
        },
        new TransactWriteItem { Put = new Put { TableName = tableName, Item = VersionItem(template), ConditionExpression = "attribute_exists(#pk)", ExpressionAttributeNames = PkName() } });

    public Task<bool> SetActiveVersionAsync(string name, int version, CancellationToken ct) => TransactAsync(ct,
        new TransactWriteItem
        {
            ConditionCheck = new ConditionCheck
            {
                TableName = tableName,
                Key = Items.Key(Keys.Template(name), Keys.TemplateVersion(version)),
                ConditionExpression = "attribute_exists(#pk)",
                ExpressionAttributeNames = PkName(),
            },
        },
        new TransactWriteItem
        {
            Update = new Update
            {
                TableName = tableName,
                Key = Items.Key(Keys.TemplateList, Keys.TemplateSummary(name)),
                UpdateExpression = "SET #active = :version",
                ConditionExpression = "attribute_exists(#pk)",
                ExpressionAttributeNames = new() { ["#active"] = Active, ["#pk"] = TableDefinition.PartitionKey },
                ExpressionAttributeValues = new() { [":version"] = Items.N(version) },
            },
        });

    public async Task<Page<TemplateSummary>?> ListAsync(string? prefix, int pageSize, string? token, CancellationToken ct)
    {
        if (!Items.TryDecodeToken(Keys.TemplateList, Keys.TemplateSummary(prefix ?? ""), token, out var start)) return null;
        var response = await dynamo.QueryAsync(new QueryRequest
        {
            TableName = tableName,
            KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :prefix)",
            ExpressionAttributeNames = new() { ["#pk"] = TableDefinition.PartitionKey, ["#sk"] = TableDefinition.SortKey },
            ExpressionAttributeValues = new() { [":pk"] = Items.S(Keys.TemplateList), [":prefix"] = Items.S(Keys.TemplateSummary(prefix ?? "")) },
            Limit = pageSize,
            ExclusiveStartKey = start,
        }, ct);
        return new Page<TemplateSummary>((response.Items ?? []).Select(FromSummary).ToList(), Items.EncodeToken(response.LastEvaluatedKey));
    }

    public async Task<Page<InAppTemplate>?> ListVersionsAsync(string name, int pageSize, string? token, CancellationToken ct)
    {
        if (!Items.TryDecodeToken(Keys.Template(name), Keys.VersionPrefix, token, out var start)) return null;
        var response = await dynamo.QueryAsync(new QueryRequest
        {
            TableName = tableName,
            KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :prefix)",
            ExpressionAttributeNames = new() { ["#pk"] = TableDefinition.PartitionKey, ["#sk"] = TableDefinition.SortKey },
            ExpressionAttributeValues = new() { [":pk"] = Items.S(Keys.Template(name)), [":prefix"] = Items.S(Keys.VersionPrefix) },
            Limit = pageSize,
            ExclusiveStartKey = start,
        }, ct);
        return new Page<InAppTemplate>((response.Items ?? []).Select(FromVersion).ToList(), Items.EncodeToken(response.LastEvaluatedKey));
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken ct)
    {
        try
        {
            await dynamo.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = tableName,
                Key = Items.Key(Keys.TemplateList, Keys.TemplateSummary(name)),
                ConditionExpression = "attribute_exists(#pk)",
                ExpressionAttributeNames = PkName(),
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
        await PartitionCleanup.DeleteAllAsync(dynamo, tableName, Keys.Template(name), ct);
        return true;
    }

    public async Task<bool> DeleteVersionAsync(string name, int version, CancellationToken ct)
    {
        var summary = await GetSummaryAsync(name, ct);
        if (summary is null || await GetVersionAsync(name, version, ct) is null) return false;

        var remaining = await NewestOtherVersionAsync(name, version, ct);
        if (remaining is null) return await DeleteAsync(name, ct);

        var latest = version == summary.LatestVersion ? remaining.Value : summary.LatestVersion;
        var active = version == summary.ActiveVersion ? latest : summary.ActiveVersion;
        return await TransactAsync(ct,
            new TransactWriteItem
            {
                Delete = new Delete
                {
                    TableName = tableName,
                    Key = Items.Key(Keys.Template(name), Keys.TemplateVersion(version)),
                    ConditionExpression = "attribute_exists(#pk)",
                    ExpressionAttributeNames = PkName(),
                },
            },
            new TransactWriteItem
            {
                Update = new Update
                {
                    TableName = tableName,
                    Key = Items.Key(Keys.TemplateList, Keys.TemplateSummary(name)),
                    UpdateExpression = "SET #latest = :latest, #active = :active",
                    ConditionExpression = "#latest = :expectedLatest",
                    ExpressionAttributeNames = new() { ["#latest"] = Latest, ["#active"] = Active },
                    ExpressionAttributeValues = new()
                    {
                        [":latest"] = Items.N(latest),
                        [":active"] = Items.N(active),
                        [":expectedLatest"] = Items.N(summary.LatestVersion),
                    },
                },
            });
    }

    private async Task<int?> NewestOtherVersionAsync(string name, int excluded, CancellationToken ct)
    {
        var response = await dynamo.QueryAsync(new QueryRequest
        {
            TableName = tableName,
            KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :prefix)",
            ExpressionAttributeNames = new() { ["#pk"] = TableDefinition.PartitionKey, ["#sk"] = TableDefinition.SortKey, ["#version"] = "Version" },
            ExpressionAttributeValues = new() { [":pk"] = Items.S(Keys.Template(name)), [":prefix"] = Items.S(Keys.VersionPrefix) },
            ProjectionExpression = "#version",
            ScanIndexForward = false,
            Limit = 2,
            ConsistentRead = true,
        }, ct);
        return (response.Items ?? []).Select(i => i.GetInt("Version")).Where(v => v != excluded).Cast<int?>().FirstOrDefault();
    }

    private async Task<bool> TransactAsync(CancellationToken ct, params TransactWriteItem[] items)
    {
        try
        {
            await dynamo.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [.. items] }, ct);
            return true;
        }
        catch (TransactionCanceledException)
        {
            return false;
        }
    }

    private static Dictionary<string, string> PkName() => new() { ["#pk"] = TableDefinition.PartitionKey };

    private static string TagsJson(IReadOnlyDictionary<string, string> tags) =>
        JsonSerializer.Serialize(new Dictionary<string, string>(tags), StorageJsonContext.Default.DictionaryStringString);

    private static Dictionary<string, AttributeValue> SummaryItem(TemplateSummary s)
    {
        var item = Items.Key(Keys.TemplateList, Keys.TemplateSummary(s.Name));
        item["Type"] = Items.S("TemplateSummary");
        item["Name"] = Items.S(s.Name);
        item[Latest] = Items.N(s.LatestVersion);
        item[Active] = Items.N(s.ActiveVersion);
        item["Description"] = Items.S(s.Description ?? "");
        item["Tags"] = Items.S(TagsJson(s.Tags));
        item["CreationDate"] = Items.Date(s.CreationDate);
        item["LastModifiedDate"] = Items.Date(s.LastModifiedDate);
        return item;
    }

    private static TemplateSummary FromSummary(Dictionary<string, AttributeValue> item) => new(
        item.GetS("Name"),
        item.GetInt(Latest),
        item.GetInt(Active),
        item.GetSOrNull("Description") is { Length: > 0 } d ? d : null,
        JsonSerializer.Deserialize(item.GetS("Tags"), StorageJsonContext.Default.DictionaryStringString) ?? [],
        item.GetDate("CreationDate"),
        item.GetDate("LastModifiedDate"));

    private static Dictionary<string, AttributeValue> VersionItem(InAppTemplate t)
    {
        var item = Items.Key(Keys.Template(t.Name), Keys.TemplateVersion(t.Version));
        item["Type"] = Items.S("TemplateVersion");
        item["Name"] = Items.S(t.Name);
        item["Version"] = Items.N(t.Version);
        item["Definition"] = Items.S(JsonSerializer.Serialize(t.Definition, StorageJsonContext.Default.TemplateDefinition));
        item["Tags"] = Items.S(TagsJson(t.Tags));
        item["CreationDate"] = Items.Date(t.CreationDate);
        item["LastModifiedDate"] = Items.Date(t.LastModifiedDate);
        return item;
    }

    private static InAppTemplate FromVersion(Dictionary<string, AttributeValue> item) => new(
        item.GetS("Name"),
        item.GetInt("Version"),
        JsonSerializer.Deserialize(item.GetS("Definition"), StorageJsonContext.Default.TemplateDefinition)!,
        JsonSerializer.Deserialize(item.GetS("Tags"), StorageJsonContext.Default.DictionaryStringString) ?? [],
        item.GetDate("CreationDate"),
        item.GetDate("LastModifiedDate"));
}
