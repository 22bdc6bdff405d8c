namespace ServerlessInApp.Core.Campaigns;

/// <summary>Names an in-app template; without Version the template's active version is used.</summary>
public sealed record TemplateReference
{
    public string? Name { get; init; }
    public string? Version { get; init; }
}
