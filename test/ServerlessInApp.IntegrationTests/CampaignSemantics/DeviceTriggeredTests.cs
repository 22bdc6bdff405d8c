using System.Net;
using System.Text.Json.Nodes;
using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.IntegrationTests.Http;
using static ServerlessInApp.IntegrationTests.CampaignSemantics.Device;
using static ServerlessInApp.IntegrationTests.Http.PinpointClient;

namespace ServerlessInApp.IntegrationTests.CampaignSemantics;

/// <summary>
/// An app in DEVICE_TRIGGERED mode (our InAppMessagesMode setting): GetInAppMessages also lists every running campaign
/// whose segment admits the endpoint, with its EventFilter, before any event, as Pinpoint did; the device matches the
/// trigger and keeps its own session counts, the server still enforces the total and daily caps.
/// </summary>
[Collection("emulators")]
public sealed class DeviceTriggeredTests(ProductHost host) : IClassFixture<ProductHost>
{
    private readonly Device _device = new(host);
    private PinpointClient Api => _device.Api;

    private async Task<(string AppId, string CampaignId)> GoldIosAppAsync(JsonObject limits)
    {
        var appId = await Api.CreateAppAsync();
        var segmentId = await Api.CreateSegmentAsync(appId, Bodies.GoldIosSegment());
        var campaignId = await Api.CreateCampaignAsync(appId, Owner.Campaign(segmentId, "Level 10!", limits));
        await Api.UpdateEndpointAsync(appId, "gold-player", Bodies.Endpoint("gold"));
        await Api.UpdateEndpointAsync(appId, "free-player", Bodies.Endpoint("free"));
        return (appId, campaignId);
    }

    [Fact]
    public async Task In_device_triggered_mode_an_endpoint_in_the_segment_gets_the_campaign_and_its_EventFilter_without_any_event()
    {
        var (appId, campaignId) = await GoldIosAppAsync(Owner.Limits(total: 3, session: 1));
        var defaults = await Expect(HttpStatusCode.OK, Api.SendAsync(HttpMethod.Get, $"/v1/apps/{appId}/settings"));
        Assert.Equal("SERVER_TRIGGERED", defaults.Json["InAppMessagesMode"]!.GetValue<string>());
        Assert.Empty(await Api.GetInAppMessagesAsync(appId, "gold-player"));

        var settings = await _device.PutSettingsAsync(appId, new JsonObject { ["InAppMessagesMode"] = "DEVICE_TRIGGERED" });
        Assert.Equal("DEVICE_TRIGGERED", settings["InAppMessagesMode"]!.GetValue<string>());

        var campaign = Assert.Single(await Api.GetInAppMessagesAsync(appId, "gold-player"))!;
        Assert.Equal(campaignId, campaign["CampaignId"]!.GetValue<string>());
        Assert.Equal("0", campaign["TreatmentId"]!.GetValue<string>());
        Assert.Equal("Level 10!", Owner.Header(campaign));
        Assert.Equal((3, 1), (campaign["TotalCap"]!.GetValue<int>(), campaign["SessionCap"]!.GetValue<int>()));
        var campaignFilter = (await Expect(HttpStatusCode.OK, Api.SendAsync(HttpMethod.Get, $"/v1/apps/{appId}/campaigns/{campaignId}"))).Json["Schedule"]!["EventFilter"]!;
        Assert.True(JsonNode.DeepEquals(campaignFilter, campaign["Schedule"]!["EventFilter"]), $"EventFilter {campaign["Schedule"]!["EventFilter"]} differs from the campaign's {campaignFilter}");
        Assert.Equal(Bodies.TriggerEvent, campaign["Schedule"]!["EventFilter"]!["Dimensions"]!["EventType"]!["Values"]![0]!.GetValue<string>());

        Assert.Empty(await Api.GetInAppMessagesAsync(appId, "free-player"));
        Assert.Empty(await Api.GetInAppMessagesAsync(appId, "never-registered"));
        // Nothing was posted: no event was needed.
        Assert.Empty((await _device.KpisAsync(appId, campaignId)).Rows);

        // Back to server-triggered: only entitlements count again.
        await _device.PutSettingsAsync(appId, new JsonObject { ["InAppMessagesMode"] = "SERVER_TRIGGERED" });
        Assert.Empty(await Api.GetInAppMessagesAsync(appId, "gold-player"));
    }

    [Fact]
    public async Task In_device_triggered_mode_the_server_leaves_the_session_cap_to_the_device_but_enforces_the_total()
    {
        var (appId, campaignId) = await GoldIosAppAsync(Owner.Limits(total: 2, session: 1));
        await _device.PutSettingsAsync(appId, new JsonObject { ["InAppMessagesMode"] = "DEVICE_TRIGGERED" });
        var session = Session.New(DateTimeOffset.UtcNow);

        await _device.PutEventAsync(appId, "gold-player", InApp(Displayed, campaignId, session: session));
        await host.EventsHandledAsync();
        Assert.Equal(1, Number(await _device.CounterAsync(appId, "gold-player", campaignId), "SessionCount"));
        Assert.Equal([campaignId], CampaignIds(await Api.GetInAppMessagesAsync(appId, "gold-player")));

        // The next display is in a later session (the first one is capped for its session, so it would not count in it).
        await _device.PutEventAsync(appId, "gold-player", InApp(Displayed, campaignId, session: Session.New(DateTimeOffset.UtcNow.AddSeconds(1))));
        await Api.EventuallyShownAsync(appId, "gold-player");
        Assert.Equal(2, Number(await _device.CounterAsync(appId, "gold-player", campaignId), "Total"));
    }

    [Fact]
    public async Task Unknown_InAppMessagesMode_is_rejected_and_changes_nothing()
    {
        var (appId, _) = await GoldIosAppAsync(Owner.Limits(total: 2));
        var reply = await Api.PutAsync($"/v1/apps/{appId}/settings", new JsonObject { ["InAppMessagesMode"] = "SOMETIMES" });
        Assert.Contains("InAppMessagesMode", AssertError(reply, HttpStatusCode.BadRequest, "BadRequestException"));
        var settings = await Expect(HttpStatusCode.OK, Api.SendAsync(HttpMethod.Get, $"/v1/apps/{appId}/settings"));
        Assert.Equal("SERVER_TRIGGERED", settings.Json["InAppMessagesMode"]!.GetValue<string>());
        Assert.Empty(await Api.GetInAppMessagesAsync(appId, "gold-player"));
    }
}
