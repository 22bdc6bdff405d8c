using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace ServerlessInApp.Storage;

/// <summary>Typed reads and writes of attribute values, so stores never spell out AttributeValue by hand.</summary>
internal static class Items
{
    public static AttributeValue S(string value) => new() { S = value };
    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
    public static AttributeValue Date(DateTimeOffset value) => S(Iso(value));

    public static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string GetS(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && v.S is not null ? v.S : throw new InvalidDataException($"Item has no string attribute {name}.");

    public static string? GetSOrNull(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) ? v.S : null;

    public static long GetN(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && v.N is not null
            ? long.Parse(v.N, CultureInfo.InvariantCulture)
            : throw new InvalidDataException($"Item has no number attribute {name}.");

    public static int GetInt(this Dictionary<string, AttributeValue> item, string name) => checked((int)item.GetN(name));

    public static DateTimeOffset GetDate(this Dictionary<string, AttributeValue> item, string name) =>
        DateTimeOffset.Parse(item.GetS(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static Dictionary<string, AttributeValue> Key(string pk, string sk) => new()
    {
        [TableDefinition.PartitionKey] = S(pk),
        [TableDefinition.SortKey] = S(sk),
    };

    /// <summary>Page tokens are the last sort key, base64url-encoded; a token we did not issue just starts elsewhere.</summary>
    public static string? EncodeToken(Dictionary<string, AttributeValue>? lastKey) =>
        lastKey is { Count: > 0 } && lastKey.TryGetValue(TableDefinition.SortKey, out var sk)
            ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(sk.S)).TrimEnd('=').Replace('+', '-').Replace('/', '_')
            : null;

    public static Dictionary<string, AttributeValue>? DecodeToken(string pk, string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        string sk;
        try
        {
            var b64 = token.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            sk = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(b64));
        }
        catch (FormatException)
        {
            sk = token;
        }
        return Key(pk, sk);
    }
}
