using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ServerlessInApp.Functions.Http;
using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.LocalHost;
using ServerlessInApp.Storage;
using static ServerlessInApp.IntegrationTests.Http.PinpointClient;

namespace ServerlessInApp.IntegrationTests.Http;

/// <summary>
/// The local host lets in only SigV4-signed requests, as API Gateway's IAM authorization does: the owner key on every
/// route, the app key on PutEvents, UpdateEndpoint and GetInAppMessages; anything else is 403 ForbiddenException in
/// Pinpoint's error shape and changes nothing.
/// </summary>
[Collection("emulators")]
public sealed class AuthorizationTests(ProductHost host) : IClassFixture<ProductHost>
{
    private readonly PinpointClient _owner = new(host.Http);
    private readonly PinpointClient _app = new(host.AppHttp);

    private static string Fill(string pathTemplate, string appId, string endpointId = "player-1", string campaignId = "c1",
        string segmentId = "s1", string templateName = "t1") =>
        pathTemplate.Replace("{ApplicationId}", appId).Replace("{EndpointId}", Uri.EscapeDataString(endpointId))
            .Replace("{CampaignId}", campaignId).Replace("{SegmentId}", segmentId)
            .Replace("{TemplateName}", templateName).Replace("{TemplateType}", "INAPP");

