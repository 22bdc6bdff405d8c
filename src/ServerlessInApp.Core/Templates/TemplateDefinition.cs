using System.Text.Json.Serialization;
using ServerlessInApp.Core.Messages;

namespace ServerlessInApp.Core.Templates;

/// <summary>What an owner writes to create or update an in-app template (Pinpoint's InAppTemplateRequest).</summary>
public sealed record TemplateDefinition
{
    public IReadOnlyList<InAppMessageContent>? Content { get; init; }
    public IReadOnlyDictionary<string, string>? CustomConfig { get; init; }
    public string? Layout { get; init; }
    public string? TemplateDescription { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public InAppMessage ToMessage() => new() { Layout = Layout, Content = Content, CustomConfig = CustomConfig };
}
