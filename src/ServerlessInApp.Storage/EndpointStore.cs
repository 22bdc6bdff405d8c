using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServerlessInApp.Core.Displays;
using ServerlessInApp.Core.Endpoints;
using ServerlessInApp.Core.Entitlements;
using ServerlessInApp.Core.Stores;
using Endpoint = ServerlessInApp.Core.Endpoints.Endpoint;

namespace ServerlessInApp.Storage;

/// <summary>
/// An endpoint's partition (ENDPOINT#{appId}#{endpointId}): the profile (#PROFILE) and one item per entitled campaign
/// (ENTITLEMENT#{campaignId}), so GetInAppMessages is one Query.
/// </summary>
public sealed class EndpointStore(IAmazonDynamoDB dynamo, string tableName) : IEndpointStore
{
    private const string Revision = "Revision";
    private const string GrantedAtMs = "GrantedAtMs";

    /// <summary>On an entitlement: the event that newly entitled the endpoint (counted once in the metrics as Entitled or Holdout).</summary>
    private const string FirstEventId = "FirstEventId";
    private const int MaxGrantAttempts = 5;
    // Each round of a race lets at least one writer through, so N writers at once need up to N attempts; the jittered
    // pause between attempts spreads racing writers out so that they rarely collide that often.
    private const int MaxUpsertAttempts = 12;

