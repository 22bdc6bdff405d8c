using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServerlessInApp.Core.Displays;
using ServerlessInApp.Core.Metrics;
using ServerlessInApp.Core.Stores;

namespace ServerlessInApp.Storage;

/// <summary>
/// Display counters (in the endpoint's partition, so a fetch reads them with everything else), one contribution
/// record per analytics or granting event (SEEN#…, with TTL: the idempotency record), and per-campaign daily metrics
/// (METRICS#…). Every counter write is conditional on the revision read; every contribution is added to the metrics
/// in the same transaction that marks it applied.
/// </summary>
public sealed class AnalyticsStore(IAmazonDynamoDB dynamo, string tableName, TimeProvider clock) : IAnalyticsStore
{
    /// <summary>Longer than a message can live in the events queue (4 days) or its dead-letter queue (14) before a redrive.</summary>
    public static readonly TimeSpan ContributionLifetime = TimeSpan.FromDays(15);
    private const int MaxApplyAttempts = 10;
    private static readonly string[] MetricNames = ["Entitled", "Holdout", "Displayed", "UniqueDisplayed", "Clicked", "Dismissed"];

    public async Task<(DisplayCounter Campaign, DisplayCounter App)> GetCountersAsync(string appId, string endpointId, string campaignId, CancellationToken ct)
    {
        var campaign = GetCounterAsync(appId, endpointId, campaignId, ct);
        var app = GetCounterAsync(appId, endpointId, DisplayCounter.AllMessages, ct);
        return (await campaign, await app);
    }

