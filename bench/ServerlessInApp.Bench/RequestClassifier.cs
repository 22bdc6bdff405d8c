using System.Text.Json.Nodes;

namespace ServerlessInApp.Bench;

/// <summary>
/// Names what a DynamoDB request touches from its keys, in the terms of docs/data-model.md: the partition's kind and
/// the sort key's kind, e.g. <c>ENDPOINT/ENTITLEMENT</c> (a grant), <c>SEEN/EVENT</c> (an event's contribution),
/// <c>APP/#APP (version)</c> (the catalog stamp check), <c>APP/* (catalog)</c> (a campaign-definition read).
/// </summary>
public static class RequestClassifier
{
    public static bool IsRead(string operation) => operation is "GetItem" or "BatchGetItem" or "Query" or "Scan" or "TransactGetItems";

    /// <summary>True for a request that reads campaign definitions (the catalog Query, or a campaign item).</summary>
    public static bool ReadsCampaigns(string operation, string kind) =>
        IsRead(operation) && (kind.StartsWith("APP/* ", StringComparison.Ordinal) || kind.Contains("APP/CAMPAIGN", StringComparison.Ordinal));

    public static string Kind(string operation, JsonObject body)
    {
        switch (operation)
        {
            case "GetItem":
                var key = Label(body["Key"]);
                return key == "APP/#APP" && body["ProjectionExpression"] is not null ? key + " (version)" : key;
            case "PutItem":
                return Label(body["Item"]);
            case "UpdateItem":
            case "DeleteItem":
                return Label(body["Key"]);
            case "Query":
                var pk = body["ExpressionAttributeValues"]?[":pk"]?["S"]?.GetValue<string>() ?? "";
                var part = Prefix(pk);
                return part == "APP" ? "APP/* (catalog)" : part + "/*";
            case "BatchGetItem":
                return string.Join(" + ", (body["RequestItems"] as JsonObject ?? []).SelectMany(t => t.Value?["Keys"] as JsonArray ?? [])
                    .Select(Label).Distinct().Order(StringComparer.Ordinal));
            case "BatchWriteItem":
                return string.Join(" + ", (body["RequestItems"] as JsonObject ?? []).SelectMany(t => t.Value as JsonArray ?? [])
                    .Select(w => Label(w?["PutRequest"]?["Item"] ?? w?["DeleteRequest"]?["Key"])).Distinct().Order(StringComparer.Ordinal));
            case "TransactWriteItems":
                return string.Join(" + ", (body["TransactItems"] as JsonArray ?? [])
                    .Select(t => t?["Put"]?["Item"] ?? t?["Update"]?["Key"] ?? t?["Delete"]?["Key"] ?? t?["ConditionCheck"]?["Key"])
                    .Select(Label).Distinct().Order(StringComparer.Ordinal));
            default:
                return "";
        }
    }

    private static string Label(JsonNode? item)
    {
        var pk = item?["PK"]?["S"]?.GetValue<string>() ?? "?";
        var sk = item?["SK"]?["S"]?.GetValue<string>() ?? "?";
        return Prefix(pk) + "/" + (sk.StartsWith('#') ? sk : Prefix(sk));
    }

    private static string Prefix(string key)
    {
        var hash = key.IndexOf('#', StringComparison.Ordinal);
        return hash <= 0 ? key : key[..hash];
    }
}
