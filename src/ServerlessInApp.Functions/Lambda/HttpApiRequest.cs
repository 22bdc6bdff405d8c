using System.Text;
using System.Text.Json.Serialization;

namespace ServerlessInApp.Functions.Lambda;

// One JSON document, one file: the HTTP API (API Gateway v2) payload format 2.0 request and every record nested in it.
// Names are pinned one by one, as in SqsEvent.cs. Members AWS sends that we never read (the jwt and lambda
// authorizers, mTLS "authentication", "routeId") are left out; the serializer skips unknown members.

/// <summary>An HTTP API request as Lambda receives it (payload format version 2.0).</summary>
public sealed record HttpApiRequest
{
    /// <summary>"2.0".</summary>
    [JsonPropertyName("version")]
    public required string Version { get; init; }

    /// <summary>"POST /v1/apps/{ApplicationId}/events", or "$default" for a catch-all route.</summary>
    [JsonPropertyName("routeKey")]
    public required string RouteKey { get; init; }

    /// <summary>
    /// The request path. The local host passes it still percent-encoded ("/endpoints/user-42%2Fphone"); HTTP APIs in
    /// AWS are reported (by third parties, not AWS's documentation) to pass it decoded. Either way the ids are in
    /// <see cref="PathParameters"/>, decoded once, after API Gateway matched the route: read them from there.
    /// </summary>
    [JsonPropertyName("rawPath")]
    public required string RawPath { get; init; }

    /// <summary>The query string without "?", still encoded; empty when there is none.</summary>
    [JsonPropertyName("rawQueryString")]
    public string? RawQueryString { get; init; }

    [JsonPropertyName("cookies")]
    public IReadOnlyList<string>? Cookies { get; init; }

    /// <summary>Header names arrive lower-cased; repeated headers are joined with commas. See <see cref="Header"/>.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Decoded values; a repeated parameter is joined with commas.</summary>
    [JsonPropertyName("queryStringParameters")]
    public IReadOnlyDictionary<string, string>? QueryStringParameters { get; init; }

    /// <summary>Decoded values: an encoded slash in the raw path (%2F) is a "/" here.</summary>
    [JsonPropertyName("pathParameters")]
    public IReadOnlyDictionary<string, string>? PathParameters { get; init; }

    [JsonPropertyName("stageVariables")]
    public IReadOnlyDictionary<string, string>? StageVariables { get; init; }

    [JsonPropertyName("body")]
    public string? Body { get; init; }

    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; init; }

    [JsonPropertyName("requestContext")]
    public required HttpApiRequestContext RequestContext { get; init; }

    /// <summary>A header's value by case-insensitive name (API Gateway lower-cases names; a local host may not).</summary>
    public string? Header(string name)
    {
        if (Headers is null) return null;
        if (Headers.TryGetValue(name, out var exact)) return exact;
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        }
        return null;
    }

    /// <summary>
    /// The body as text, decoding it first when API Gateway base64-encoded it (it does for non-text content types).
    /// Decoded bytes must be UTF-8: a malformed sequence throws <see cref="DecoderFallbackException"/> rather than
    /// becoming U+FFFD, so text is never stored other than as it was sent.
    /// </summary>
    public string? BodyText() =>
        Body is null ? null
        : IsBase64Encoded ? StrictUtf8.GetString(Convert.FromBase64String(Body))
        : Body;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}

public sealed record HttpApiRequestContext
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; init; }

    [JsonPropertyName("apiId")]
    public string? ApiId { get; init; }

    [JsonPropertyName("domainName")]
    public string? DomainName { get; init; }

    [JsonPropertyName("domainPrefix")]
    public string? DomainPrefix { get; init; }

    [JsonPropertyName("http")]
    public required HttpApiRequestHttp Http { get; init; }

    /// <summary>API Gateway's request id: the one a client quotes, and the RequestID of our error bodies.</summary>
    [JsonPropertyName("requestId")]
    public required string RequestId { get; init; }

    [JsonPropertyName("routeKey")]
    public string? RouteKey { get; init; }

    [JsonPropertyName("stage")]
    public string? Stage { get; init; }

    /// <summary>"12/Mar/2020:19:03:58 +0000" (CLF format); prefer <see cref="TimeEpoch"/>.</summary>
    [JsonPropertyName("time")]
    public string? Time { get; init; }

    /// <summary>Milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("timeEpoch")]
    public long TimeEpoch { get; init; }

    [JsonPropertyName("authorizer")]
    public HttpApiAuthorizer? Authorizer { get; init; }
}

public sealed record HttpApiRequestHttp
{
    [JsonPropertyName("method")]
    public required string Method { get; init; }

    /// <summary>The path API Gateway matched; prefer <see cref="HttpApiRequest.RawPath"/> for routing.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }

    [JsonPropertyName("protocol")]
    public string? Protocol { get; init; }

    [JsonPropertyName("sourceIp")]
    public string? SourceIp { get; init; }

    [JsonPropertyName("userAgent")]
    public string? UserAgent { get; init; }
}

public sealed record HttpApiAuthorizer
{
    /// <summary>Present when the route uses IAM authorization, as every route of ours does in AWS.</summary>
    [JsonPropertyName("iam")]
    public HttpApiIamAuthorizer? Iam { get; init; }
}

/// <summary>Who signed the request (SigV4), as API Gateway's IAM authorizer verified it.</summary>
public sealed record HttpApiIamAuthorizer
{
    [JsonPropertyName("accessKey")]
    public string? AccessKey { get; init; }

    [JsonPropertyName("accountId")]
    public string? AccountId { get; init; }

    [JsonPropertyName("callerId")]
    public string? CallerId { get; init; }

    [JsonPropertyName("principalOrgId")]
    public string? PrincipalOrgId { get; init; }

    [JsonPropertyName("userArn")]
    public string? UserArn { get; init; }

    [JsonPropertyName("userId")]
    public string? UserId { get; init; }

    /// <summary>Present when the credentials came from a Cognito identity pool (an app's device).</summary>
    [JsonPropertyName("cognitoIdentity")]
    public HttpApiCognitoIdentity? CognitoIdentity { get; init; }
}

public sealed record HttpApiCognitoIdentity
{
    [JsonPropertyName("amr")]
    public IReadOnlyList<string>? Amr { get; init; }

    [JsonPropertyName("identityId")]
    public string? IdentityId { get; init; }

    [JsonPropertyName("identityPoolId")]
    public string? IdentityPoolId { get; init; }
}
