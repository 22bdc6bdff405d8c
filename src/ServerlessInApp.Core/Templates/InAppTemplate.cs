namespace ServerlessInApp.Core.Templates;

/// <summary>One stored version of an in-app template.</summary>
public sealed record InAppTemplate(
    string Name,
    int Version,
    TemplateDefinition Definition,
    IReadOnlyDictionary<string, string> Tags,
    DateTimeOffset CreationDate,
    DateTimeOffset LastModifiedDate);
