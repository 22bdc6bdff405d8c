using static ServerlessInApp.Functions.Tests.Deployment.CloudFormationYaml;

namespace ServerlessInApp.Functions.Tests.Deployment;

/// <summary>The repository's template.yaml, read as CloudFormation reads it, with SAM's Globals applied to functions.</summary>
internal sealed class SamTemplate
{
    public const string FunctionType = "AWS::Serverless::Function";

    private SamTemplate(Dictionary<string, object?> root) => Root = root;

    public Dictionary<string, object?> Root { get; }

    public static SamTemplate Load() => new(CloudFormationYaml.Load(RepositoryRoot.File("template.yaml")));

    public Dictionary<string, object?> Resources => Map(Root, "Resources") ?? [];

    public Dictionary<string, object?> Outputs => Map(Root, "Outputs") ?? [];

    public Dictionary<string, object?> Resource(string logicalId) =>
        Map(Resources, logicalId) ?? throw new Xunit.Sdk.XunitException($"template.yaml has no resource '{logicalId}'.");

    public Dictionary<string, object?> Properties(string logicalId) => Map(Resource(logicalId), "Properties") ?? [];

    public IReadOnlyList<string> OfType(string type) =>
        [.. Resources.Where(pair => String(Map(pair.Value), "Type") == type).Select(pair => pair.Key)];

    public IReadOnlyList<string> Functions => OfType(FunctionType);

    private Dictionary<string, object?>? FunctionGlobals => Map(Map(Root, "Globals"), "Function");

    /// <summary>A function's property, or the one from Globals.Function when the function does not set it.</summary>
    public object? FunctionProperty(string logicalId, string name) =>
        Properties(logicalId).TryGetValue(name, out var value) ? value
        : FunctionGlobals is { } globals && globals.TryGetValue(name, out var global) ? global
        : null;

    /// <summary>A function's environment variables: Globals' merged with its own, its own winning (as SAM merges maps).</summary>
    public Dictionary<string, object?> Environment(string logicalId)
    {
        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var source in new[] { Map(Map(FunctionGlobals, "Environment"), "Variables"), Map(Map(Properties(logicalId), "Environment"), "Variables") })
        {
            foreach (var (name, value) in source ?? []) merged[name] = value;
        }
        return merged;
    }

    /// <summary>A function's event sources by name.</summary>
    public IEnumerable<(string Name, string Type, Dictionary<string, object?> Properties)> Events(string logicalId) =>
        (Map(Properties(logicalId), "Events") ?? [])
            .Select(pair => (pair.Key, String(Map(pair.Value), "Type") ?? "", Map(Map(pair.Value), "Properties") ?? []));
}