    public static TheoryData<string, string> EveryRoute()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in HttpRoutes.All) data.Add(route.Method, route.PathTemplate);
        return data;
    }

    public static TheoryData<string, string> OwnerRoutes()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in HttpRoutes.All.Where(r => !HttpRoutes.IsAppRoute(r))) data.Add(route.Method, route.PathTemplate);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task An_unsigned_request_is_403_ForbiddenException_missing_signature_on_every_route(string method, string pathTemplate)
    {
        using var unsigned = host.UnsignedClient();

        var reply = await new PinpointClient(unsigned).SendAsync(new HttpMethod(method), Fill(pathTemplate, "0123456789abcdef0123456789abcdef"),
            method is "POST" or "PUT" ? "{}" : null);

        Assert.StartsWith("Missing signature:", AssertError(reply, HttpStatusCode.Forbidden, "ForbiddenException"));
    }

    [Fact]
    public async Task The_health_check_needs_no_signature()
    {
        using var unsigned = host.UnsignedClient();

        Assert.Equal(HttpStatusCode.OK, (await unsigned.GetAsync(LocalStack.HealthPath)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_route_is_refused_before_it_is_routed_when_unsigned_and_is_404_when_signed()
    {
        using var unsigned = host.UnsignedClient();

        AssertError(await new PinpointClient(unsigned).SendAsync(HttpMethod.Get, "/v1/nothing"), HttpStatusCode.Forbidden, "ForbiddenException");
        AssertError(await _owner.SendAsync(HttpMethod.Get, "/v1/nothing"), HttpStatusCode.NotFound, "NotFoundException");
    }

    [Fact]
    public async Task A_wrong_secret_is_403_signature_mismatch_for_both_keys()
    {
        foreach (var key in new[] { host.Options.OwnerKey, host.Options.AppKey })
        {
            using var impostor = host.Client(key with { SecretAccessKey = key.SecretAccessKey + "x" });

            var reply = await new PinpointClient(impostor).SendAsync(HttpMethod.Get, "/v1/apps/0123456789abcdef0123456789abcdef/endpoints/e/inappmessages");

            Assert.StartsWith("Signature mismatch:", AssertError(reply, HttpStatusCode.Forbidden, "ForbiddenException"));
        }
    }

    [Fact]
    public async Task An_unknown_access_key_is_403()
    {
        using var stranger = host.Client(new DevelopmentKey("stranger", "secret"));

        var reply = await new PinpointClient(stranger).SendAsync(HttpMethod.Get, "/v1/apps");

        Assert.StartsWith("Unknown access key: 'stranger'", AssertError(reply, HttpStatusCode.Forbidden, "ForbiddenException"));
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(10)]
    public async Task A_request_signed_ten_minutes_away_from_now_is_403_request_expired(int minutes)
    {
        var appId = await _owner.CreateAppAsync();
        using var late = host.Client(host.Options.OwnerKey, () => DateTime.UtcNow.AddMinutes(minutes));

        var reply = await new PinpointClient(late).PostAsync($"/v1/apps/{appId}/segments", Bodies.EveryoneSegment());

        Assert.StartsWith("Request expired:", AssertError(reply, HttpStatusCode.Forbidden, "ForbiddenException"));
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_403_and_not_applied()
    {
        var appId = await _owner.CreateAppAsync();
        var segmentId = await _owner.CreateSegmentAsync(appId, Bodies.EveryoneSegment());
        using var tampered = host.Client(host.Options.OwnerKey, inner: new ReplaceBodyHandler("""{"Name":"renamed by someone else"}"""));

        var reply = await new PinpointClient(tampered).PutAsync($"/v1/apps/{appId}/segments/{segmentId}", new JsonObject { ["Name"] = "mine" });

        Assert.StartsWith("Signature mismatch:", AssertError(reply, HttpStatusCode.Forbidden, "ForbiddenException"));
        Assert.Equal("everyone", (await _owner.SendAsync(HttpMethod.Get, $"/v1/apps/{appId}/segments/{segmentId}")).Json["Name"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(OwnerRoutes))]
    public async Task The_app_key_on_an_owner_route_is_403_key_not_allowed_and_changes_nothing(string method, string pathTemplate)
    {
        var appId = await _owner.CreateAppAsync();
        var segmentId = await _owner.CreateSegmentAsync(appId, Bodies.EveryoneSegment());
        var campaignId = await _owner.CreateCampaignAsync(appId, Bodies.Campaign(segmentId, "Hello"));
        await _app.UpdateEndpointAsync(appId, "player-1", Bodies.Endpoint("gold"));
        var templateName = "auth-" + Guid.NewGuid().ToString("N")[..8];
        await _owner.CreateTemplateAsync(templateName, Bodies.Template("Hello"));
        var before = await SnapshotAsync(appId, templateName);
        var body = pathTemplate switch
        {
            _ when method is "GET" or "DELETE" => null,
            "/v1/apps" => new JsonObject { ["Name"] = "created by a device" }.ToJsonString(),
            "/v1/apps/{ApplicationId}/campaigns" or "/v1/apps/{ApplicationId}/campaigns/{CampaignId}" => Bodies.Campaign(segmentId, "Hijacked").ToJsonString(),
            "/v1/apps/{ApplicationId}/segments" or "/v1/apps/{ApplicationId}/segments/{SegmentId}" => Bodies.EveryoneSegment().ToJsonString(),
            "/v1/templates/{TemplateName}/{TemplateType}/active-version" => """{"Version":"1"}""",
            _ => Bodies.Template("Hijacked").ToJsonString(),
        };
        var path = Fill(pathTemplate, appId, campaignId: campaignId, segmentId: segmentId, templateName: templateName);

        var reply = await _app.SendAsync(new HttpMethod(method), path, body);

        var message = AssertError(reply, HttpStatusCode.Forbidden, "ForbiddenException");
        Assert.StartsWith("Key not allowed for this route:", message);
        Assert.Contains($"{method} {pathTemplate}", message);
        Assert.Equal(before, await SnapshotAsync(appId, templateName));
    }

    [Fact]
    public async Task The_app_key_may_not_create_an_app()
    {
        var reply = await _app.PostAsync("/v1/apps", new JsonObject { ["Name"] = "device-made-" + Guid.NewGuid().ToString("N") });

        AssertError(reply, HttpStatusCode.Forbidden, "ForbiddenException");
        var apps = (await _owner.SendAsync(HttpMethod.Get, "/v1/apps?page-size=1000")).Json["Item"]!.AsArray();
        Assert.DoesNotContain(apps, app => app!["Name"]!.GetValue<string>().StartsWith("device-made-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_app_key_registers_posts_events_and_fetches_the_message_it_is_entitled_to()
    {
        var appId = await _owner.CreateAppAsync();
        var segmentId = await _owner.CreateSegmentAsync(appId, Bodies.EveryoneSegment());
        var campaignId = await _owner.CreateCampaignAsync(appId, Bodies.Campaign(segmentId, "Level 10!"));

        await _app.UpdateEndpointAsync(appId, "player-1", Bodies.Endpoint("gold"));
        await _app.PutEventAsync(appId, "player-1", Bodies.MatchingEvent());

        await _app.EventuallyShownAsync(appId, "player-1", campaignId);
    }

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task The_owner_key_is_let_in_on_every_route(string method, string pathTemplate)
    {
        var reply = await _owner.SendAsync(new HttpMethod(method), Fill(pathTemplate, "0123456789abcdef0123456789abcdef"),
            method is "POST" or "PUT" ? "{}" : null);

        // Past authorization the request reaches its function, which answers about the (missing) app or the body.
        Assert.NotEqual(HttpStatusCode.Forbidden, reply.Status);
        Assert.True((int)reply.Status is >= 200 and < 500, $"{method} {pathTemplate}: {reply}");
    }

    [Fact]
    public async Task An_endpoint_id_with_an_encoded_slash_and_space_verifies_for_both_keys()
    {
        var appId = await _owner.CreateAppAsync();
        var segmentId = await _owner.CreateSegmentAsync(appId, Bodies.EveryoneSegment());
        var campaignId = await _owner.CreateCampaignAsync(appId, Bodies.Campaign(segmentId, "Level 10!"));
        const string endpointId = "player 1/ios";

        await _app.UpdateEndpointAsync(appId, endpointId, Bodies.Endpoint("gold"));
        await _app.PutEventAsync(appId, endpointId, Bodies.MatchingEvent());
        await _app.EventuallyShownAsync(appId, endpointId, campaignId);

        var endpoint = await Expect(HttpStatusCode.OK, _owner.SendAsync(HttpMethod.Get, $"/v1/apps/{appId}/endpoints/player%201%2Fios"));
        Assert.Equal(endpointId, endpoint.Json["Id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_presigned_GetInAppMessages_url_works_without_signing_until_it_expires()
    {
        var appId = await _owner.CreateAppAsync();
        var target = new Uri(host.BaseAddress, $"/v1/apps/{appId}/endpoints/player%201%2Fweb/inappmessages");
        using var unsigned = host.UnsignedClient();
        var api = new PinpointClient(unsigned);

        var fresh = SigV4SigningHandler.Presign(target, host.Options.AppKey, host.Options.Region, TimeSpan.FromMinutes(5));
        var stale = SigV4SigningHandler.Presign(target, host.Options.AppKey, host.Options.Region, TimeSpan.FromMinutes(5), DateTime.UtcNow.AddMinutes(-6));

        Assert.Equal("[]", (await Expect(HttpStatusCode.OK, api.SendAsync(HttpMethod.Get, fresh.PathAndQuery))).Json["InAppMessageCampaigns"]!.ToJsonString());
        Assert.StartsWith("Request expired:", AssertError(await api.SendAsync(HttpMethod.Get, stale.PathAndQuery), HttpStatusCode.Forbidden, "ForbiddenException"));
        var other = Regex.Replace(fresh.PathAndQuery, "player%201%2Fweb", "player%202%2Fweb");
        Assert.StartsWith("Signature mismatch:", AssertError(await api.SendAsync(HttpMethod.Get, other), HttpStatusCode.Forbidden, "ForbiddenException"));
    }

    /// <summary>The app's partition, its endpoint's, its app-list entry and the template's items, raw.</summary>
    private async Task<string> SnapshotAsync(string appId, string templateName)
    {
        using var dynamo = host.Emulators.CreateDynamoDbClient();
        var table = host.Options.TableName;
        var items = (await RawItems.QueryAsync(dynamo, table, Keys.App(appId)))
            .Concat(await RawItems.QueryAsync(dynamo, table, Keys.Endpoint(appId, "player-1")))
            .Append(await RawItems.GetAsync(dynamo, table, Keys.AppList, Keys.AppListEntry(appId)));
        var template = await _owner.SendAsync(HttpMethod.Get, $"/v1/templates/{templateName}/inapp");
        var apps = (await _owner.SendAsync(HttpMethod.Get, "/v1/apps?page-size=1000")).Json["Item"]!.AsArray().Count;
        return string.Join("\n---\n", items.Select(RawItems.Describe)) + $"\n---\ntemplate: {template}\napps: {apps}";
    }

    /// <summary>Replaces the body after the signing handler has signed it, as a meddling proxy would.</summary>
    private sealed class ReplaceBodyHandler(string json) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
