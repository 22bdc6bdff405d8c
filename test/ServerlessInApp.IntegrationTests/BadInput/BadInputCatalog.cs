using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessInApp.IntegrationTests.BadInput;

/// <summary>
/// bad-input-catalog.json, read as data: one entry per hostile or malformed request, with what the product must
/// answer. See the "$comment" at the top of the file for the format.
/// </summary>
public static class BadInputCatalog
{
    public const string FileName = "bad-input-catalog.json";

    private static readonly Lazy<(JsonObject Bases, IReadOnlyList<CatalogCase> Cases)> Loaded = new(Load);

    public static IReadOnlyList<CatalogCase> Cases => Loaded.Value.Cases;

    public static CatalogCase Get(string name) =>
        Cases.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"No catalog case named '{name}'.");

    private static (JsonObject, IReadOnlyList<CatalogCase>) Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "BadInput", FileName);
        var root = JsonNode.Parse(File.ReadAllText(path, Encoding.UTF8), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false })!.AsObject();
        var bases = root["bases"]?.AsObject() ?? new JsonObject();
        var cases = root["cases"]!.AsArray().Select((node, index) => CatalogCase.From(node!.AsObject(), index, bases)).ToList();
        return (bases, cases);
    }
}

/// <summary>What a case expects back.</summary>
public sealed record Expectation(
    int Status,
    string? ErrorType,
    string? Message,
    IReadOnlyList<ItemExpectation> Results,
    ReadBack? ReadBack);

/// <summary>A PutEvents per-item answer: Event null means the batch item's EndpointItemResponse.</summary>
public sealed record ItemExpectation(string Endpoint, string? Event, int Status, string? Message);

/// <summary>After a 2xx: GET Path and the string at Pointer must equal Expected ("equals" in the file), or the request body's string at SameAs.</summary>
public sealed record ReadBack(string Path, string Pointer, string? Expected, string? SameAs);

public sealed record CatalogCase(
    int Index,
    string Name,
    string Category,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    JsonObject Entry,
    JsonObject Bases,
    Expectation Expect)
{
    /// <summary>A client mistake: the answer is a 4xx, or a 202 whose per-item results reject it. Either way nothing may change.</summary>
    public bool IsBadInput => Expect.Status is >= 400 and < 500 || Expect.Results.Count > 0;

    public static CatalogCase From(JsonObject entry, int index, JsonObject bases)
    {
        string Required(JsonNode? node, string member) =>
            node?[member]?.GetValue<string>() ?? throw new InvalidDataException($"Catalog entry {index} has no '{member}'.");

        var name = Required(entry, "name");
        var expect = entry["expect"]?.AsObject() ?? throw new InvalidDataException($"Catalog entry '{name}' has no 'expect'.");
        var results = (expect["results"]?.AsArray() ?? [])
            .Select(r => new ItemExpectation(Required(r, "endpoint"), r!["event"]?.GetValue<string>(), r["status"]!.GetValue<int>(), r["message"]?.GetValue<string>()))
            .ToList();
        var readBack = expect["readBack"] is JsonObject rb
            ? new ReadBack(Required(rb, "path"), Required(rb, "pointer"), rb["equals"]?.GetValue<string>(), rb["sameAs"]?.GetValue<string>())
            : null;
        var headers = (entry["headers"]?.AsObject() ?? [])
            .ToDictionary(h => h.Key, h => h.Value!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
        return new CatalogCase(index, name, Required(entry, "category"), Required(entry, "method"), Required(entry, "path"),
            headers, entry, bases,
            new Expectation(expect["status"]!.GetValue<int>(), expect["errorType"]?.GetValue<string>(), expect["message"]?.GetValue<string>(), results, readBack));
    }

    public string ResolvePath(IReadOnlyDictionary<string, string> placeholders) => Fill(Path, placeholders);

    /// <summary>The body bytes exactly as sent, or null for a request without a body.</summary>
    public byte[]? ResolveBody(IReadOnlyDictionary<string, string> placeholders)
    {
        if (Entry["bodyBase64"] is { } base64) return Convert.FromBase64String(base64.GetValue<string>());
        string? text = null;
        if (Entry["body"] is { } raw) text = raw.GetValue<string>();
        else if (Entry.ContainsKey("json")) text = Serialize(Entry["json"]);
        else if (Entry["base"] is { } baseName)
        {
            var document = Bases[baseName.GetValue<string>()]?.DeepClone()
                ?? throw new InvalidDataException($"Catalog case '{Name}' uses an unknown base '{baseName}'.");
            text = Serialize(MergePatch(document, Entry["patch"]));
        }
        if (text is null) return null;
        if (Entry["fill"] is JsonObject fill) text = text.Replace("{fill}", Generate(fill), StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(Fill(text, placeholders));
    }

    public string? ResolveText(IReadOnlyDictionary<string, string> placeholders) =>
        ResolveBody(placeholders) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    public override string ToString() => Name;

    private static string Fill(string text, IReadOnlyDictionary<string, string> placeholders)
    {
        if (!text.Contains('{')) return text;
        var result = new StringBuilder(text);
        foreach (var (key, value) in placeholders) result.Replace("{" + key + "}", value);
        return result.ToString();
    }

    /// <summary>{"item": "x", "times": 5000000, "separator": ""}: the item repeated; "{i}" in the item is its index.</summary>
    private static string Generate(JsonObject fill)
    {
        var item = fill["item"]!.GetValue<string>();
        var times = fill["times"]!.GetValue<int>();
        var separator = fill["separator"]?.GetValue<string>() ?? "";
        if (!item.Contains("{i}", StringComparison.Ordinal) && separator.Length == 0)
            return new StringBuilder(item.Length * times).Insert(0, item, times).ToString();
        var builder = new StringBuilder();
        for (var i = 0; i < times; i++)
        {
            if (i > 0) builder.Append(separator);
            builder.Append(item.Replace("{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }
        return builder.ToString();
    }

    /// <summary>RFC 7396: members of the patch replace the document's, null removes one, objects merge recursively.</summary>
    private static JsonNode? MergePatch(JsonNode? document, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject) return patch?.DeepClone() ?? document;
        var target = document as JsonObject ?? new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null) target.Remove(key);
            else target[key] = MergePatch(target[key]?.DeepClone(), value);
        }
        return target;
    }

    // Markup and non-ASCII text go on the wire as written (no \u003C escapes), as a browser or a script would send them.
    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Serialize(JsonNode? node) => node is null ? "null" : node.ToJsonString(Wire);
}
