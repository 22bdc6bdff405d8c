using System.Text.Json.Serialization;

namespace ServerlessInApp.Functions.Pinpoint;

public sealed record ApplicationResponse
{
    public required string Arn { get; init; }
    public required string Id { get; init; }
    public required string Name { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public string? CreationDate { get; init; }
}
