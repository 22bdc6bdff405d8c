using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ServerlessInApp.Functions.Http;
using ServerlessInApp.IntegrationTests.Http;
using Xunit.Abstractions;

namespace ServerlessInApp.IntegrationTests.BadInput;

/// <summary>
/// The catalog of bad input (bad-input-catalog.json) against the whole product: every hostile or malformed request
/// gets its 4xx in Pinpoint's error shape (or, for PutEvents, its per-item rejection), changes nothing in the table and
/// queues nothing; no request yields a 5xx. Text the server must store as given (markup, Unicode) reads back identical.
/// </summary>
[Collection("emulators")]
[TestCaseOrderer(CatalogOrder.TypeName, CatalogOrder.AssemblyName)]
public sealed class BadInputCatalogTests(BadInputHost host, ITestOutputHelper output) : IClassFixture<BadInputHost>
{
    /// <summary>The categories issue 4 asks for; each must have at least one entry.</summary>
    private static readonly string[] RequiredCategories =
    [
        "invalid-json", "wrong-type", "missing-required", "unknown-enum", "oversized", "too-many", "out-of-range",
        "schedule", "path", "unicode", "substitution", "script", "duplicate", "reference", "unknown-app",
    ];

    public static TheoryData<string> Cases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in BadInputCatalog.Cases) data.Add(c.Name);
            return data;
        }
    }

    [Fact]
    public void The_catalog_has_80_bad_inputs_in_every_category_and_reaches_every_route()
    {
        var cases = BadInputCatalog.Cases;
        Assert.Empty(cases.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.True(cases.Count(c => c.IsBadInput) >= 80, $"only {cases.Count(c => c.IsBadInput)} bad inputs");
        Assert.Empty(RequiredCategories.Except(cases.Select(c => c.Category)));
        Assert.All(cases.Where(c => !c.IsBadInput), c => Assert.True(c.Expect.ReadBack is not null, $"{c.Name}: a 2xx case must read its value back"));

        var dummy = new Dictionary<string, string>
        {
            ["app"] = BadInputHost.MissingApp, ["missingApp"] = BadInputHost.MissingApp, ["segment"] = "s", ["template"] = "t",
            ["campaign"] = "c", ["endpoint"] = "e", ["unique"] = "u", ["future"] = "f", ["past"] = "p", ["responseId"] = "r",
        };
        var reached = cases
            .Select(c => HttpRoutes.Match(c.Method, c.ResolvePath(dummy).Split('?')[0], out _))
            .OfType<HttpRoute>()
            .ToHashSet();
        Assert.Empty(HttpRoutes.All.Where(r => !reached.Contains(r)).Select(r => r.RouteKey));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Catalog_case(string name)
    {
        var c = BadInputCatalog.Get(name);
        var placeholders = host.Placeholders(Guid.NewGuid().ToString("N")[..10]);
        var path = c.ResolvePath(placeholders);
        var body = c.ResolveBody(placeholders);

        var before = c.IsBadInput ? await host.SnapshotAsync() : default;
        var reply = await SendAsync(c.Method, path, c.Headers, body);
        var after = c.IsBadInput ? await host.SnapshotAsync() : default;
        host.Figures.Record(c, (int)reply.Status, before.Table != after.Table, before.Queue != after.Queue);
        output.WriteLine($"{c.Category} | {c.Method} {Shorten(path)} ({body?.Length ?? 0} bytes) -> {(int)reply.Status} {reply.Header("x-amzn-ErrorType")} {Shorten(reply.Body)}");

        Assert.True((int)reply.Status < 500, $"a 5xx: {reply}");
        Assert.False(string.IsNullOrEmpty(reply.Header("x-amzn-RequestId")), $"no x-amzn-RequestId: {reply}");
        Assert.True((int)reply.Status == c.Expect.Status, $"expected {c.Expect.Status}, got {reply}");

        if (c.Expect.Status >= 400)
        {
            var message = PinpointClient.AssertError(reply, (HttpStatusCode)c.Expect.Status, c.Expect.ErrorType!);
            if (c.Expect.Message is { } expected) Assert.Contains(expected, message);
            Assert.DoesNotContain("ServerlessInApp.", message);
            Assert.DoesNotContain("System.", message);
        }
        foreach (var item in c.Expect.Results)
        {
            var endpoint = reply.Json["Results"]?[Fill(item.Endpoint, placeholders)];
            var result = item.Event is null ? endpoint?["EndpointItemResponse"] : endpoint?["EventsItemResponse"]?[item.Event];
            Assert.True(result is not null, $"no result for {item.Endpoint}/{item.Event}: {reply}");
            Assert.Equal(item.Status, result!["StatusCode"]!.GetValue<int>());
            if (item.Message is { } expected) Assert.Contains(expected, result["Message"]!.GetValue<string>());
        }
        if (c.IsBadInput)
        {
            Assert.True(before.Table == after.Table, $"the table changed:\n--- before\n{before.Table}\n--- after\n{after.Table}");
            Assert.True(before.Queue == after.Queue, $"the queue changed: {before.Queue} -> {after.Queue}");
        }
        if (c.Expect.ReadBack is { } readBack)
        {
            // {responseId}: the id the 2xx answer gave the new resource (CreateApp, CreateSegment, CreateCampaign).
            var readPath = Fill(readBack.Path, placeholders).Replace("{responseId}", reply.Json["Id"]?.GetValue<string>(), StringComparison.Ordinal);
            var stored = await SendAsync("GET", readPath, new Dictionary<string, string>(), null);
            Assert.True(stored.Status == HttpStatusCode.OK, $"read back {readBack.Path}: {stored}");
            var expected = readBack.Expected is { } literal ? Fill(literal, placeholders) : At(JsonNode.Parse(body!)!, readBack.SameAs!);
            var actual = At(stored.Json, readBack.Pointer);
            Assert.Equal(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
        }
    }

    [Fact]
    public void Summary_of_the_catalog_run()
    {
        var f = host.Figures;
        var byCategory = BadInputCatalog.Cases.GroupBy(c => c.Category)
            .Select(g => $"{g.Key} {g.Count(c => c.IsBadInput)}" + (g.Any(c => !c.IsBadInput) ? $" (+{g.Count(c => !c.IsBadInput)} accepted as given)" : ""));
        output.WriteLine($"catalog: {BadInputCatalog.Cases.Count} entries; by category: {string.Join(", ", byCategory)}");
        output.WriteLine($"bad inputs tried: {f.BadInputsTried}; 4xx seen: {f.FourXxSeen} (plus {f.RejectedPerItem} PutEvents rejected per item in a 202); " +
            $"5xx seen: {f.FiveXxSeen}; table changes: {f.TableChanges}; queue changes: {f.QueueChanges}; accepted and read back as given: {f.AcceptedAsGiven}");
        Assert.True(f.FiveXxSeen == 0, "5xx on: " + string.Join(", ", f.FiveXxCases));
        Assert.True(f.TableChanges + f.QueueChanges == 0, "changed something: " + string.Join(", ", f.ChangedCases));
    }

    private async Task<Reply> SendAsync(string method, string path, IReadOnlyDictionary<string, string> headers, byte[]? body)
    {
        // The path goes out exactly as the catalog writes it: no dot-segment removal, no unescaping of %2e or %2F.
        var uri = new Uri(host.Http.BaseAddress!.GetLeftPart(UriPartial.Authority) + path,
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(new HttpMethod(method), uri);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", headers.GetValueOrDefault("Content-Type") ?? "application/json");
        }
        foreach (var (name, value) in headers)
        {
            if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) request.Headers.TryAddWithoutValidation(name, value);
        }
        SignRaw(request, path, body ?? []);
        using var unsigned = host.UnsignedClient();
        using var response = await unsigned.SendAsync(request);
        var replyHeaders = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(',', h.Value), StringComparer.OrdinalIgnoreCase);
        return new Reply(response.StatusCode, replyHeaders, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Signs the request with the owner key over the path exactly as written. The SDK's signer would re-encode the
    /// path first (and so change what the catalog sends), so the canonical request is built with the server's own
    /// SigV4 rules: this runner tests input handling, not authorization, which has tests of its own.
    /// </summary>
    private void SignRaw(HttpRequestMessage request, string rawTarget, byte[] body)
    {
        var key = host.Options.OwnerKey;
        var signedAt = DateTime.UtcNow;
        var amzDate = signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var payloadHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body));
        var queryStart = rawTarget.IndexOf('?');
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var rawQuery = queryStart < 0 ? "" : rawTarget[(queryStart + 1)..];
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = request.RequestUri!.Authority,
            ["x-amz-content-sha256"] = payloadHash,
            ["x-amz-date"] = amzDate,
        };
        string[] signed = ["host", "x-amz-content-sha256", "x-amz-date"];
        var canonical = ServerlessInApp.LocalHost.SigV4Verifier.CanonicalRequest(request.Method.Method, rawPath,
            ServerlessInApp.LocalHost.SigV4Verifier.ParseQuery(rawQuery), headers, signed, payloadHash);
        var signature = Amazon.Runtime.Internal.Auth.AWS4Signer.ComputeSignature(key.AccessKeyId, key.SecretAccessKey, host.Options.Region,
            signedAt, "execute-api", string.Join(';', signed), canonical).Signature;
        request.Headers.TryAddWithoutValidation("x-amz-date", amzDate);
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", payloadHash);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={key.AccessKeyId}/{signedAt:yyyyMMdd}/{host.Options.Region}/execute-api/aws4_request, " +
            $"SignedHeaders={string.Join(';', signed)}, Signature={signature}");
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> placeholders) =>
        placeholders.Aggregate(text, (t, p) => t.Replace("{" + p.Key + "}", p.Value, StringComparison.Ordinal));

    /// <summary>The string at a JSON pointer (RFC 6901).</summary>
    private static string At(JsonNode root, string pointer)
    {
        var node = root;
        foreach (var token in pointer.Split('/').Skip(1).Select(t => t.Replace("~1", "/").Replace("~0", "~")))
        {
            node = node is JsonArray array ? array[int.Parse(token, System.Globalization.CultureInfo.InvariantCulture)] : node?[token];
            Assert.True(node is not null, $"nothing at {pointer} in {root.ToJsonString()}");
        }
        return node!.GetValue<string>();
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + $"… ({text.Length} chars)";
}
