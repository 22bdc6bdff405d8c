using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.IntegrationTests.Http;
using static ServerlessInApp.IntegrationTests.CampaignSemantics.Device;
using static ServerlessInApp.IntegrationTests.Http.PinpointClient;

namespace ServerlessInApp.IntegrationTests.CampaignSemantics;

/// <summary>
/// Campaign metrics per UTC day and treatment through GET …/campaigns/{id}/kpis/daterange/{KpiName}: displays, unique
/// displays, clicks and dismissals from the in-app analytics events, exactly once per event id however often a
/// client sends it.
/// </summary>
[Collection("emulators")]
public sealed class MetricsTests(ProductHost host) : IClassFixture<ProductHost>
{
    private static readonly string[] AllKpis = ["entitled", "holdout", "displayed", "unique-displayed", "clicked", "dismissed", "click-through-rate"];

    private readonly Device _device = new(host);
    private PinpointClient Api => _device.Api;

    private async Task<(string AppId, string CampaignId)> TriggeredAsync(params string[] endpointIds)
    {
        var (appId, segmentId) = await Owner.AppAsync(Api);
        var campaignId = await Api.CreateCampaignAsync(appId, Owner.Campaign(segmentId, "Metrics", Owner.Limits(total: 10)));
        foreach (var endpointId in endpointIds)
        {
            await _device.PutEventAsync(appId, endpointId, Bodies.MatchingEvent());
            await Api.EventuallyShownAsync(appId, endpointId, campaignId);
        }
        return (appId, campaignId);
    }

    [Fact]
    public async Task Displays_clicks_and_dismissals_are_counted_per_day_and_treatment_once_per_event_however_often_sent()
    {
        var (appId, campaignId) = await TriggeredAsync("player-1", "player-2");
        var now = DateTimeOffset.UtcNow;
        var yesterday = now.AddDays(-1);
        var (today, yesterdayDay) = (UtcDay(now), UtcDay(yesterday));

        (string EndpointId, string EventId, JsonObject Event)[] earlier =
        [
            ("player-1", NewEventId(), InApp(Displayed, campaignId, at: yesterday)),
            ("player-1", NewEventId(), InApp(Clicked, campaignId, at: yesterday)),
        ];
        (string EndpointId, string EventId, JsonObject Event)[] later =
        [
            ("player-1", NewEventId(), InApp(Displayed, campaignId, at: now)),
            ("player-1", NewEventId(), InApp(Displayed, campaignId, at: now.AddSeconds(1))),
            ("player-1", NewEventId(), InApp(Clicked, campaignId, at: now.AddSeconds(2))),
            ("player-1", NewEventId(), InApp(Dismissed, campaignId, at: now.AddSeconds(3))),
            ("player-2", NewEventId(), InApp(Displayed, campaignId, at: now)),
            ("player-2", NewEventId(), InApp(Dismissed, campaignId, at: now.AddSeconds(1))),
        ];
        await _device.PutBatchAsync(appId, earlier);
        await host.EventsHandledAsync();
        await _device.PutBatchAsync(appId, later);
        await host.EventsHandledAsync();
        var first = await _device.KpisAsync(appId, campaignId);

        // Every event again, as a client that never saw the 202s would send them.
        await _device.PutBatchAsync(appId, [.. earlier, .. later]);
        await host.EventsHandledAsync();
        var kpis = await _device.KpisAsync(appId, campaignId);

        Assert.Equal(first.Reply.Json["KpiResult"]!.ToJsonString(), kpis.Reply.Json["KpiResult"]!.ToJsonString());
        Assert.Equal([(yesterdayDay, "0"), (today, "0")], kpis.Rows.Keys.Order());
        Assert.All(kpis.Rows.Values, row => Assert.Equal(AllKpis.Order(StringComparer.Ordinal), row.Keys.Order(StringComparer.Ordinal)));
        Assert.Equal(
            "entitled=0 holdout=0 displayed=1 unique-displayed=1 clicked=1 dismissed=0 click-through-rate=1",
            Describe(kpis.Rows[(yesterdayDay, "0")]));
        Assert.Equal(
            "entitled=2 holdout=0 displayed=3 unique-displayed=2 clicked=1 dismissed=2 click-through-rate=0.3333",
            Describe(kpis.Rows[(today, "0")]));
        var types = kpis.Reply.Json["KpiResult"]!["Rows"]![0]!["Values"]!.AsArray()
            .ToDictionary(v => v!["Key"]!.GetValue<string>(), v => v!["Type"]!.GetValue<string>());
        Assert.Equal(("Long", "Double"), (types["displayed"], types["click-through-rate"]));

        // One KPI at a time: the same rows, only that value.
        var rate = await _device.KpisAsync(appId, campaignId, "click-through-rate");
        Assert.Equal(kpis.Rows.Keys.Order(), rate.Rows.Keys.Order());
        Assert.All(rate.Rows, row =>
        {
            var (clicked, displayed) = (kpis.Long(row.Key.Date, row.Key.Treatment, "clicked"), kpis.Long(row.Key.Date, row.Key.Treatment, "displayed"));
            Assert.Equal(["click-through-rate"], row.Value.Keys);
            Assert.Equal((double)clicked / displayed, double.Parse(row.Value["click-through-rate"], CultureInfo.InvariantCulture), 4);
        });
        var uniques = await _device.KpisAsync(appId, campaignId, "unique-displayed");
        Assert.Equal(3, uniques.Sum("unique-displayed"));
    }

