using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServerlessInApp.IntegrationTests.Fixtures;

namespace ServerlessInApp.IntegrationTests.Faults;

/// <summary>
/// A whole table as sorted lines, so that the state a faulty run leaves can be compared with a clean run's, item by
/// item. What is left out is bookkeeping that legitimately depends on delivery order or the wall clock, never a count
/// or an entitlement: the per-event idempotency records (which of several events got to a claim first; when a record
/// expires), which event newly entitled an endpoint (an entitlement's FirstEventId: only that it is set is compared),
/// and the session a display counter last counted in when that session is no longer the endpoint's
/// current one (nothing reads it then: the session cap applies to the current session). The claims themselves, and
/// every counter, metric and entitlement, are compared.
/// </summary>
public static class TableDump
{
    private const string IdempotencyPrefix = "SEEN#";

    public static async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(IAmazonDynamoDB dynamo, string table)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true, ExclusiveStartKey = start });
            items.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        } while (start is not null);
        return items;
    }

    /// <summary>Writes <paramref name="items"/> into <paramref name="table"/> (a copy of a seeded table).</summary>
    public static async Task LoadAsync(IAmazonDynamoDB dynamo, string table, IEnumerable<Dictionary<string, AttributeValue>> items)
    {
        foreach (var chunk in items.Chunk(25))
        {
            var writes = chunk.Select(item => new WriteRequest { PutRequest = new PutRequest { Item = item } }).ToList();
            while (writes.Count > 0)
            {
                var response = await dynamo.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [table] = writes } });
                writes = response.UnprocessedItems?.GetValueOrDefault(table) ?? [];
            }
        }
    }

    public static async Task<List<string>> CanonicalAsync(IAmazonDynamoDB dynamo, string table) => Canonical(await ScanAsync(dynamo, table));

    public static List<string> Canonical(IReadOnlyList<Dictionary<string, AttributeValue>> items)
    {
        var currentSessions = items
            .Where(item => item["SK"].S == "#SESSION")
            .ToDictionary(item => item["PK"].S, item => item["SessionId"].S, StringComparer.Ordinal);
        return items
            .Where(item => !(item["PK"].S.StartsWith(IdempotencyPrefix, StringComparison.Ordinal) && item["SK"].S.StartsWith("EVENT#", StringComparison.Ordinal)))
            .Select(item =>
            {
                var (pk, sk) = (item["PK"].S, item["SK"].S);
                var kept = new Dictionary<string, AttributeValue>(item);
                if (pk.StartsWith(IdempotencyPrefix, StringComparison.Ordinal)) kept.Remove("ExpiresAt");
                if (sk.StartsWith("ENTITLEMENT#", StringComparison.Ordinal) && kept.ContainsKey("FirstEventId"))
                {
                    kept["FirstEventId"] = new AttributeValue { S = "(set)" };
                }
                if (sk.StartsWith("DISPLAYS#", StringComparison.Ordinal)
                    && kept.TryGetValue("Session", out var session) && session.S != currentSessions.GetValueOrDefault(pk))
                {
                    kept.Remove("Session");
                    kept["SessionCount"] = new AttributeValue { N = "0" };
                }
                return $"{pk} | {sk} | {RawItems.Describe(kept).Replace('\n', ' ')}";
            })
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The lines in one dump and not the other, for a readable failure; empty when the two are the same.</summary>
    public static List<string> Differences(IReadOnlyList<string> expected, IReadOnlyList<string> actual) =>
        expected.Except(actual, StringComparer.Ordinal).Select(line => "- " + line)
            .Concat(actual.Except(expected, StringComparer.Ordinal).Select(line => "+ " + line))
            .ToList();
}
