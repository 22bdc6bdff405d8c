using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime.Internal.Auth;
using Amazon.Util;

namespace ServerlessInApp.LocalHost;

/// <summary>Who signed a request: the device's key (app routes only) or the owner's (every route).</summary>
public enum Caller
{
    App,
    Owner,
}

/// <summary>The outcome of checking a request's signature.</summary>
public abstract record SignatureCheck
{
    public sealed record Verified(Caller Caller, string AccessKeyId) : SignatureCheck;

    /// <summary>Why the request is refused, in words a developer can act on (sent as the 403's Message).</summary>
    public sealed record Rejected(string Message) : SignatureCheck;
}

/// <summary>
/// Checks AWS Signature Version 4 locally, as API Gateway's IAM authorization does in AWS: an Authorization header
/// (or presigned X-Amz-* query parameters) for service execute-api or mobiletargeting in the configured region,
/// X-Amz-Date within five minutes of the server's clock, signed with one of the two development keys.
/// <para>
/// The SDK's <see cref="AWS4Signer"/> cannot check a request it did not build: its SignRequest re-derives the signed
/// header set (it drops amz-sdk-* and user-agent headers that the JavaScript SDK signs, and adds
/// x-amz-content-sha256 that curl does not send). So the canonical request is built here from the request as it
/// arrived, per the SigV4 specification, and the SDK computes the rest (string to sign, signing key, HMAC) and the
/// encoding. Tests sign with the SDK's signer, the JavaScript SDK and curl, and check that this agrees.
/// </para>
/// </summary>
public sealed class SigV4Verifier(DevelopmentKey appKey, DevelopmentKey ownerKey, string region, TimeProvider clock)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>execute-api is what API Gateway checks; mobiletargeting is the name Pinpoint clients sign with by default.</summary>
    public static readonly IReadOnlyList<string> Services = ["execute-api", "mobiletargeting"];

    private const int MaxPresignedExpirySeconds = 604800;
    private const string DateTimeFormat = "yyyyMMdd'T'HHmmss'Z'";

    private readonly string _region = region;

    /// <param name="method">The HTTP method.</param>
    /// <param name="rawTarget">The request target exactly as sent: percent-encoded path and query.</param>
    /// <param name="headers">Every request header by lower-case name, repeated values joined with ','.</param>
    /// <param name="body">The request body as received (empty when there is none).</param>
    public SignatureCheck Verify(string method, string rawTarget, IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body)
    {
        var queryStart = rawTarget.IndexOf('?');
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var query = ParseQuery(queryStart < 0 ? "" : rawTarget[(queryStart + 1)..]);

        var presigned = query.Any(p => p.Key == "X-Amz-Signature");
        if (!headers.TryGetValue("authorization", out var authorization) && !presigned)
        {
            return Reject("Missing signature: sign the request with AWS Signature Version 4 (an Authorization header, or a presigned URL " +
                "with X-Amz-Signature) using one of the local development keys (./run.sh prints them).");
        }

        var signature = authorization is not null ? FromHeader(authorization, headers) : FromQuery(query);
        if (signature.Problem is { } malformed)
        {
            return Reject("Malformed signature: " + malformed);
        }
        var (accessKeyId, scopeDate, scopeRegion, service, signedHeaders, given, amzDate, expires) = signature;

        var (caller, key) = string.Equals(accessKeyId, appKey.AccessKeyId, StringComparison.Ordinal) ? (Caller.App, appKey)
            : string.Equals(accessKeyId, ownerKey.AccessKeyId, StringComparison.Ordinal) ? (Caller.Owner, ownerKey)
            : (Caller.App, null);
        if (key is null)
        {
            return Reject($"Unknown access key: '{accessKeyId}' is not one of the local development keys (./run.sh prints them; " +
                "LOCAL_APP_ACCESS_KEY_ID and LOCAL_OWNER_ACCESS_KEY_ID set them).");
        }

        if (!DateTime.TryParseExact(amzDate, DateTimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return Reject($"Malformed signature: X-Amz-Date '{amzDate}' is not in the form yyyyMMddTHHmmssZ.");
        }
        if (scopeDate != amzDate[..8])
        {
            return Reject($"Malformed signature: the credential scope's date {scopeDate} is not the date of X-Amz-Date {amzDate}.");
        }
        if (!string.Equals(scopeRegion, _region, StringComparison.Ordinal) || !Services.Contains(service))
        {
            return Reject($"Signature mismatch: the credential scope is {scopeDate}/{scopeRegion}/{service}/aws4_request; sign for region " +
                $"'{_region}' and service '{Services[0]}' (or '{Services[1]}').");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (expires is { } lifetime)
        {
            if (signedAt - now > MaxClockSkew || now > signedAt.AddSeconds(lifetime))
            {
                return Reject($"Request expired: the presigned request was signed at {amzDate} for {lifetime} s; the server's time is " +
                    $"{now.ToString(DateTimeFormat, CultureInfo.InvariantCulture)}.");
            }
        }
        else if ((now - signedAt).Duration() > MaxClockSkew)
        {
            return Reject($"Request expired: X-Amz-Date {amzDate} is more than {MaxClockSkew.TotalMinutes:0} minutes from the server's time " +
                $"{now.ToString(DateTimeFormat, CultureInfo.InvariantCulture)}. Sign again, and check the clock.");
        }

        if (!signedHeaders.Contains("host"))
        {
            return Reject("Malformed signature: the host header must be signed.");
        }
        if (expires is null && !signedHeaders.Contains("x-amz-date"))
        {
            return Reject("Malformed signature: the x-amz-date header must be signed.");
        }
        if (signedHeaders.FirstOrDefault(name => !headers.ContainsKey(name)) is { } absent)
        {
            return Reject($"Signature mismatch: the signed header '{absent}' is not in the request.");
        }

        var payloadHash = AWSSDKUtils.ToHex(SHA256.HashData(body), lowercase: true);
        if (headers.TryGetValue("x-amz-content-sha256", out var declaredHash) && !string.Equals(declaredHash, payloadHash, StringComparison.Ordinal))
        {
            return Reject($"Signature mismatch: x-amz-content-sha256 is '{declaredHash}' but the body's SHA-256 is {payloadHash} " +
                "(the body changed after signing, or the payload was left unsigned: sign it).");
        }

        var canonicalRequest = CanonicalRequest(method, rawPath, query, headers, signedHeaders, payloadHash);
        var expected = AWS4Signer.ComputeSignature(key.AccessKeyId, key.SecretAccessKey, scopeRegion, signedAt, service,
            string.Join(';', signedHeaders), canonicalRequest).Signature;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given.ToLowerInvariant())))
        {
            return Reject("Signature mismatch: the signature we calculated does not match the one sent. Check the secret access key, " +
                "and that nothing changed the request after it was signed. The canonical request we signed was:\n" + canonicalRequest);
        }

        return new SignatureCheck.Verified(caller, key.AccessKeyId);
    }

    /// <summary>
    /// The SigV4 canonical request. The URI is the raw path with each segment URI-encoded once more (so an id sent
    /// as ep%201%2Fx is ep%25201%252Fx here): SigV4's rule for every service but S3, and what the AWS SDKs sign.
    /// </summary>
    public static string CanonicalRequest(string method, string rawPath, IReadOnlyList<KeyValuePair<string, string>> query,
        IReadOnlyDictionary<string, string> headers, IReadOnlyList<string> signedHeaders, string payloadHash)
    {
        var path = rawPath.Length == 0 ? "/" : string.Join('/', rawPath.Split('/').Select(segment => AWSSDKUtils.UrlEncode(segment, path: false)));
        var canonicalQuery = string.Join('&', query
            .Where(p => p.Key != "X-Amz-Signature")
            .Select(p => (Key: AWSSDKUtils.UrlEncode(p.Key, path: false), Value: AWSSDKUtils.UrlEncode(p.Value, path: false)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
        var canonicalHeaders = new StringBuilder();
        foreach (var name in signedHeaders)
        {
            canonicalHeaders.Append(name).Append(':').Append(CollapseSpaces(headers[name])).Append('\n');
        }
        return $"{method.ToUpperInvariant()}\n{path}\n{canonicalQuery}\n{canonicalHeaders}\n{string.Join(';', signedHeaders)}\n{payloadHash}";
    }

    /// <summary>The query's parameters, percent-decoded (a '+' stays a '+': SigV4 clients encode a space as %20).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseQuery(string rawQuery) =>
        rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.IndexOf('=') is var equals and >= 0
                ? new KeyValuePair<string, string>(Uri.UnescapeDataString(pair[..equals]), Uri.UnescapeDataString(pair[(equals + 1)..]))
                : new KeyValuePair<string, string>(Uri.UnescapeDataString(pair), ""))
            .ToList();

    private static string CollapseSpaces(string value)
    {
        var result = new StringBuilder(value.Length);
        foreach (var c in value.Trim())
        {
            if (c == ' ' && result.Length > 0 && result[^1] == ' ') continue;
            result.Append(c);
        }
        return result.ToString();
    }

    private static SignatureCheck.Rejected Reject(string message) => new(message);

    private static ParsedSignature FromHeader(string authorization, IReadOnlyDictionary<string, string> headers)
    {
        if (!authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return ParsedSignature.Malformed($"the Authorization header must start with '{Algorithm} ' (Signature Version 4).");
        }
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in authorization[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            if (equals > 0) fields[part[..equals]] = part[(equals + 1)..];
        }
        if (!fields.TryGetValue("Credential", out var credential) || !fields.TryGetValue("SignedHeaders", out var signedHeaders)
            || !fields.TryGetValue("Signature", out var signature))
        {
            return ParsedSignature.Malformed("the Authorization header needs Credential=…, SignedHeaders=… and Signature=….");
        }
        if (!headers.TryGetValue("x-amz-date", out var amzDate))
        {
            return ParsedSignature.Malformed("the X-Amz-Date header is missing (the time the request was signed, yyyyMMddTHHmmssZ).");
        }
        return ParsedSignature.Parse(credential, signedHeaders, signature, amzDate, expires: null);
    }

    private static ParsedSignature FromQuery(IReadOnlyList<KeyValuePair<string, string>> query)
    {
        string? Get(string name) => query.FirstOrDefault(p => p.Key == name).Value;
        if (Get("X-Amz-Algorithm") != Algorithm)
        {
            return ParsedSignature.Malformed($"a presigned request needs X-Amz-Algorithm={Algorithm}.");
        }
        if (Get("X-Amz-Credential") is not { } credential || Get("X-Amz-SignedHeaders") is not { } signedHeaders
            || Get("X-Amz-Signature") is not { } signature || Get("X-Amz-Date") is not { } amzDate)
        {
            return ParsedSignature.Malformed("a presigned request needs X-Amz-Credential, X-Amz-Date, X-Amz-SignedHeaders and X-Amz-Signature.");
        }
        if (!int.TryParse(Get("X-Amz-Expires"), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires is < 1 or > MaxPresignedExpirySeconds)
        {
            return ParsedSignature.Malformed($"a presigned request needs X-Amz-Expires between 1 and {MaxPresignedExpirySeconds} seconds.");
        }
        return ParsedSignature.Parse(credential, signedHeaders, signature, amzDate, expires);
    }

    private sealed record ParsedSignature(
        string AccessKeyId, string ScopeDate, string Region, string Service, IReadOnlyList<string> SignedHeaders,
        string Signature, string AmzDate, int? Expires)
    {
        public string? Problem { get; private init; }

        public static ParsedSignature Malformed(string problem) => new("", "", "", "", [], "", "", null) { Problem = problem };

        public static ParsedSignature Parse(string credential, string signedHeaders, string signature, string amzDate, int? expires)
        {
            var scope = credential.Split('/');
            if (scope.Length != 5 || scope[4] != "aws4_request" || scope.Any(part => part.Length == 0))
            {
                return Malformed($"the credential '{credential}' is not accessKeyId/yyyyMMdd/region/service/aws4_request.");
            }
            var names = signedHeaders.Split(';').Select(name => name.ToLowerInvariant()).ToList();
            if (names.Any(name => name.Length == 0))
            {
                return Malformed($"SignedHeaders '{signedHeaders}' is not a ';'-separated list of header names.");
            }
            return new(scope[0], scope[1], scope[2], scope[3], names, signature, amzDate, expires);
        }
    }
}
