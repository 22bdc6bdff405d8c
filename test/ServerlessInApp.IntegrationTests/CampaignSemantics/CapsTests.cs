using System.Globalization;
using System.Text.Json.Nodes;
using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.IntegrationTests.Http;
using static ServerlessInApp.IntegrationTests.CampaignSemantics.Device;
using static ServerlessInApp.IntegrationTests.Http.PinpointClient;

namespace ServerlessInApp.IntegrationTests.CampaignSemantics;

/// <summary>
/// Caps enforced on the server from the display events devices post: a campaign's Total, Daily (in the endpoint's own
/// time zone) and Session caps, and the app's daily cap across all messages; each display counted once per event id.
/// Everything goes through the local host: PutEvents, the events queue, the trigger function, GetInAppMessages.
/// </summary>
[Collection("emulators")]
public sealed class CapsTests(ProductHost host) : IClassFixture<ProductHost>
{
    private readonly Device _device = new(host);
    private PinpointClient Api => _device.Api;

    /// <summary>An app with one campaign of these limits, triggered for the endpoint; returns once it is shown.</summary>
    private async Task<(string AppId, string CampaignId, JsonObject Shown)> TriggeredAsync(string endpointId, JsonObject? limits, JsonObject? endpoint = null)
    {
        var (appId, segmentId) = await Owner.AppAsync(Api);
        var campaignId = await Api.CreateCampaignAsync(appId, Owner.Campaign(segmentId, "Level 10!", limits));
        if (endpoint is not null) await Api.UpdateEndpointAsync(appId, endpointId, endpoint);
        await _device.PutEventAsync(appId, endpointId, Bodies.MatchingEvent());
        var shown = await Api.EventuallyShownAsync(appId, endpointId, campaignId);
        return (appId, campaignId, shown.Single()!.AsObject());
    }

