using System.Text.Json.Serialization;

namespace ServerlessInApp.Functions.Lambda;

/// <summary>
/// An HTTP API response (payload format version 2.0). Always returned in this explicit shape: with 2.0,
/// API Gateway would otherwise guess that any JSON without "statusCode" is itself the 200 body.
/// Null members are left out of the JSON (see <see cref="LambdaJsonContext"/>).
/// </summary>
public sealed record HttpApiResponse
{
    [JsonPropertyName("statusCode")]
    public required int StatusCode { get; init; }

    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    [JsonPropertyName("body")]
    public string? Body { get; init; }

    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; init; }

    /// <summary>Set-Cookie values; HTTP API 2.0 takes them here rather than in headers.</summary>
    [JsonPropertyName("cookies")]
    public IReadOnlyList<string>? Cookies { get; init; }
}
