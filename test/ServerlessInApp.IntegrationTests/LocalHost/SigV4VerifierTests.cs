using System.Text;
using Amazon.Runtime.Internal.Auth;
using ServerlessInApp.LocalHost;

namespace ServerlessInApp.IntegrationTests.LocalHost;

/// <summary>
/// The local host's SigV4 check against requests the AWS SDK's own signer signed (captured before they leave the
/// HttpClient) and against the SigV4 test suite. No emulator: pure computation with a fixed clock.
/// </summary>
public sealed class SigV4VerifierTests
{
    private const string Region = "us-east-1";
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DevelopmentKey App = new("test-app", "test-app-secret");
    private static readonly DevelopmentKey Owner = new("test-owner", "test-owner-secret");

    private readonly SigV4Verifier _verifier = new(App, Owner, Region, new FixedClock(Now));

    [Fact]
    public void Canonical_request_and_signature_match_the_SigV4_test_suite_get_vanilla()
    {
        var headers = new Dictionary<string, string> { ["host"] = "example.amazonaws.com", ["x-amz-date"] = "20150830T123600Z" };

        var canonical = SigV4Verifier.CanonicalRequest("GET", "/", [], headers, ["host", "x-amz-date"],
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        var signature = AWS4Signer.ComputeSignature("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1",
            new DateTime(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc), "service", "host;x-amz-date", canonical).Signature;

        Assert.Equal("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", canonical);
        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", signature);
    }

    public static TheoryData<string, string, string?> SdkSignedRequests => new()
    {
        { "GET", "/v1/apps", null },
        { "POST", "/v1/apps", """{"Name":"my app"}""" },
        { "PUT", "/v1/apps/0123abcd/endpoints/ep%201%2Fx", """{"ChannelType":"IN_APP"}""" },
        { "GET", "/v1/apps/0123abcd/endpoints/ep%201%2Fx/inappmessages", null },
        { "GET", "/v1/apps/0123abcd/endpoints/caf%C3%A9%3A%40%2B%21", null },
        { "GET", "/v1/templates?prefix=level%2010%2Fgold&page-size=2&template-type=INAPP", null },
        { "GET", "/v1/templates/a%20b/inapp?version=2", null },
        { "DELETE", "/v1/apps/0123abcd", null },
    };

    [Theory]
    [MemberData(nameof(SdkSignedRequests))]
    public async Task A_request_the_SDK_signer_signed_verifies_with_its_key(string method, string target, string? json)
    {
        var sent = await SignAsync(Owner, method, target, json);

        var check = _verifier.Verify(sent.Method, sent.Target, sent.Headers, sent.Body);

        Assert.Equal(new SignatureCheck.Verified(Caller.Owner, Owner.AccessKeyId), check);
        Assert.Equal(target, sent.Target);
    }

    [Fact]
    public async Task The_app_key_is_recognised_as_the_app()
    {
        var sent = await SignAsync(App, "GET", "/v1/apps/a/endpoints/e/inappmessages");

        Assert.Equal(new SignatureCheck.Verified(Caller.App, App.AccessKeyId), _verifier.Verify(sent.Method, sent.Target, sent.Headers, sent.Body));
    }

    [Fact]
    public void A_request_without_any_signature_is_missing_its_signature()
    {
        var check = _verifier.Verify("GET", "/v1/apps", new Dictionary<string, string> { ["host"] = "127.0.0.1:5080" }, []);

        Assert.StartsWith("Missing signature:", Rejected(check));
    }

    [Fact]
    public async Task A_wrong_secret_is_a_signature_mismatch_that_shows_the_canonical_request()
    {
        var sent = await SignAsync(Owner with { SecretAccessKey = "not-the-secret" }, "GET", "/v1/apps");

        var message = Rejected(_verifier.Verify(sent.Method, sent.Target, sent.Headers, sent.Body));

        Assert.StartsWith("Signature mismatch:", message);
        Assert.Contains("GET\n/v1/apps\n\n", message);
    }

    [Fact]
    public async Task An_unknown_access_key_is_refused()
    {
        var sent = await SignAsync(new DevelopmentKey("someone-else", "secret"), "GET", "/v1/apps");

        Assert.StartsWith("Unknown access key: 'someone-else'", Rejected(_verifier.Verify(sent.Method, sent.Target, sent.Headers, sent.Body)));
    }

    [Theory]
    [InlineData(-6 * 60)]
    [InlineData(6 * 60)]
    public async Task A_request_signed_more_than_five_minutes_away_from_now_has_expired(int offsetSeconds)
    {
        var sent = await SignAsync(Owner, "GET", "/v1/apps", signedAt: Now.AddSeconds(offsetSeconds));

        Assert.StartsWith("Request expired:", Rejected(_verifier.Verify(sent.Method, sent.Target, sent.Headers, sent.Body)));
    }

    [Theory]
    [InlineData(-4 * 60)]
    [InlineData(4 * 60)]
    public async Task A_request_signed_within_five_minutes_of_now_verifies(int offsetSeconds)
    {
        var sent = await SignAsync(Owner, "GET", "/v1/apps", signedAt: Now.AddSeconds(offsetSeconds));

        Assert.IsType<SignatureCheck.Verified>(_verifier.Verify(sent.Method, sent.Target, sent.Headers, sent.Body));
    }

    [Theory]
    [InlineData("s3", Region)]
    [InlineData("execute-api", "eu-west-1")]
    public async Task A_signature_for_another_service_or_region_is_refused(string service, string region)
    {
        var sent = await SignAsync(Owner, "GET", "/v1/apps", service: service, region: region);

        Assert.Contains("credential scope", Rejected(_verifier.Verify(sent.Method, sent.Target, sent.Headers, sent.Body)));
    }

    [Fact]
    public async Task The_mobiletargeting_signing_name_of_Pinpoint_clients_is_accepted()
    {
        var sent = await SignAsync(Owner, "GET", "/v1/apps", service: "mobiletargeting");

        Assert.IsType<SignatureCheck.Verified>(_verifier.Verify(sent.Method, sent.Target, sent.Headers, sent.Body));
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_a_mismatch()
    {
        var sent = await SignAsync(Owner, "POST", "/v1/apps", """{"Name":"mine"}""");

        var message = Rejected(_verifier.Verify(sent.Method, sent.Target, sent.Headers, Encoding.UTF8.GetBytes("""{"Name":"yours"}""")));

        Assert.StartsWith("Signature mismatch: x-amz-content-sha256", message);
    }

    [Fact]
    public async Task A_path_changed_after_signing_is_a_mismatch()
    {
        var sent = await SignAsync(Owner, "GET", "/v1/apps/a%2Fb");

        Assert.StartsWith("Signature mismatch:", Rejected(_verifier.Verify(sent.Method, "/v1/apps/a/b", sent.Headers, sent.Body)));
    }

    [Fact]
    public async Task A_signed_header_that_is_missing_is_a_mismatch()
    {
        var sent = await SignAsync(Owner, "POST", "/v1/apps", "{}");
        var headers = sent.Headers.Where(h => h.Key != "content-type").ToDictionary();

        Assert.Contains("'content-type' is not in the request", Rejected(_verifier.Verify(sent.Method, sent.Target, headers, sent.Body)));
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz", "must start with 'AWS4-HMAC-SHA256 '")]
    [InlineData("AWS4-HMAC-SHA256 Credential=test-owner/20261125/us-east-1/execute-api/aws4_request", "needs Credential")]
    [InlineData("AWS4-HMAC-SHA256 Credential=test-owner/us-east-1/execute-api, SignedHeaders=host;x-amz-date, Signature=00", "is not accessKeyId/yyyyMMdd/region/service/aws4_request")]
    public void A_malformed_authorization_header_says_what_is_wrong(string authorization, string expected)
    {
        var headers = new Dictionary<string, string> { ["host"] = "h", ["x-amz-date"] = "20261125T120000Z", ["authorization"] = authorization };

        var message = Rejected(_verifier.Verify("GET", "/v1/apps", headers, []));

        Assert.StartsWith("Malformed signature:", message);
        Assert.Contains(expected, message);
    }

    [Fact]
    public async Task A_presigned_url_from_the_SDK_signer_verifies_until_it_expires()
    {
        var url = SigV4SigningHandler.Presign(new Uri("http://127.0.0.1:5080/v1/apps/a%2Fb/endpoints/e%201/inappmessages"), Owner, Region, TimeSpan.FromMinutes(15), Now);
        var target = url.PathAndQuery;
        var headers = new Dictionary<string, string> { ["host"] = url.Authority };

        Assert.Equal(new SignatureCheck.Verified(Caller.Owner, Owner.AccessKeyId), _verifier.Verify("GET", target, headers, []));
        var later = new SigV4Verifier(App, Owner, Region, new FixedClock(Now.AddMinutes(16)));
        Assert.StartsWith("Request expired:", Rejected(later.Verify("GET", target, headers, [])));
        Assert.StartsWith("Signature mismatch:", Rejected(_verifier.Verify("GET", target.Replace("e%201", "e%202"), headers, [])));
    }

    private static string Rejected(SignatureCheck check) => Assert.IsType<SignatureCheck.Rejected>(check).Message;

    private sealed record SentRequest(string Method, string Target, Dictionary<string, string> Headers, byte[] Body);

    /// <summary>Signs with <see cref="SigV4SigningHandler"/> (the SDK's AWS4Signer) and returns the request as it would leave.</summary>
    private static async Task<SentRequest> SignAsync(DevelopmentKey key, string method, string target, string? json = null,
        DateTime? signedAt = null, string service = "execute-api", string region = Region)
    {
        var capture = new CapturingHandler();
        using var http = new HttpClient(new SigV4SigningHandler(key, region, service, () => signedAt ?? Now, capture))
        {
            BaseAddress = new Uri("http://127.0.0.1:5080"),
        };
        using var request = new HttpRequestMessage(new HttpMethod(method), target);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var _ = await http.SendAsync(request);
        return capture.Sent!;
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public SentRequest? Sent { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(',', h.Value), StringComparer.Ordinal);
            // HttpClient adds Host (with the port when it is not the scheme's default) as it writes the request.
            headers["host"] = request.RequestUri!.Authority;
            Sent = new SentRequest(request.Method.Method, request.RequestUri.PathAndQuery, headers, body);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        }
    }

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now, TimeSpan.Zero);
    }
}
