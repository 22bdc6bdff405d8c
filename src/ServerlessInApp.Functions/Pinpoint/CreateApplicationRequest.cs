using System.Text.Json.Serialization;

namespace ServerlessInApp.Functions.Pinpoint;

public sealed record CreateApplicationRequest
{
    public string? Name { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
