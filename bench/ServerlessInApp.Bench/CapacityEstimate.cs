using System.Text;
using System.Text.Json.Nodes;

namespace ServerlessInApp.Bench;

/// <summary>
/// Capacity units from item sizes, as DynamoDB computes them (a write: 1 unit per started KB of the item; in a
/// transaction twice that), for the requests DynamoDB Local returns no capacity for.
/// </summary>
public static class CapacityEstimate
{
    public static double WriteUnits(string operation, JsonObject body) => operation switch
    {
        "PutItem" => Units(ItemBytes(body["Item"])),
        "UpdateItem" or "DeleteItem" => 1,
        "TransactWriteItems" => 2 * (body["TransactItems"] as JsonArray ?? [])
            .Sum(t => t?["Put"]?["Item"] is { } item ? Units(ItemBytes(item)) : 1),
        "BatchWriteItem" => (body["RequestItems"] as JsonObject ?? []).SelectMany(t => t.Value as JsonArray ?? [])
            .Sum(w => w?["PutRequest"]?["Item"] is { } item ? Units(ItemBytes(item)) : 1),
        _ => 1,
    };

    public static double Units(int bytes) => Math.Max(1, Math.Ceiling(bytes / 1024.0));

    /// <summary>DynamoDB's item size: attribute names plus values (strings as UTF-8, numbers about one byte per two digits).</summary>
    public static int ItemBytes(JsonNode? item) =>
        (item as JsonObject ?? []).Sum(a => Encoding.UTF8.GetByteCount(a.Key) + ValueBytes(a.Value));

    private static int ValueBytes(JsonNode? value)
    {
        if (value is not JsonObject typed || typed.Count == 0) return 0;
        var (type, v) = typed.First();
        return type switch
        {
            "S" => Encoding.UTF8.GetByteCount(v?.GetValue<string>() ?? ""),
            "N" => (v?.GetValue<string>() ?? "").Count(char.IsAsciiDigit) / 2 + 1,
            "B" => (v?.GetValue<string>()?.Length ?? 0) * 3 / 4,
            "BOOL" or "NULL" => 1,
            "M" => 3 + ItemBytes(v),
            "L" => 3 + (v as JsonArray ?? []).Sum(ValueBytes),
            "SS" => (v as JsonArray ?? []).Sum(s => Encoding.UTF8.GetByteCount(s?.GetValue<string>() ?? "")),
            "NS" => (v as JsonArray ?? []).Sum(s => (s?.GetValue<string>() ?? "").Length / 2 + 1),
            _ => 0,
        };
    }
}
