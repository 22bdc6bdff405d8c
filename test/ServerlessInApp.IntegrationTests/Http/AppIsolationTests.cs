using System.Net;
using System.Text.Json.Nodes;
using ServerlessInApp.IntegrationTests.Fixtures;
using static ServerlessInApp.IntegrationTests.Http.PinpointClient;

namespace ServerlessInApp.IntegrationTests.Http;

/// <summary>
/// An app's endpoints, messages, campaigns and segments are reachable only through that app's routes: the same ids
/// under another app find nothing there and change nothing here.
/// </summary>
[Collection("emulators")]
public sealed class AppIsolationTests(ProductHost host) : IClassFixture<ProductHost>
{
    private readonly PinpointClient _owner = new(host.Http);
    private readonly PinpointClient _app = new(host.AppHttp);

    /// <summary>App A with a campaign for everyone that player-1 is entitled to; app B, empty.</summary>
    private async Task<(string A, string SegmentId, string CampaignId, string B)> EntitledInAOnlyAsync()
    {
        var a = await _owner.CreateAppAsync();
        var segmentId = await _owner.CreateSegmentAsync(a, Bodies.EveryoneSegment());
        var campaignId = await _owner.CreateCampaignAsync(a, Bodies.Campaign(segmentId, "Only in A"));
        await _app.UpdateEndpointAsync(a, "player-1", Bodies.Endpoint("gold"));
        await _app.PutEventAsync(a, "player-1", Bodies.MatchingEvent());
        await _app.EventuallyShownAsync(a, "player-1", campaignId);
        var b = await _owner.CreateAppAsync();
        return (a, segmentId, campaignId, b);
    }

    [Fact]
    public async Task An_endpoint_entitled_in_app_A_gets_nothing_through_app_B()
    {
        var (a, _, campaignId, b) = await EntitledInAOnlyAsync();

        Assert.Empty(await _app.GetInAppMessagesAsync(b, "player-1"));
        Assert.Empty(await _owner.GetInAppMessagesAsync(b, "player-1"));
        AssertError(await _owner.SendAsync(HttpMethod.Get, $"/v1/apps/{b}/endpoints/player-1"), HttpStatusCode.NotFound, "NotFoundException");
        AssertError(await _owner.SendAsync(HttpMethod.Delete, $"/v1/apps/{b}/endpoints/player-1"), HttpStatusCode.NotFound, "NotFoundException");

        // B's own traffic for the same endpoint id grants nothing in A, and A is untouched.
        await _app.PutEventAsync(b, "player-1", Bodies.MatchingEvent());
        await host.EventsHandledAsync();
        Assert.Empty(await _app.GetInAppMessagesAsync(b, "player-1"));
        Assert.Equal([campaignId], CampaignIds(await _app.GetInAppMessagesAsync(a, "player-1")));
        Assert.Equal("player-1", (await Expect(HttpStatusCode.OK, _owner.SendAsync(HttpMethod.Get, $"/v1/apps/{a}/endpoints/player-1"))).Json["Id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Campaign_and_segment_ids_of_app_A_are_404_under_app_B_and_A_keeps_them_unchanged()
    {
        var (a, segmentId, campaignId, b) = await EntitledInAOnlyAsync();
        var campaignBefore = (await Expect(HttpStatusCode.OK, _owner.SendAsync(HttpMethod.Get, $"/v1/apps/{a}/campaigns/{campaignId}"))).Body;
        var segmentBefore = (await Expect(HttpStatusCode.OK, _owner.SendAsync(HttpMethod.Get, $"/v1/apps/{a}/segments/{segmentId}"))).Body;

        var underB = new (HttpMethod Method, string Path, JsonNode? Body)[]
        {
            (HttpMethod.Get, $"/v1/apps/{b}/campaigns/{campaignId}", null),
            (HttpMethod.Put, $"/v1/apps/{b}/campaigns/{campaignId}", new JsonObject { ["IsPaused"] = true }),
            (HttpMethod.Delete, $"/v1/apps/{b}/campaigns/{campaignId}", null),
            (HttpMethod.Get, $"/v1/apps/{b}/segments/{segmentId}", null),
            (HttpMethod.Put, $"/v1/apps/{b}/segments/{segmentId}", new JsonObject { ["Name"] = "taken over" }),
            (HttpMethod.Delete, $"/v1/apps/{b}/segments/{segmentId}", null),
        };
        foreach (var (method, path, body) in underB)
        {
            AssertError(await _owner.SendAsync(method, path, body?.ToJsonString()), HttpStatusCode.NotFound, "NotFoundException");
        }
        // A campaign in B cannot use A's segment either.
        var borrowed = AssertError(await _owner.PostAsync($"/v1/apps/{b}/campaigns", Bodies.Campaign(segmentId, "Borrowed")), HttpStatusCode.BadRequest, "BadRequestException");
        Assert.Contains("does not exist in this application", borrowed);

        Assert.Equal("[]", (await Expect(HttpStatusCode.OK, _owner.SendAsync(HttpMethod.Get, $"/v1/apps/{b}/campaigns"))).Json["Item"]!.ToJsonString());
        Assert.Equal(campaignBefore, (await _owner.SendAsync(HttpMethod.Get, $"/v1/apps/{a}/campaigns/{campaignId}")).Body);
        Assert.Equal(segmentBefore, (await _owner.SendAsync(HttpMethod.Get, $"/v1/apps/{a}/segments/{segmentId}")).Body);
        Assert.Equal([campaignId], CampaignIds(await _app.GetInAppMessagesAsync(a, "player-1")));
    }
}
