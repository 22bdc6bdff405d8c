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

    /// <summary>DynamoDB's limit on a sort key value.</summary>
    public const int MaxSortKeyBytes = 1024;

    /// <summary>DynamoDB's limit on one item, attribute names and values together.</summary>
    public const int MaxItemBytes = 400 * 1024;

    /// <summary>
    /// An item's size as DynamoDB counts it: the UTF-8 bytes of every name and string value; a number counts as its
    /// largest encoding (21 bytes). A definition stored as JSON can be several times its text (STJ writes \u003C for '&lt;'
    /// and \uXXXX for non-ASCII), so only the item itself says whether it fits.
    /// </summary>
    public static int Size(Dictionary<string, AttributeValue> item) =>
        item.Sum(a => System.Text.Encoding.UTF8.GetByteCount(a.Key)
            + (a.Value.S is { } s ? System.Text.Encoding.UTF8.GetByteCount(s) : a.Value.N is not null ? 21 : 1));

    public static bool Fits(Dictionary<string, AttributeValue> item) => Size(item) <= MaxItemBytes;

    public static Dictionary<string, AttributeValue> Key(string pk, string sk) => new()
    {
        [TableDefinition.PartitionKey] = S(pk),
        [TableDefinition.SortKey] = S(sk),
    };

    /// <summary>Page tokens are the last sort key, base64url-encoded.</summary>
    public static string? EncodeToken(Dictionary<string, AttributeValue>? lastKey) =>
        lastKey is { Count: > 0 } && lastKey.TryGetValue(TableDefinition.SortKey, out var sk)
            ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(sk.S)).TrimEnd('=').Replace('+', '-').Replace('/', '_')
            : null;

    /// <summary>
    /// The start key a client's token stands for (null for no token). False when the token is not one this query could
    /// have issued: not base64url of UTF-8, or a sort key outside <paramref name="skPrefix"/>. Such a token used to
    /// reach DynamoDB as a start key outside the key condition (a ValidationException, so a 500) or silently restart
    /// the list somewhere else.
    /// </summary>
    public static bool TryDecodeToken(string pk, string skPrefix, string? token, out Dictionary<string, AttributeValue>? start)
    {
        start = null;
        if (token is null) return true;
        if (token.Length == 0 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        string sk;
        try
        {
            var b64 = token.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            sk = StrictUtf8.GetString(Convert.FromBase64String(b64));
        }
        catch (Exception ex) when (ex is FormatException or System.Text.DecoderFallbackException)
        {
            return false;
        }
        if (sk.Length <= skPrefix.Length || !sk.StartsWith(skPrefix, StringComparison.Ordinal)) return false;
        // No sort key we write is longer, and a longer start key is over DynamoDB's key limit (DynamoDB Local lets it by).
        if (System.Text.Encoding.UTF8.GetByteCount(sk) > MaxSortKeyBytes) return false;
        start = Key(pk, sk);
        return true;
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
