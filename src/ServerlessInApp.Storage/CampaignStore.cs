using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Stores;

namespace ServerlessInApp.Storage;

/// <summary>Campaigns live in their app's partition (APP#{appId} / CAMPAIGN#{id}).</summary>
public sealed class CampaignStore(IAmazonDynamoDB dynamo, string tableName) : ICampaignStore
{
    public Task<bool> PutAsync(Campaign campaign, int? expectedVersion, CancellationToken ct) =>
        CatalogWrite.PutAsync(dynamo, tableName, campaign.ApplicationId, ToItem(campaign), expectedVersion, ct);

    public bool Fits(Campaign campaign) => Items.Fits(ToItem(campaign));

    public async Task<Campaign?> GetAsync(string appId, string campaignId, CancellationToken ct)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Items.Key(Keys.App(appId), Keys.Campaign(campaignId)),
            ConsistentRead = true,
        }, ct);
        return response.Item is { Count: > 0 } item ? FromItem(item) : null;
    }

    public Task<bool> DeleteAsync(string appId, string campaignId, CancellationToken ct) =>
        CatalogWrite.DeleteAsync(dynamo, tableName, appId, Keys.Campaign(campaignId), ct);

    internal static Dictionary<string, AttributeValue> ToItem(Campaign c)
    {
        var item = Items.Key(Keys.App(c.ApplicationId), Keys.Campaign(c.Id));
        item["Type"] = Items.S("Campaign");
        item["ApplicationId"] = Items.S(c.ApplicationId);
        item["Id"] = Items.S(c.Id);
        item[CatalogWrite.Version] = Items.N(c.Version);
        item["Definition"] = Items.S(JsonSerializer.Serialize(c.Definition, StorageJsonContext.Default.CampaignDefinition));
        item["Message"] = Items.S(JsonSerializer.Serialize(c.Message, StorageJsonContext.Default.InAppMessage));
        item["TreatmentMessages"] = Items.S(JsonSerializer.Serialize(c.TreatmentMessages.ToList(), StorageJsonContext.Default.ListInAppMessage));
        item["CreationDate"] = Items.Date(c.CreationDate);
        item["LastModifiedDate"] = Items.Date(c.LastModifiedDate);
        return item;
    }

    internal static Campaign FromItem(Dictionary<string, AttributeValue> item) => new(
        item.GetS("ApplicationId"),
        item.GetS("Id"),
        item.GetInt(CatalogWrite.Version),
        JsonSerializer.Deserialize(item.GetS("Definition"), StorageJsonContext.Default.CampaignDefinition)!,
        JsonSerializer.Deserialize(item.GetS("Message"), StorageJsonContext.Default.InAppMessage)!,
        item.GetDate("CreationDate"),
        item.GetDate("LastModifiedDate"))
    {
        TreatmentMessages = item.GetSOrNull("TreatmentMessages") is { } json
            ? JsonSerializer.Deserialize(json, StorageJsonContext.Default.ListInAppMessage) ?? []
            : [],
    };
}
