using System.Text.Json.Serialization;
using ServerlessInApp.Core.Messages;

namespace ServerlessInApp.Functions.Pinpoint;

public sealed record InAppTemplateResponse
{
    public string? Arn { get; init; }
    public IReadOnlyList<InAppMessageContent>? Content { get; init; }
    public required string CreationDate { get; init; }
    public IReadOnlyDictionary<string, string>? CustomConfig { get; init; }
    public required string LastModifiedDate { get; init; }
    public string? Layout { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public string? TemplateDescription { get; init; }
    public required string TemplateName { get; init; }
    public required string TemplateType { get; init; }
    public string? Version { get; init; }
}
