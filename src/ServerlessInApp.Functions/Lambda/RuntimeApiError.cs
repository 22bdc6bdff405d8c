using System.Text.Json.Serialization;

namespace ServerlessInApp.Functions.Lambda;

/// <summary>
/// The body the Runtime API takes at /invocation/{id}/error and /init/error. Lambda shows it as the failed
/// invocation's result (and API Gateway turns it into a bare 500, so nothing of it reaches an HTTP client).
/// </summary>
public sealed record RuntimeApiError
{
    [JsonPropertyName("errorMessage")]
    public required string ErrorMessage { get; init; }

    [JsonPropertyName("errorType")]
    public required string ErrorType { get; init; }

    [JsonPropertyName("stackTrace")]
    public required IReadOnlyList<string> StackTrace { get; init; }

    public static RuntimeApiError From(Exception exception) => new()
    {
        ErrorMessage = exception.Message,
        ErrorType = exception.GetType().Name,
        StackTrace = exception.StackTrace is { } trace
            ? [.. trace.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : [],
    };
}
