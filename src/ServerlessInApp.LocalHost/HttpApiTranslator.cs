using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using ServerlessInApp.Functions;
using ServerlessInApp.Functions.Http;
using ServerlessInApp.Functions.Lambda;
using ServerlessInApp.Functions.Logging;
using ServerlessInApp.Functions.Pinpoint;

namespace ServerlessInApp.LocalHost;

/// <summary>
/// Does locally what API Gateway does in AWS: checks the request's SigV4 signature and that its key may call the route
/// (IAM authorization), matches the route on the raw path (an encoded slash stays inside its path parameter), builds
/// the payload 2.0 event, invokes the function that serves the route, and writes its response.
/// </summary>
public sealed class HttpApiTranslator(IReadOnlyDictionary<string, IFunction> functions, SigV4Verifier verifier)
{
    public const int ForbiddenStatus = 403;
    public const string Forbidden = "ForbiddenException";

    public async Task HandleAsync(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var queryStart = target.IndexOf('?');
        var rawPath = queryStart < 0 ? target : target[..queryStart];
        var rawQuery = queryStart < 0 ? "" : target[(queryStart + 1)..];
        var method = context.Request.Method;
        var requestId = Guid.NewGuid().ToString();
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        var bytes = await ReadBodyAsync(context);
        if (bytes is null)
        {
            await WriteErrorAsync(context, requestId, 413, "PayloadTooLargeException",
                $"The request body is larger than {MaxBodyBytes / (1024 * 1024)} MB, the most an HTTP API accepts.");
            return;
        }

        // Signature first, as API Gateway does: an unsigned caller learns nothing about which routes exist.
        var check = verifier.Verify(method, target, headers, bytes);
        if (check is SignatureCheck.Rejected rejected)
        {
            await WriteForbiddenAsync(context, requestId, method, rawPath, rejected.Message);
            return;
        }
        var caller = ((SignatureCheck.Verified)check).Caller;

        var route = HttpRoutes.Match(method, rawPath, out var pathParameters);
        if (route is null)
        {
            var pathKnown = HttpRoutes.All.Any(r => r.TryMatch(r.Method, rawPath, out _));
            await WriteErrorAsync(context, requestId,
                pathKnown ? PinpointErrors.MethodNotAllowedStatus : 404,
                pathKnown ? PinpointErrors.MethodNotAllowed : "NotFoundException",
                pathKnown ? $"{method} is not allowed on {rawPath}." : $"No operation is served at {method} {rawPath}.");
            return;
        }
        if (caller == Caller.App && !HttpRoutes.IsAppRoute(route))
        {
            await WriteForbiddenAsync(context, requestId, method, rawPath,
                $"Key not allowed for this route: the app key may call only PutEvents, UpdateEndpoint and GetInAppMessages; " +
                $"{route.RouteKey} needs the owner key.");
            return;
        }

        var (body, isBase64) = BodyForFunction(bytes);
        var now = DateTimeOffset.UtcNow;
        var request = new HttpApiRequest
        {
            Version = "2.0",
            RouteKey = route.RouteKey,
            RawPath = rawPath,
            RawQueryString = rawQuery,
            Headers = headers,
            QueryStringParameters = context.Request.Query.Count == 0
                ? null
                : context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            PathParameters = pathParameters,
            Body = body,
            IsBase64Encoded = isBase64,
            RequestContext = new HttpApiRequestContext
            {
                AccountId = "000000000000",
                ApiId = "local",
                DomainName = context.Request.Host.Value,
                Http = new HttpApiRequestHttp
                {
                    Method = method,
                    Path = rawPath,
                    Protocol = context.Request.Protocol,
                    SourceIp = context.Connection.RemoteIpAddress?.ToString(),
                    UserAgent = context.Request.Headers.UserAgent.ToString(),
                },
                RequestId = requestId,
                RouteKey = route.RouteKey,
                Stage = "$default",
                Time = now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
                TimeEpoch = now.ToUnixTimeMilliseconds(),
            },
        };

        using var input = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(request, LambdaJsonContext.Default.HttpApiRequest));
        await using var output = await functions[route.Function].Handle(input, Invocation.Local(requestId));
        var response = await JsonSerializer.DeserializeAsync(output, LambdaJsonContext.Default.HttpApiResponse, context.RequestAborted)
            ?? throw new InvalidDataException("The function returned no HTTP API response.");

        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        if (response.Body is { } text)
        {
            await context.Response.WriteAsync(response.IsBase64Encoded ? Encoding.UTF8.GetString(Convert.FromBase64String(text)) : text);
        }
    }

    /// <summary>API Gateway's payload limit for HTTP APIs; a larger body never reaches a function.</summary>
    public const int MaxBodyBytes = 10 * 1024 * 1024;

    /// <summary>The body's bytes as sent, or null when it is larger than <see cref="MaxBodyBytes"/> (then it is not read).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        // Our limit, not Kestrel's (30 MB by default, answered without a request id or Pinpoint's error shape).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
        if (context.Request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// The body as the function receives it: UTF-8 text as is (a byte order mark included), anything else base64-encoded
    /// as API Gateway does for binary bodies. Decoding leniently would turn invalid bytes into U+FFFD and silently store
    /// text the client never sent.
    /// </summary>
    private static (string? Body, bool IsBase64) BodyForFunction(byte[] bytes)
    {
        if (bytes.Length == 0) return (null, false);
        try
        {
            return (StrictUtf8.GetString(bytes), false);
        }
        catch (DecoderFallbackException)
        {
            return (Convert.ToBase64String(bytes), true);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static Task WriteForbiddenAsync(HttpContext context, string requestId, string method, string rawPath, string message)
    {
        JsonLog.RequestId = requestId;
        JsonLog.Info($"{ForbiddenStatus} {Forbidden} {method} {rawPath}: {message.Split('\n')[0]}");
        return WriteErrorAsync(context, requestId, ForbiddenStatus, Forbidden, message);
    }

    private static async Task WriteErrorAsync(HttpContext context, string requestId, int status, string type, string message)
    {
        context.Response.StatusCode = status;
        context.Response.Headers[PinpointHeaders.RequestId] = requestId;
        context.Response.Headers[PinpointHeaders.ErrorType] = type;
        context.Response.ContentType = PinpointHeaders.Json;
        await context.Response.WriteAsync(JsonSerializer.Serialize(new MessageBody(message, requestId), PinpointJsonContext.Default.MessageBody));
    }
}
