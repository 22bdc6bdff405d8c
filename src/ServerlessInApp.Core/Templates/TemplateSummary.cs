namespace ServerlessInApp.Core.Templates;

/// <summary>A template as ListTemplates shows it: its active version and when it changed.</summary>
public sealed record TemplateSummary(
    string Name,
    int LatestVersion,
    int ActiveVersion,
    string? Description,
    IReadOnlyDictionary<string, string> Tags,
    DateTimeOffset CreationDate,
    DateTimeOffset LastModifiedDate);