    [Fact]
    public async Task The_date_range_selects_whole_UTC_days()
    {
        var (appId, campaignId) = await TriggeredAsync("player-1");
        var now = DateTimeOffset.UtcNow;
        await _device.PutBatchAsync(appId,
            ("player-1", NewEventId(), InApp(Displayed, campaignId, at: now.AddDays(-1))),
            ("player-1", NewEventId(), InApp(Displayed, campaignId, at: now)));
        await host.EventsHandledAsync();

        var startOfToday = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var path = $"/v1/apps/{appId}/campaigns/{campaignId}/kpis/daterange/displayed"
            + $"?start-time={Uri.EscapeDataString(Iso(startOfToday))}&end-time={Uri.EscapeDataString(Iso(startOfToday.AddHours(1)))}";
        var reply = await Expect(HttpStatusCode.OK, Api.SendAsync(HttpMethod.Get, path));
        var row = Assert.Single(reply.Json["KpiResult"]!["Rows"]!.AsArray())!;
        Assert.Equal(UtcDay(now), row["GroupedBys"]![0]!["Value"]!.GetValue<string>());
        Assert.Equal("1", Assert.Single(row["Values"]!.AsArray())!["Value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_display_from_yesterday_that_arrives_after_todays_still_counts_as_yesterdays_unique_display()
    {
        var (appId, campaignId) = await TriggeredAsync("player-1");
        var now = DateTimeOffset.UtcNow;

        // SQS does not keep order: a retried event from yesterday can be handled after today's.
        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId, at: now));
        await host.EventsHandledAsync();
        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId, at: now.AddDays(-1)));
        await host.EventsHandledAsync();

        var kpis = await _device.KpisAsync(appId, campaignId);
        Assert.Equal((1L, 1L), (kpis.Long(UtcDay(now), "0", "displayed"), kpis.Long(UtcDay(now), "0", "unique-displayed")));
        Assert.Equal((1L, 1L), (kpis.Long(UtcDay(now.AddDays(-1)), "0", "displayed"), kpis.Long(UtcDay(now.AddDays(-1)), "0", "unique-displayed")));
    }

    [Fact]
    public async Task Unique_displays_are_counted_per_UTC_day_whatever_the_endpoints_time_zone()
    {
        var (appId, segmentId) = await Owner.AppAsync(Api);
        var campaignId = await Api.CreateCampaignAsync(appId, Owner.Campaign(segmentId, "Metrics", Owner.Limits(total: 10)));
        var endpoint = Bodies.Endpoint("gold");
        endpoint["Demographic"]!["Timezone"] = "Pacific/Kiritimati";
        await Api.UpdateEndpointAsync(appId, "player-1", endpoint);
        await _device.PutEventAsync(appId, "player-1", Bodies.MatchingEvent());
        await Api.EventuallyShownAsync(appId, "player-1", campaignId);
        // Kiritimati's midnight is 10:00 UTC: a minute either side is one UTC day but two Kiritimati days.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati");
        var localToday = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date;
        var localMidnight = new DateTimeOffset(localToday, zone.GetUtcOffset(localToday));

        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId, at: localMidnight.AddMinutes(-1)));
        await host.EventsHandledAsync();
        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId, at: localMidnight.AddMinutes(1)));
        await host.EventsHandledAsync();

        var kpis = await _device.KpisAsync(appId, campaignId);
        var utcDay = UtcDay(localMidnight);
        Assert.Equal((2L, 1L), (kpis.Long(utcDay, "0", "displayed"), kpis.Long(utcDay, "0", "unique-displayed")));
    }

    [Fact]
    public async Task Wrong_KPI_requests_are_BadRequest_or_NotFound()
    {
        var (appId, campaignId) = await TriggeredAsync();
        var base_ = $"/v1/apps/{appId}/campaigns/{campaignId}/kpis/daterange";
        AssertError(await Api.SendAsync(HttpMethod.Get, $"{base_}/sessions"), HttpStatusCode.BadRequest, "BadRequestException");
        AssertError(await Api.SendAsync(HttpMethod.Get, $"{base_}/displayed?start-time=yesterday"), HttpStatusCode.BadRequest, "BadRequestException");
        var now = DateTimeOffset.UtcNow;
        AssertError(await Api.SendAsync(HttpMethod.Get,
            $"{base_}/displayed?start-time={Uri.EscapeDataString(Iso(now))}&end-time={Uri.EscapeDataString(Iso(now.AddDays(-1)))}"),
            HttpStatusCode.BadRequest, "BadRequestException");
        AssertError(await Api.SendAsync(HttpMethod.Get, $"/v1/apps/{appId}/campaigns/{new string('0', 32)}/kpis/daterange/displayed"),
            HttpStatusCode.NotFound, "NotFoundException");
    }

    private static string Describe(Dictionary<string, string> row) => string.Join(' ', AllKpis.Select(k => $"{k}={row.GetValueOrDefault(k)}"));
}