    [Fact]
    public async Task A_campaign_with_Total_2_is_gone_after_two_displays_and_the_counter_stops_at_the_cap()
    {
        var (appId, campaignId, shown) = await TriggeredAsync("player-1", Owner.Limits(total: 2));
        Assert.Equal((2, 0, 0), (shown["TotalCap"]!.GetValue<int>(), shown["DailyCap"]!.GetValue<int>(), shown["SessionCap"]!.GetValue<int>()));

        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId));
        await host.EventsHandledAsync();
        Assert.Equal([campaignId], CampaignIds(await Api.GetInAppMessagesAsync(appId, "player-1")));
        Assert.Equal(1, Number(await _device.CounterAsync(appId, "player-1", campaignId), "Total"));

        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId));
        await Api.EventuallyShownAsync(appId, "player-1");

        // A device that shows it anyway (an old client) does not push the count past the cap.
        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId));
        await host.EventsHandledAsync();
        Assert.Equal(2, Number(await _device.CounterAsync(appId, "player-1", campaignId), "Total"));
        Assert.Empty(await Api.GetInAppMessagesAsync(appId, "player-1"));
    }

    [Fact]
    public async Task Daily_1_counts_displays_by_the_endpoints_local_day_and_a_display_from_yesterday_does_not_use_today()
    {
        // UTC+14: its day starts at 10:00 UTC the day before, so its days and UTC days differ for 10 hours in 24.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati");
        var localToday = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date;
        var localMidnight = new DateTimeOffset(localToday, zone.GetUtcOffset(localToday));
        string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var endpoint = Bodies.Endpoint("gold");
        endpoint["Demographic"]!["Timezone"] = "Pacific/Kiritimati";
        var (appId, campaignId, shown) = await TriggeredAsync("player-1", Owner.Limits(daily: 1), endpoint);
        Assert.Equal(1, shown["DailyCap"]!.GetValue<int>());

        // The last minute of the endpoint's yesterday: on the UTC calendar it is today whenever it is 10:00 UTC or later.
        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId, at: localMidnight.AddMinutes(-1)));
        await host.EventsHandledAsync();
        Assert.Equal([campaignId], CampaignIds(await Api.GetInAppMessagesAsync(appId, "player-1")));
        var counter = await _device.CounterAsync(appId, "player-1", campaignId);
        Assert.Equal(Day(localToday.AddDays(-1)), counter!["Day"].S);
        Assert.Equal((1, 1), (Number(counter, "DayCount"), Number(counter, "Total")));

        // The first minute of the endpoint's today: on the UTC calendar it is yesterday before 10:00 UTC.
        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId, at: localMidnight.AddMinutes(1)));
        await Api.EventuallyShownAsync(appId, "player-1");
        counter = await _device.CounterAsync(appId, "player-1", campaignId);
        Assert.Equal(Day(localToday), counter!["Day"].S);
        Assert.Equal((1, 2), (Number(counter, "DayCount"), Number(counter, "Total")));

        // Another late display from yesterday counts toward the total but neither reopens nor fills today.
        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId, at: localMidnight.AddHours(-3)));
        await host.EventsHandledAsync();
        counter = await _device.CounterAsync(appId, "player-1", campaignId);
        Assert.Equal((Day(localToday), 1L, 3L), (counter!["Day"].S, Number(counter, "DayCount"), Number(counter, "Total")));
        Assert.Empty(await Api.GetInAppMessagesAsync(appId, "player-1"));
    }

    [Fact]
    public async Task Session_1_is_gone_after_a_display_in_the_session_and_back_once_a_later_session_starts()
    {
        var (appId, campaignId, shown) = await TriggeredAsync("player-1", Owner.Limits(session: 1));
        Assert.Equal(1, shown["SessionCap"]!.GetValue<int>());
        var now = DateTimeOffset.UtcNow;
        var sessionA = Session.New(now.AddMinutes(-10));

        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId, session: sessionA));
        await Api.EventuallyShownAsync(appId, "player-1");

        // A session that started before A (a late _session.start) is not the current session: still capped.
        await _device.PutEventAsync(appId, "player-1", SessionStart(Session.New(now.AddHours(-1))));
        await host.EventsHandledAsync();
        Assert.Empty(await Api.GetInAppMessagesAsync(appId, "player-1"));

        var sessionB = Session.New(now);
        await _device.PutEventAsync(appId, "player-1", SessionStart(sessionB));
        await Api.EventuallyShownAsync(appId, "player-1", campaignId);

        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId, session: sessionB));
        await Api.EventuallyShownAsync(appId, "player-1");
        var counter = await _device.CounterAsync(appId, "player-1", campaignId);
        Assert.Equal((sessionB.Id, 1L, 2L), (counter!["Session"].S, Number(counter, "SessionCount"), Number(counter, "Total")));
    }

    [Fact]
    public async Task A_late_display_from_an_earlier_session_counts_toward_the_total_but_does_not_reopen_the_current_session()
    {
        var (appId, campaignId, _) = await TriggeredAsync("player-1", Owner.Limits(total: 5, session: 1));
        var now = DateTimeOffset.UtcNow;
        var sessionA = Session.New(now.AddMinutes(-10));
        var sessionB = Session.New(now);
        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId, session: sessionA));
        await Api.EventuallyShownAsync(appId, "player-1");
        await _device.PutEventAsync(appId, "player-1", SessionStart(sessionB));
        await Api.EventuallyShownAsync(appId, "player-1", campaignId);
        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId, at: now.AddSeconds(5), session: sessionB));
        await Api.EventuallyShownAsync(appId, "player-1");

        // Amplify's buffer resends an event from session A after session B's display was handled.
        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId, at: now.AddMinutes(-9), session: sessionA));
        await host.EventsHandledAsync();

        Assert.Empty(await Api.GetInAppMessagesAsync(appId, "player-1"));
        var counter = await _device.CounterAsync(appId, "player-1", campaignId);
        Assert.Equal((sessionB.Id, 1L, 3L), (counter!["Session"].S, Number(counter, "SessionCount"), Number(counter, "Total")));
    }

    [Fact]
    public async Task A_campaigns_limits_fall_back_to_the_apps_member_by_member()
    {
        var (appId, segmentId) = await Owner.AppAsync(Api);
        await _device.PutSettingsAsync(appId, new JsonObject { ["Limits"] = Owner.Limits(total: 1, session: 3) });
        var campaignId = await Api.CreateCampaignAsync(appId, Owner.Campaign(segmentId, "Inherits", Owner.Limits(session: 1)));
        await _device.PutEventAsync(appId, "player-1", Bodies.MatchingEvent());
        var shown = Assert.Single(await Api.EventuallyShownAsync(appId, "player-1", campaignId))!;
        Assert.Equal((1, 1, 0), (shown["TotalCap"]!.GetValue<int>(), shown["SessionCap"]!.GetValue<int>(), shown["DailyCap"]!.GetValue<int>()));

        // The app's Total of 1 applies: one display, in no session at all, and it is gone for good.
        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId));
        await Api.EventuallyShownAsync(appId, "player-1");
        await _device.PutEventAsync(appId, "player-1", SessionStart(Session.New(DateTimeOffset.UtcNow)));
        await host.EventsHandledAsync();
        Assert.Empty(await Api.GetInAppMessagesAsync(appId, "player-1"));
    }

    [Fact]
    public async Task The_apps_daily_limit_caps_all_messages_together_one_display_of_either_campaign_hides_both()
    {
        var (appId, segmentId) = await Owner.AppAsync(Api);
        var settings = await _device.PutSettingsAsync(appId, new JsonObject { ["Limits"] = new JsonObject { ["Daily"] = 1 } });
        Assert.Equal(1, settings["Limits"]!["Daily"]!.GetValue<int>());
        // The first campaign has no Daily of its own (the app's applies to it too); the second allows 3 a day itself.
        var first = await Api.CreateCampaignAsync(appId, Owner.Campaign(segmentId, "First", Owner.Limits(total: 5), priority: 1));
        var second = await Api.CreateCampaignAsync(appId, Owner.Campaign(segmentId, "Second", Owner.Limits(total: 5, daily: 3), priority: 2));

        await _device.PutEventAsync(appId, "player-1", Bodies.MatchingEvent());
        var shown = await Api.EventuallyShownAsync(appId, "player-1", first, second);
        Assert.Equal(1, shown[0]!["DailyCap"]!.GetValue<int>());
        Assert.Equal(3, shown[1]!["DailyCap"]!.GetValue<int>());

        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, second));
        await Api.EventuallyShownAsync(appId, "player-1");
        Assert.Equal(1, Number(await _device.CounterAsync(appId, "player-1", "*"), "DayCount"));
        Assert.Null(await _device.CounterAsync(appId, "player-1", first));

        // Another endpoint of the same app is not affected.
        await _device.PutEventAsync(appId, "player-2", Bodies.MatchingEvent());
        await Api.EventuallyShownAsync(appId, "player-2", first, second);
    }

    [Fact]
    public async Task The_same_display_event_delivered_three_times_counts_once()
    {
        var (appId, campaignId, _) = await TriggeredAsync("player-1", Owner.Limits(total: 5));
        var eventId = NewEventId();
        var display = InApp(Displayed, campaignId);

        await _device.PutEventsAsync(appId, "player-1", (eventId, display));
        await host.EventsHandledAsync();
        var once = await _device.CounterAsync(appId, "player-1", campaignId);
        // A client retrying the same event (Amplify resends up to 5 times), once alone and once beside a new event.
        await _device.PutEventsAsync(appId, "player-1", (eventId, display));
        await _device.PutEventsAsync(appId, "player-1", (eventId, display), (NewEventId(), Bodies.Event("level_lost", "ranked", 3)));
        await host.EventsHandledAsync();

        var counter = await _device.CounterAsync(appId, "player-1", campaignId);
        Assert.Equal(RawItems.Describe(once), RawItems.Describe(counter));
        Assert.Equal((1L, 1L), (Number(counter, "Total"), Number(counter, "DayCount")));
        Assert.Equal(1, Number(await _device.CounterAsync(appId, "player-1", "*"), "DayCount"));
        var kpis = await _device.KpisAsync(appId, campaignId);
        Assert.Equal(1, kpis.Sum("displayed"));
        Assert.Equal(1, kpis.Sum("unique-displayed"));
    }
}
