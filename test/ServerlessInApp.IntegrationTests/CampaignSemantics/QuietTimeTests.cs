using System.Globalization;
using System.Text.Json.Nodes;
using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.IntegrationTests.Http;
using ServerlessInApp.Storage;
using static ServerlessInApp.IntegrationTests.Http.PinpointClient;

namespace ServerlessInApp.IntegrationTests.CampaignSemantics;

/// <summary>
/// Quiet time at fetch: the campaign's Schedule.QuietTime, else the app's QuietTime, read on the endpoint's clock when
/// the schedule IsLocalTime and on UTC otherwise. The windows are computed from the current time: one covering now
/// (an hour either side), one that does not (two to three hours ahead).
/// </summary>
[Collection("emulators")]
public sealed class QuietTimeTests(ProductHost host) : IClassFixture<ProductHost>
{
    private readonly Device _device = new(host);
    private PinpointClient Api => _device.Api;

    private static JsonObject Window(TimeZoneInfo zone, bool coveringNow)
    {
        var clock = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone);
        var (start, end) = coveringNow ? (clock.AddHours(-1), clock.AddHours(1)) : (clock.AddHours(2), clock.AddHours(3));
        return new JsonObject
        {
            ["Start"] = start.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["End"] = end.ToString("HH:mm", CultureInfo.InvariantCulture),
        };
    }

    private static JsonObject WithQuietTime(JsonObject campaign, JsonObject? quiet, bool localTime = false)
    {
        var schedule = campaign["Schedule"]!.AsObject();
        if (quiet is not null) schedule["QuietTime"] = quiet;
        if (localTime) schedule["IsLocalTime"] = true;
        return campaign;
    }

    /// <summary>Triggers every campaign of the app for the endpoint and waits until the entitlements are written.</summary>
    private async Task TriggerAsync(string appId, string endpointId, params string[] campaignIds)
    {
        await _device.PutEventAsync(appId, endpointId, Bodies.MatchingEvent());
        await host.EventsHandledAsync();
        var items = (await _device.EndpointPartitionAsync(appId, endpointId)).Select(i => i["SK"].S).ToList();
        Assert.All(campaignIds, id => Assert.Contains(Keys.Entitlement(id), items));
    }

    [Fact]
    public async Task A_campaign_in_its_quiet_time_is_not_returned_and_is_once_the_window_moves_away_from_now()
    {
        var (appId, segmentId) = await Owner.AppAsync(Api);
        var campaignId = await Api.CreateCampaignAsync(appId,
            WithQuietTime(Owner.Campaign(segmentId, "Quiet", null), Window(TimeZoneInfo.Utc, coveringNow: true)));
        await TriggerAsync(appId, "player-1", campaignId);

        Assert.Empty(await Api.GetInAppMessagesAsync(appId, "player-1"));

        var elsewhere = Window(TimeZoneInfo.Utc, coveringNow: false);
        var updated = await Api.UpdateCampaignAsync(appId, campaignId, new JsonObject
        {
            ["Schedule"] = WithQuietTime(Owner.Campaign(segmentId, "Quiet", null), elsewhere)["Schedule"]!.DeepClone(),
        });
        Assert.Equal(elsewhere.ToJsonString(), updated.Json["Schedule"]!["QuietTime"]!.ToJsonString());
        var campaign = Assert.Single(await Api.GetInAppMessagesAsync(appId, "player-1"));
        Assert.Equal(elsewhere.ToJsonString(), campaign!["Schedule"]!["QuietTime"]!.ToJsonString());
    }

    [Fact]
    public async Task The_apps_quiet_time_applies_to_campaigns_without_one_and_a_campaigns_own_quiet_time_wins()
    {
        var (appId, segmentId) = await Owner.AppAsync(Api);
        await _device.PutSettingsAsync(appId, new JsonObject { ["QuietTime"] = Window(TimeZoneInfo.Utc, coveringNow: true) });
        var inherits = await Api.CreateCampaignAsync(appId, Owner.Campaign(segmentId, "App quiet time", null, priority: 1));
        var own = Window(TimeZoneInfo.Utc, coveringNow: false);
        var overrides = await Api.CreateCampaignAsync(appId, WithQuietTime(Owner.Campaign(segmentId, "Own quiet time", null, priority: 2), own));
        await TriggerAsync(appId, "player-1", inherits, overrides);

        var shown = Assert.Single(await Api.GetInAppMessagesAsync(appId, "player-1"));
        Assert.Equal(overrides, shown!["CampaignId"]!.GetValue<string>());
        Assert.Equal(own.ToJsonString(), shown["Schedule"]!["QuietTime"]!.ToJsonString());

        var appQuiet = Window(TimeZoneInfo.Utc, coveringNow: false);
        await _device.PutSettingsAsync(appId, new JsonObject { ["QuietTime"] = appQuiet });
        var campaigns = await Api.GetInAppMessagesAsync(appId, "player-1");
        Assert.Equal([inherits, overrides], CampaignIds(campaigns));
        Assert.Equal(appQuiet.ToJsonString(), campaigns[0]!["Schedule"]!["QuietTime"]!.ToJsonString());
    }

    [Fact]
    public async Task With_IsLocalTime_quiet_time_is_read_on_the_endpoints_clock()
    {
        // UTC+14: a window an hour either side of now in Kiritimati does not cover now in UTC.
        var kiritimati = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati");
        var (appId, segmentId) = await Owner.AppAsync(Api);
        var campaignId = await Api.CreateCampaignAsync(appId,
            WithQuietTime(Owner.Campaign(segmentId, "Local quiet time", null), Window(kiritimati, coveringNow: true), localTime: true));
        var local = Bodies.Endpoint("gold");
        local["Demographic"]!["Timezone"] = "Pacific/Kiritimati";
        await Api.UpdateEndpointAsync(appId, "player-kiritimati", local);
        await Api.UpdateEndpointAsync(appId, "player-utc", Bodies.Endpoint("gold"));
        await TriggerAsync(appId, "player-kiritimati", campaignId);
        await TriggerAsync(appId, "player-utc", campaignId);

        Assert.Empty(await Api.GetInAppMessagesAsync(appId, "player-kiritimati"));
        Assert.Equal([campaignId], CampaignIds(await Api.GetInAppMessagesAsync(appId, "player-utc")));
    }
}
