using System.Text.Json.Serialization;

namespace ServerlessInApp.Functions.Pinpoint;

/// <summary>One ListTemplates item.</summary>
public sealed record TemplateResponse
{
    public string? Arn { get; init; }
    public required string CreationDate { get; init; }
    public required string LastModifiedDate { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public string? TemplateDescription { get; init; }
    public required string TemplateName { get; init; }
    public required string TemplateType { get; init; }
    public string? Version { get; init; }
}
