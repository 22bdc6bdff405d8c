using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.Util;

namespace ServerlessInApp.LocalHost;

/// <summary>
/// Signs every request of an HttpClient with AWS Signature Version 4 using the AWS SDK's own signer
/// (<see cref="AWS4Signer"/>), as an SDK client of the API would: for the demo seed, the benchmarks and the tests.
/// Signs host, x-amz-date, x-amz-content-sha256 (the body's SHA-256) and content-type.
/// </summary>
public sealed class SigV4SigningHandler : DelegatingHandler
{
    private readonly DevelopmentKey _key;
    private readonly SignerConfig _config;
    private readonly Func<DateTime> _signedAt;

    /// <param name="signedAt">The signing time (default: now); a test signs in the past to prove expiry.</param>
    public SigV4SigningHandler(DevelopmentKey key, string region, string service = "execute-api", Func<DateTime>? signedAt = null,
        HttpMessageHandler? inner = null)
        : base(inner ?? new HttpClientHandler())
    {
        _key = key;
        _config = new SignerConfig(service, region);
        _signedAt = signedAt ?? (() => DateTime.UtcNow);
    }

    /// <summary>An HttpClient for <paramref name="baseUrl"/> whose requests are signed with <paramref name="key"/>.</summary>
    public static HttpClient Client(string baseUrl, DevelopmentKey key, string region) =>
        new(new SigV4SigningHandler(key, region)) { BaseAddress = new Uri(baseUrl) };

    /// <summary>
    /// A presigned GET URL (query authentication: X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders,
    /// -Signature), signed by the SDK's <see cref="AWS4PreSignedUrlSigner"/>: a link that works without signing.
    /// </summary>
    public static Uri Presign(Uri url, DevelopmentKey key, string region, TimeSpan expires, DateTime? signedAt = null,
        string service = "execute-api")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var sdkRequest = ToSdkRequest(request, null);
        var seconds = ((int)expires.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        sdkRequest.Parameters["X-Amz-Expires"] = seconds;
        var result = AWS4PreSignedUrlSigner.SignRequest(sdkRequest, new SignerConfig(service, region), null,
            key.AccessKeyId, key.SecretAccessKey, service, region, (signedAt ?? DateTime.UtcNow).ToUniversalTime());
        var signed = request.RequestUri!;
        var query = signed.Query.Length > 1 ? signed.Query[1..] + "&" : "";
        return new Uri($"{signed.GetLeftPart(UriPartial.Path)}?{query}X-Amz-Expires={seconds}&{result.ForQueryParameters}");
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var sdkRequest = ToSdkRequest(request, body);
        var result = new AWS4Signer().SignRequest(sdkRequest, _config, null, _key.AccessKeyId, _key.SecretAccessKey, _signedAt().ToUniversalTime());

        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
        foreach (var name in new[] { HeaderKeys.XAmzDateHeader, HeaderKeys.XAmzContentSha256Header })
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, sdkRequest.Headers[name]);
        }
        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// The request as the SDK's marshallers hand it to the signer: each path segment a path resource holding its
    /// decoded value (the signer encodes it twice for the canonical URI), query parameters decoded. The request's URI
    /// is rewritten with the SDK's own single encoding of each segment, so that what is sent is what was signed.
    /// </summary>
    private static DefaultRequest ToSdkRequest(HttpRequestMessage request, byte[]? body)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var segments = uri.GetComponents(UriComponents.Path, UriFormat.UriEscaped).Split('/').Select(Uri.UnescapeDataString).ToList();
        var query = uri.GetComponents(UriComponents.Query, UriFormat.UriEscaped);

        var sdkRequest = new DefaultRequest(new SignedRequest(), "execute-api")
        {
            HttpMethod = request.Method.Method,
            Endpoint = new Uri(uri.GetLeftPart(UriPartial.Authority)),
            ResourcePath = "/" + string.Join('/', segments.Select((_, i) => $"{{s{i}}}")),
            UseQueryString = true,
            Content = body,
        };
        for (var i = 0; i < segments.Count; i++)
        {
            sdkRequest.AddPathResource($"{{s{i}}}", segments[i]);
        }
        foreach (var (name, value) in SigV4Verifier.ParseQuery(query))
        {
            sdkRequest.Parameters[name] = value;
        }
        if (request.Content?.Headers.ContentType is { } contentType)
        {
            sdkRequest.Headers[HeaderKeys.ContentTypeHeader] = contentType.ToString();
        }

        var path = "/" + string.Join('/', segments.Select(segment => AWSSDKUtils.UrlEncode(segment, path: false)));
        request.RequestUri = new Uri(uri.GetLeftPart(UriPartial.Authority) + path + (query.Length > 0 ? "?" + query : ""));
        return sdkRequest;
    }

    private sealed class SignedRequest : AmazonWebServiceRequest;

    /// <summary>What the signer reads from a client's configuration: the signing name and region, nothing else.</summary>
    private sealed class SignerConfig : ClientConfig
    {
        public SignerConfig(string service, string region)
            : base(null)
        {
            AuthenticationServiceName = service;
            AuthenticationRegion = region;
        }

        public override string ServiceVersion => "2016-12-01";

        public override string UserAgent => "ServerlessInApp.LocalHost";

        public override string RegionEndpointServiceName => AuthenticationServiceName;

        public override Amazon.Runtime.Endpoints.Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => new(ServiceURL);
    }
}
