using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ServerlessInApp.Functions.Tests.Deployment;

/// <summary>
/// Reads a CloudFormation (SAM) YAML template into plain values: mappings become <see cref="Dictionary{TKey,TValue}"/>
/// of string to object?, sequences <see cref="List{T}"/> of object?, scalars strings. Short-form intrinsic functions
/// become their long JSON form, as CloudFormation reads them: <c>!Ref X</c> is <c>{"Ref": "X"}</c>,
/// <c>!GetAtt A.B</c> is <c>{"Fn::GetAtt": ["A", "B"]}</c>, <c>!Sub s</c> is <c>{"Fn::Sub": "s"}</c>, and so on.
/// </summary>
internal static class CloudFormationYaml
{
    public static Dictionary<string, object?> Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return Convert(stream.Documents[0].RootNode) as Dictionary<string, object?>
            ?? throw new InvalidDataException($"{path}: the document is not a mapping.");
    }

    private static object? Convert(YamlNode node)
    {
        object? value = node switch
        {
            YamlMappingNode mapping => mapping.Children.ToDictionary(
                pair => ((YamlScalarNode)pair.Key).Value ?? "",
                pair => Convert(pair.Value),
                StringComparer.Ordinal),
            YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
            YamlScalarNode scalar => scalar.Value,
            _ => throw new InvalidDataException($"Unsupported YAML node at {node.Start}."),
        };

        // Local tags (!Ref, !Sub, ...) only; standard ones (!!str) come back expanded as tag:yaml.org,2002:...
        if (node.Tag.IsEmpty || !node.Tag.Value.StartsWith('!')) return value;
        var function = node.Tag.Value[1..];
        return function switch
        {
            "Ref" => Intrinsic("Ref", value),
            "Condition" => Intrinsic("Condition", value),
            "GetAtt" when value is string dotted => Intrinsic("Fn::GetAtt", dotted.Split('.', 2).ToList<object?>()),
            _ => Intrinsic("Fn::" + function, value),
        };
    }

    private static Dictionary<string, object?> Intrinsic(string name, object? argument) =>
        new(StringComparer.Ordinal) { [name] = argument };

    // Readers for the shapes above.

    public static Dictionary<string, object?>? Map(object? value) => value as Dictionary<string, object?>;

    public static Dictionary<string, object?>? Map(Dictionary<string, object?>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value as Dictionary<string, object?> : null;

    public static List<object?> List(Dictionary<string, object?>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) && value is List<object?> list ? list : [];

    public static string? String(Dictionary<string, object?>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value as string : null;

    public static int? Int(Dictionary<string, object?>? map, string key) =>
        String(map, key) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    /// <summary>The logical id in <c>{"Ref": id}</c>, or null.</summary>
    public static string? Ref(object? value) =>
        Map(value) is { Count: 1 } map && map.TryGetValue("Ref", out var target) ? target as string : null;

    /// <summary>The (logical id, attribute) in <c>{"Fn::GetAtt": [id, attribute]}</c>, or null.</summary>
    public static (string LogicalId, string Attribute)? GetAtt(object? value) =>
        Map(value) is { Count: 1 } map && map.TryGetValue("Fn::GetAtt", out var args)
            && args is List<object?> { Count: 2 } pair && pair[0] is string id && pair[1] is string attribute
            ? (id, attribute)
            : null;

    /// <summary>The string in <c>{"Fn::Sub": string}</c>, or null.</summary>
    public static string? Sub(object? value) =>
        Map(value) is { Count: 1 } map && map.TryGetValue("Fn::Sub", out var text) ? text as string : null;
}
