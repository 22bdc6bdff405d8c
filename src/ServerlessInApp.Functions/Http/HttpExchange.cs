using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ServerlessInApp.Core.Outcomes;
using ServerlessInApp.Core.Validation;
using ServerlessInApp.Functions.Lambda;
using ServerlessInApp.Functions.Logging;
using ServerlessInApp.Functions.Pinpoint;

namespace ServerlessInApp.Functions.Http;

/// <summary>
/// The HTTP API plumbing every HTTP function shares: reading the envelope and the JSON body, writing Pinpoint-shaped
/// success and error responses, and the catch-all that turns our own bugs into a logged 500.
/// </summary>
public static class HttpExchange
{
    /// <summary>Above this, a body is refused with 413 before it is parsed (PutEvents documents 4 MB; API Gateway allows 10).</summary>
    public const int MaxBodyBytes = 7 * 1024 * 1024;

    public static async Task<Stream> HandleAsync(Stream input, Func<HttpApiRequest, Task<HttpApiResponse>> route)
    {
        var request = await JsonSerializer.DeserializeAsync(input, LambdaJsonContext.Default.HttpApiRequest)
            ?? throw new InvalidDataException("The invocation payload is not an HTTP API request.");
        HttpApiResponse response;
        try
        {
            response = Guard(request) ?? await route(request);
        }
        catch (Exception ex)
        {
            JsonLog.Error($"Unhandled error on {request.RouteKey}", exception: ex);
            response = Error(request, 500, PinpointErrors.Internal, "Internal server error. The request id identifies it in our logs.");
        }
        var output = new MemoryStream();
        await JsonSerializer.SerializeAsync(output, response, LambdaJsonContext.Default.HttpApiResponse);
        output.Position = 0;
        return output;
    }

    /// <summary>Longest query parameter value we pass on (page tokens are at most about 1.4 KB of base64url).</summary>
    public const int MaxQueryValueLength = 2048;

    /// <summary>
    /// Path and query values are checked before any use case sees them, so an id no store could hold (too long for a
    /// DynamoDB key, or with '$', '{', '}') is a 400 naming the parameter, never a storage error.
    /// </summary>
    private static HttpApiResponse? Guard(HttpApiRequest request)
    {
        foreach (var (name, value) in request.PathParameters ?? new Dictionary<string, string>())
        {
            var error = name switch
            {
                "TemplateName" => TemplateRules.Name(value),
                "TemplateType" => Check.MaxLength(name, value, 16),
                _ => Check.Id(name, value),
            };
            if (error is not null) return Error(request, ErrorKind.BadRequest, error);
        }
        foreach (var (name, value) in request.QueryStringParameters ?? new Dictionary<string, string>())
        {
            if (value.Length > MaxQueryValueLength)
                return Error(request, ErrorKind.BadRequest, $"Query parameter {name} must be at most {MaxQueryValueLength} characters.");
        }
        return null;
    }

    public static string Path(HttpApiRequest request, string name) =>
        request.PathParameters?.GetValueOrDefault(name) ?? throw new InvalidDataException($"Route has no path parameter {name}.");

    public static string? Query(HttpApiRequest request, string name) => request.QueryStringParameters?.GetValueOrDefault(name);

    /// <summary>Parses the JSON body; a missing, oversized or malformed body is the client's mistake and becomes an error response.</summary>
    public static bool TryReadBody<T>(HttpApiRequest request, JsonTypeInfo<T> type, out T? body, out HttpApiResponse? error, int maxBytes = MaxBodyBytes)
    {
        body = default;
        error = null;
        string? text;
        try
        {
            text = request.BodyText();
        }
        catch (DecoderFallbackException)
        {
            error = Error(request, ErrorKind.BadRequest, "The request body is not valid UTF-8; JSON text must be UTF-8.");
            return false;
        }
        catch (FormatException)
        {
            error = Error(request, ErrorKind.BadRequest, "The request body is not valid base64.");
            return false;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            error = Error(request, ErrorKind.BadRequest, "The request body is required: a JSON object.");
            return false;
        }
        if (Encoding.UTF8.GetByteCount(text) > maxBytes)
        {
            error = Error(request, ErrorKind.PayloadTooLarge, $"The request body is larger than {maxBytes / (1024 * 1024)} MB.");
            return false;
        }
        try
        {
            body = JsonSerializer.Deserialize(text, type);
        }
        catch (JsonException ex)
        {
            error = Error(request, ErrorKind.BadRequest, DescribeJsonError(ex));
            return false;
        }
        if (body is null)
        {
            error = Error(request, ErrorKind.BadRequest, "The request body must be a JSON object, not null.");
            return false;
        }
        return true;
    }

    public static HttpApiResponse Json<T>(HttpApiRequest request, int status, T value, JsonTypeInfo<T> type) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, string>
        {
            [PinpointHeaders.ContentType] = PinpointHeaders.Json,
            [PinpointHeaders.RequestId] = request.RequestContext.RequestId,
        },
        Body = JsonSerializer.Serialize(value, type),
    };

    public static HttpApiResponse Message(HttpApiRequest request, int status, string message) =>
        Json(request, status, new MessageBody(message, request.RequestContext.RequestId), PinpointJsonContext.Default.MessageBody);

    public static HttpApiResponse Error(HttpApiRequest request, ErrorKind kind, string message)
    {
        var (status, type) = PinpointErrors.For(kind);
        return Error(request, status, type, message);
    }

    public static HttpApiResponse Error<T>(HttpApiRequest request, Outcome<T> failed) =>
        Error(request, failed.Error ?? ErrorKind.BadRequest, failed.Message ?? "The request is invalid.");

    public static HttpApiResponse Error(HttpApiRequest request, int status, string type, string message) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, string>
        {
            [PinpointHeaders.ContentType] = PinpointHeaders.Json,
            [PinpointHeaders.RequestId] = request.RequestContext.RequestId,
            [PinpointHeaders.ErrorType] = type,
        },
        Body = JsonSerializer.Serialize(new MessageBody(message, request.RequestContext.RequestId), PinpointJsonContext.Default.MessageBody),
    };

    public static HttpApiResponse UnknownRoute(HttpApiRequest request) =>
        Error(request, 404, "NotFoundException", $"No such operation: {request.RouteKey}.");

    /// <summary>STJ's messages name the JSON path ("$.Schedule.StartTime"); keep that, drop the CLR type names.</summary>
    private static string DescribeJsonError(JsonException ex)
    {
        var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? null : ex.Path.TrimStart('$').TrimStart('.');
        var reason = ex.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase) ? "is given more than once"
            : ex.Message.Contains("could not be converted", StringComparison.Ordinal) ? "has the wrong type"
            : "is not valid JSON";
        if (path is not null) return $"{path} {reason}.";
        // At the root, STJ's "could not be converted" sentence names our CLR type: say what the wire expects instead.
        return reason == "has the wrong type"
            ? "The request body must be a JSON object."
            : $"The request body {reason}: {FirstSentence(ex.Message)}";
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
