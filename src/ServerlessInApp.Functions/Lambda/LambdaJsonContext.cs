using System.Text.Json.Serialization;

namespace ServerlessInApp.Functions.Lambda;

/// <summary>
/// The one serializer context for Lambda's own JSON (event envelopes, responses, Runtime API errors).
/// Source-generated, so it works trimmed and under Native AOT; always pass <c>LambdaJsonContext.Default.X</c>.
/// Names come from each member's [JsonPropertyName] and are matched case-sensitively; null members are
/// not written (API Gateway and the Runtime API want absent, not null).
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(SqsBatchResponse))]
[JsonSerializable(typeof(HttpApiRequest))]
[JsonSerializable(typeof(HttpApiResponse))]
[JsonSerializable(typeof(RuntimeApiError))]
public sealed partial class LambdaJsonContext : JsonSerializerContext;