    public async Task<Endpoint?> GetAsync(string appId, string endpointId, CancellationToken ct)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Items.Key(Keys.Endpoint(appId, endpointId), Keys.ProfileItem),
            ConsistentRead = true,
        }, ct);
        return response.Item is { Count: > 0 } item ? ProfileFrom(item) : null;
    }

    public async Task<IReadOnlyDictionary<string, Endpoint>> GetManyAsync(string appId, IReadOnlyCollection<string> endpointIds, CancellationToken ct)
    {
        var found = new Dictionary<string, Endpoint>(StringComparer.Ordinal);
        foreach (var chunk in endpointIds.Chunk(100))
        {
            var pending = new Dictionary<string, KeysAndAttributes>
            {
                [tableName] = new() { Keys = chunk.Select(id => Items.Key(Keys.Endpoint(appId, id), Keys.ProfileItem)).ToList(), ConsistentRead = true },
            };
            for (var attempt = 0; pending.Count > 0; attempt++)
            {
                if (attempt > 0) await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 25 << Math.Min(attempt, 6))), ct);
                var response = await dynamo.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = pending }, ct);
                foreach (var item in response.Responses?.GetValueOrDefault(tableName) ?? [])
                {
                    var endpoint = ProfileFrom(item);
                    found[endpoint.Id] = endpoint;
                }
                pending = response.UnprocessedKeys is { Count: > 0 } unprocessed ? unprocessed : [];
            }
        }
        return found;
    }

    public async Task<Endpoint?> UpsertAsync(string appId, string endpointId, Func<Endpoint?, Endpoint?> merge, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await dynamo.GetItemAsync(new GetItemRequest
            {
                TableName = tableName,
                Key = Items.Key(Keys.Endpoint(appId, endpointId), Keys.ProfileItem),
                ConsistentRead = true,
            }, ct);
            var current = response.Item is { Count: > 0 } item ? item : null;
            var merged = merge(current is null ? null : ProfileFrom(current));
            if (merged is null) return null;
            var revision = current is null ? 0 : current.GetN(Revision);

            var put = new PutItemRequest
            {
                TableName = tableName,
                Item = ProfileItem(merged, revision + 1),
                ExpressionAttributeNames = new() { ["#pk"] = TableDefinition.PartitionKey },
            };
            if (current is null)
            {
                put.ConditionExpression = "attribute_not_exists(#pk)";
            }
            else
            {
                put.ConditionExpression = "#revision = :revision";
                put.ExpressionAttributeNames["#revision"] = Revision;
                put.ExpressionAttributeValues = new() { [":revision"] = Items.N(revision) };
                put.ExpressionAttributeNames.Remove("#pk");
            }
            try
            {
                await dynamo.PutItemAsync(put, ct);
                return merged;
            }
            catch (ConditionalCheckFailedException) when (attempt < MaxUpsertAttempts)
            {
                // Another writer changed the profile between our read and write: merge again onto what it wrote.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 << Math.Min(attempt, 4))), ct);
            }
        }
    }

    public async Task<Endpoint?> DeleteAsync(string appId, string endpointId, CancellationToken ct)
    {
        var existing = await GetAsync(appId, endpointId, ct);
        if (existing is null) return null;
        await PartitionCleanup.DeleteAllAsync(dynamo, tableName, Keys.Endpoint(appId, endpointId), ct);
        return existing;
    }

    public async Task<(Endpoint? Endpoint, IReadOnlyList<Entitlement> Entitlements)> GetWithEntitlementsAsync(
        string appId, string endpointId, DateTimeOffset now, CancellationToken ct)
    {
        var partition = await GetPartitionAsync(appId, endpointId, now, ct);
        return (partition.Endpoint, partition.Entitlements);
    }

    public async Task<EndpointPartition> GetPartitionAsync(string appId, string endpointId, DateTimeOffset now, CancellationToken ct)
    {
        Endpoint? endpoint = null;
        SessionMarker? session = null;
        var entitlements = new List<Entitlement>();
        var counters = new Dictionary<string, DisplayCounter>(StringComparer.Ordinal);
        var nowSeconds = now.ToUnixTimeSeconds();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.QueryAsync(new QueryRequest
            {
                TableName = tableName,
                KeyConditionExpression = "#pk = :pk",
                ExpressionAttributeNames = new() { ["#pk"] = TableDefinition.PartitionKey },
                ExpressionAttributeValues = new() { [":pk"] = Items.S(Keys.Endpoint(appId, endpointId)) },
                ExclusiveStartKey = start,
            }, ct);
            foreach (var item in page.Items ?? [])
            {
                var sk = item.GetS(TableDefinition.SortKey);
                if (sk == Keys.ProfileItem) endpoint = ProfileFrom(item);
                else if (sk == Keys.SessionItem) session = AnalyticsStore.SessionFrom(item);
                else if (sk.StartsWith(Keys.DisplaysPrefix, StringComparison.Ordinal))
                {
                    var counter = AnalyticsStore.CounterFrom(item);
                    counters[counter.Scope] = counter;
                }
                // TTL deletes expired items only eventually (minutes to days): an expired entitlement is skipped here.
                else if (sk.StartsWith(Keys.EntitlementPrefix, StringComparison.Ordinal) && item.GetN(TableDefinition.TimeToLiveAttribute) > nowSeconds)
                    entitlements.Add(EntitlementFrom(appId, endpointId, item));
            }
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        } while (start is not null);
        return new EndpointPartition(endpoint, entitlements, counters, session);
    }

    public async Task<bool> GrantAsync(Entitlement entitlement, CancellationToken ct)
    {
        var key = Items.Key(Keys.Endpoint(entitlement.ApplicationId, entitlement.EndpointId), Keys.Entitlement(entitlement.CampaignId));
        var values = new Dictionary<string, AttributeValue>
        {
            ["Type"] = Items.S("Entitlement"),
            ["CampaignId"] = Items.S(entitlement.CampaignId),
            ["CampaignVersion"] = Items.N(entitlement.CampaignVersion),
            ["EventId"] = Items.S(entitlement.EventId),
            ["TreatmentId"] = Items.S(entitlement.TreatmentId),
            ["GrantedAt"] = Items.Date(entitlement.GrantedAt),
            [GrantedAtMs] = Items.N(entitlement.GrantedAt.ToUnixTimeMilliseconds()),
            [TableDefinition.TimeToLiveAttribute] = Items.N(entitlement.ExpiresAt.ToUnixTimeSeconds()),
        };
        // "Live" is judged at the grant's own time, so every delivery of an event decides the same way.
        var grantedAtSeconds = Items.N(entitlement.GrantedAt.ToUnixTimeSeconds());
        // One update creates the entitlement or refreshes a live one; FirstEventId is set only by the creating grant.
        var names = new Dictionary<string, string>
        {
            ["#pk"] = TableDefinition.PartitionKey, ["#granted"] = GrantedAtMs, ["#expires"] = TableDefinition.TimeToLiveAttribute,
            ["#first"] = FirstEventId,
        };
        var attributeValues = new Dictionary<string, AttributeValue>
        {
            [":granted"] = values[GrantedAtMs], [":at"] = grantedAtSeconds, [":me"] = Items.S(entitlement.EventId),
        };
        var expression = new List<string> { "#first = if_not_exists(#first, :me)" };
        var i = 0;
        foreach (var (name, value) in values)
        {
            names[$"#a{i}"] = name;
            attributeValues[$":a{i}"] = value;
            expression.Add($"#a{i} = :a{i}");
            i++;
        }
        var update = new UpdateItemRequest
        {
            TableName = tableName,
            Key = key,
            UpdateExpression = "SET " + string.Join(", ", expression),
            // The latest grant wins whatever order deliveries arrive in; an equal one rewrites the identical item. An
            // expired one is not refreshed: it is replaced below.
            ConditionExpression = "attribute_not_exists(#pk) OR (#expires > :at AND #granted <= :granted)",
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = attributeValues,
            ReturnValues = ReturnValue.ALL_NEW,
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var updated = await dynamo.UpdateItemAsync(update, ct);
                return IsFirst(updated.Attributes, entitlement.EventId);
            }
            catch (ConditionalCheckFailedException ex) when (ex.Item is { Count: > 0 } stored && stored.GetN(TableDefinition.TimeToLiveAttribute) > entitlement.GrantedAt.ToUnixTimeSeconds())
            {
                // A later grant of a live entitlement is stored already: this one changes nothing.
                return IsFirst(stored, entitlement.EventId);
            }
            catch (ConditionalCheckFailedException)
            {
                // The stored one had expired at this grant's time: this event newly entitles the endpoint again.
            }

            var item = new Dictionary<string, AttributeValue>(key);
            foreach (var (name, value) in values) item[name] = value;
            item[FirstEventId] = Items.S(entitlement.EventId);
            try
            {
                await dynamo.PutItemAsync(new PutItemRequest
                {
                    TableName = tableName,
                    Item = item,
                    ConditionExpression = "attribute_not_exists(#pk) OR #expires <= :at",
                    ExpressionAttributeNames = new() { ["#pk"] = TableDefinition.PartitionKey, ["#expires"] = TableDefinition.TimeToLiveAttribute },
                    ExpressionAttributeValues = new() { [":at"] = grantedAtSeconds },
                }, ct);
                return true;
            }
            catch (ConditionalCheckFailedException) when (attempt < MaxGrantAttempts)
            {
                // Another delivery stored a live entitlement between the two writes: refresh that one instead.
            }
        }
    }

    private static bool IsFirst(Dictionary<string, AttributeValue>? stored, string eventId) =>
        stored?.GetSOrNull(FirstEventId) == eventId;

    private static Dictionary<string, AttributeValue> ProfileItem(Endpoint endpoint, long revision)
    {
        var item = Items.Key(Keys.Endpoint(endpoint.ApplicationId, endpoint.Id), Keys.ProfileItem);
        item["Type"] = Items.S("Endpoint");
        item[Revision] = Items.N(revision);
        item["Profile"] = Items.S(JsonSerializer.Serialize(endpoint, StorageJsonContext.Default.Endpoint));
        return item;
    }

    private static Endpoint ProfileFrom(Dictionary<string, AttributeValue> item) =>
        JsonSerializer.Deserialize(item.GetS("Profile"), StorageJsonContext.Default.Endpoint)!;

    private static Entitlement EntitlementFrom(string appId, string endpointId, Dictionary<string, AttributeValue> item) => new(
        appId,
        endpointId,
        item.GetS("CampaignId"),
        item.GetInt("CampaignVersion"),
        item.GetS("EventId"),
        item.GetDate("GrantedAt"),
        DateTimeOffset.FromUnixTimeSeconds(item.GetN(TableDefinition.TimeToLiveAttribute)))
    {
        TreatmentId = item.GetSOrNull("TreatmentId") ?? "0",
    };
}