    private async Task<DisplayCounter> GetCounterAsync(string appId, string endpointId, string scope, CancellationToken ct)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Items.Key(Keys.Endpoint(appId, endpointId), Keys.Displays(scope)),
            ConsistentRead = true,
        }, ct);
        return response.Item is { Count: > 0 } item ? CounterFrom(item) : DisplayCounter.Empty(scope);
    }

    public async Task<RecordResult> RecordAsync(EventContribution contribution, IReadOnlyList<DisplayCounter> counters, MetricKey? firstDisplay, CancellationToken ct)
    {
        var seen = new Put
        {
            TableName = tableName,
            Item = ContributionItem(contribution),
            ConditionExpression = "attribute_not_exists(#pk)",
            ExpressionAttributeNames = new() { ["#pk"] = TableDefinition.PartitionKey },
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        var items = new List<TransactWriteItem> { new() { Put = seen } };
        var firstDisplayAt = items.Count;
        if (firstDisplay is not null)
        {
            items.Add(new TransactWriteItem
            {
                Put = new Put
                {
                    TableName = tableName,
                    Item = FirstDisplayItem(contribution.ApplicationId, contribution.EndpointId, firstDisplay),
                    ConditionExpression = "attribute_not_exists(#pk)",
                    ExpressionAttributeNames = new() { ["#pk"] = TableDefinition.PartitionKey },
                },
            });
        }
        items.AddRange(counters.Select(c => new TransactWriteItem { Put = CounterPut(contribution.ApplicationId, contribution.EndpointId, c) }));
        try
        {
            await dynamo.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items }, ct);
            return RecordResult.Recorded;
        }
        catch (TransactionCanceledException ex)
        {
            var reasons = ex.CancellationReasons ?? [];
            if (reasons.Count > 0 && reasons[0].Code == "ConditionalCheckFailed")
            {
                return RecordResult.Duplicate(reasons[0].Item is { Count: > 0 } old ? ContributionFrom(old) : contribution with { Applied = true });
            }
            if (firstDisplay is not null && firstDisplayAt < reasons.Count && reasons[firstDisplayAt].Code == "ConditionalCheckFailed")
                return RecordResult.Taken([firstDisplay.CampaignId]);
            if (reasons.Any(r => r.Code is "ConditionalCheckFailed" or "TransactionConflict")) return RecordResult.Conflict;
            throw;
        }
    }

    /// <summary>Marks that the endpoint's unique display of a campaign, treatment and UTC day has been counted; expires with the contributions.</summary>
    private Dictionary<string, AttributeValue> FirstDisplayItem(string appId, string endpointId, MetricKey key)
    {
        var item = Items.Key(Keys.Seen(appId, endpointId), Keys.FirstDisplay(key.CampaignId, key.Day, key.TreatmentId));
        item["Type"] = Items.S("FirstDisplay");
        item[TableDefinition.TimeToLiveAttribute] = Items.N((clock.GetUtcNow() + ContributionLifetime).ToUnixTimeSeconds());
        return item;
    }

    public async Task ApplyAsync(IReadOnlyList<EventContribution> contributions, CancellationToken ct)
    {
        // A transaction takes 100 items: 40 contributions and their (at most 60 distinct) metric keys stay below that.
        foreach (var chunk in contributions.Where(c => !c.Applied).Chunk(40))
        {
            await ApplyChunkAsync(chunk.ToList(), ct);
        }
    }

    private async Task ApplyChunkAsync(List<EventContribution> pending, CancellationToken ct)
    {
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var totals = new Dictionary<(string App, MetricKey Key), MetricCounts>();
            foreach (var contribution in pending)
            {
                foreach (var c in contribution.Contributions)
                {
                    var key = (contribution.ApplicationId, c.Key);
                    totals[key] = totals.TryGetValue(key, out var sum) ? sum.Add(c.Counts) : c.Counts;
                }
            }
            var items = totals.Where(t => !t.Value.IsZero).Select(t => new TransactWriteItem { Update = MetricUpdate(t.Key.App, t.Key.Key, t.Value) }).ToList();
            var flipsFrom = items.Count;
            // A recorded contribution is marked applied; a new one is recorded as applied, unless its event was
            // recorded before (a redelivery): either way each is added once.
            items.AddRange(pending.Select(c => c.Recorded
                ? new TransactWriteItem
                {
                    Update = new Update
                    {
                        TableName = tableName,
                        Key = Items.Key(Keys.Seen(c.ApplicationId, c.EndpointId), Keys.SeenEvent(c.EventId)),
                        UpdateExpression = "SET #applied = :yes",
                        ConditionExpression = "#applied = :no",
                        ExpressionAttributeNames = new() { ["#applied"] = "Applied" },
                        ExpressionAttributeValues = new() { [":yes"] = Items.N(1), [":no"] = Items.N(0) },
                    },
                }
                : new TransactWriteItem
                {
                    Put = new Put
                    {
                        TableName = tableName,
                        Item = ContributionItem(c with { Applied = true }),
                        ConditionExpression = "attribute_not_exists(#pk)",
                        ExpressionAttributeNames = new() { ["#pk"] = TableDefinition.PartitionKey },
                    },
                }));
            try
            {
                await dynamo.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items }, ct);
                return;
            }
            catch (TransactionCanceledException ex) when (attempt < MaxApplyAttempts)
            {
                var reasons = ex.CancellationReasons ?? [];
                // A contribution applied meanwhile (by another consumer, or by an earlier delivery of its event) is
                // dropped, as is one whose record expired; the rest is retried.
                var applied = Enumerable.Range(0, pending.Count)
                    .Where(i => flipsFrom + i < reasons.Count && reasons[flipsFrom + i].Code == "ConditionalCheckFailed")
                    .ToHashSet();
                if (applied.Count > 0)
                {
                    pending = pending.Where((_, i) => !applied.Contains(i)).ToList();
                    continue;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 25 << Math.Min(attempt, 5))), ct);
            }
        }
    }

    public async Task<bool> StartSessionAsync(string appId, string endpointId, SessionMarker session, CancellationToken ct)
    {
        var item = Items.Key(Keys.Endpoint(appId, endpointId), Keys.SessionItem);
        item["Type"] = Items.S("Session");
        item["SessionId"] = Items.S(session.SessionId);
        item["StartedAt"] = Items.Date(session.StartedAt);
        item["StartedAtMs"] = Items.N(session.StartedAt.ToUnixTimeMilliseconds());
        try
        {
            await dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = item,
                ConditionExpression = "attribute_not_exists(#pk) OR #started < :started",
                ExpressionAttributeNames = new() { ["#pk"] = TableDefinition.PartitionKey, ["#started"] = "StartedAtMs" },
                ExpressionAttributeValues = new() { [":started"] = item["StartedAtMs"] },
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            }, ct);
            return true;
        }
        catch (ConditionalCheckFailedException ex)
        {
            // This session, or a later one, is current already.
            return ex.Item is not { Count: > 0 } current || current.GetSOrNull("SessionId") == session.SessionId;
        }
    }

    public async Task<IReadOnlyList<DailyMetrics>> GetMetricsAsync(string appId, string campaignId, string fromDay, string toDay, CancellationToken ct)
    {
        var days = new List<DailyMetrics>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.QueryAsync(new QueryRequest
            {
                TableName = tableName,
                KeyConditionExpression = "#pk = :pk AND #sk BETWEEN :from AND :to",
                ExpressionAttributeNames = new() { ["#pk"] = TableDefinition.PartitionKey, ["#sk"] = TableDefinition.SortKey },
                ExpressionAttributeValues = new()
                {
                    [":pk"] = Items.S(Keys.Metrics(appId, campaignId)),
                    [":from"] = Items.S(Keys.DayPrefix + fromDay),
                    // '~' sorts after every character a treatment id suffix uses, so the whole last day is included.
                    [":to"] = Items.S(Keys.DayPrefix + toDay + "~"),
                },
                ConsistentRead = true,
                ExclusiveStartKey = start,
            }, ct);
            foreach (var item in page.Items ?? [])
            {
                days.Add(new DailyMetrics(item.GetS("Day"), item.GetS("TreatmentId"), new MetricCounts(
                    Count(item, "Entitled"), Count(item, "Holdout"), Count(item, "Displayed"),
                    Count(item, "UniqueDisplayed"), Count(item, "Clicked"), Count(item, "Dismissed"))));
            }
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        } while (start is not null);
        return days;
    }

    private static long Count(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && v.N is not null ? long.Parse(v.N, CultureInfo.InvariantCulture) : 0;

    private Update MetricUpdate(string appId, MetricKey key, MetricCounts counts)
    {
        var values = new long[] { counts.Entitled, counts.Holdout, counts.Displayed, counts.UniqueDisplayed, counts.Clicked, counts.Dismissed };
        var names = new Dictionary<string, string>
        {
            ["#type"] = "Type", ["#campaign"] = "CampaignId", ["#day"] = "Day", ["#treatment"] = "TreatmentId",
        };
        var attributeValues = new Dictionary<string, AttributeValue>
        {
            [":type"] = Items.S("CampaignMetrics"), [":campaign"] = Items.S(key.CampaignId), [":day"] = Items.S(key.Day),
            [":treatment"] = Items.S(key.TreatmentId),
        };
        var adds = new List<string>();
        for (var i = 0; i < MetricNames.Length; i++)
        {
            if (values[i] == 0) continue;
            names[$"#m{i}"] = MetricNames[i];
            attributeValues[$":m{i}"] = Items.N(values[i]);
            adds.Add($"#m{i} :m{i}");
        }
        return new Update
        {
            TableName = tableName,
            Key = Items.Key(Keys.Metrics(appId, key.CampaignId), Keys.MetricDay(key.Day, key.TreatmentId)),
            UpdateExpression = "SET #type = :type, #campaign = :campaign, #day = :day, #treatment = :treatment ADD " + string.Join(", ", adds),
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = attributeValues,
        };
    }

    private Dictionary<string, AttributeValue> ContributionItem(EventContribution c)
    {
        var item = Items.Key(Keys.Seen(c.ApplicationId, c.EndpointId), Keys.SeenEvent(c.EventId));
        item["Type"] = Items.S("EventContribution");
        item["ApplicationId"] = Items.S(c.ApplicationId);
        item["EndpointId"] = Items.S(c.EndpointId);
        item["EventId"] = Items.S(c.EventId);
        item["Contributions"] = Items.S(JsonSerializer.Serialize(c.Contributions.ToList(), StorageJsonContext.Default.ListMetricContribution));
        item["Applied"] = Items.N(c.Applied ? 1 : 0);
        item[TableDefinition.TimeToLiveAttribute] = Items.N((clock.GetUtcNow() + ContributionLifetime).ToUnixTimeSeconds());
        return item;
    }

    private static EventContribution ContributionFrom(Dictionary<string, AttributeValue> item) => new(
        item.GetS("ApplicationId"),
        item.GetS("EndpointId"),
        item.GetS("EventId"),
        JsonSerializer.Deserialize(item.GetS("Contributions"), StorageJsonContext.Default.ListMetricContribution) ?? [],
        item.GetN("Applied") == 1);

    private Put CounterPut(string appId, string endpointId, DisplayCounter c)
    {
        var item = Items.Key(Keys.Endpoint(appId, endpointId), Keys.Displays(c.Scope));
        item["Type"] = Items.S("DisplayCounter");
        item["Scope"] = Items.S(c.Scope);
        item["Total"] = Items.N(c.Total);
        if (c.Day is not null) item["Day"] = Items.S(c.Day);
        item["DayCount"] = Items.N(c.DayCount);
        if (c.Session is not null) item["Session"] = Items.S(c.Session);
        item["SessionCount"] = Items.N(c.SessionCount);
        if (c.SeenDay is not null) item["SeenDay"] = Items.S(c.SeenDay);
        item["Revision"] = Items.N(c.Revision + 1);
        var put = new Put
        {
            TableName = tableName,
            Item = item,
            ExpressionAttributeNames = new() { ["#pk"] = TableDefinition.PartitionKey },
        };
        if (c.Revision == 0)
        {
            put.ConditionExpression = "attribute_not_exists(#pk)";
        }
        else
        {
            put.ConditionExpression = "#revision = :revision";
            put.ExpressionAttributeNames = new() { ["#revision"] = "Revision" };
            put.ExpressionAttributeValues = new() { [":revision"] = Items.N(c.Revision) };
        }
        return put;
    }

    internal static DisplayCounter CounterFrom(Dictionary<string, AttributeValue> item) => new(
        item.GetS("Scope"),
        item.GetN("Total"),
        item.GetSOrNull("Day"),
        item.GetInt("DayCount"),
        item.GetSOrNull("Session"),
        item.GetInt("SessionCount"),
        item.GetSOrNull("SeenDay"),
        item.GetN("Revision"));

    internal static SessionMarker SessionFrom(Dictionary<string, AttributeValue> item) =>
        new(item.GetS("SessionId"), item.GetDate("StartedAt"));
}
