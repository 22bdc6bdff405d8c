using System.Net;
using System.Text.Json.Nodes;
using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.IntegrationTests.Http;
using ServerlessInApp.Storage;
using static ServerlessInApp.IntegrationTests.CampaignSemantics.Device;
using static ServerlessInApp.IntegrationTests.Http.PinpointClient;

namespace ServerlessInApp.IntegrationTests.CampaignSemantics;

/// <summary>What pausing, updating and deleting do to entitlements and display counts already stored.</summary>
[Collection("emulators")]
public sealed class LifecycleTests(ProductHost host) : IClassFixture<ProductHost>
{
    private readonly Device _device = new(host);
    private PinpointClient Api => _device.Api;

    private async Task<(string AppId, string CampaignId)> TriggeredAsync(JsonObject limits)
    {
        var (appId, segmentId) = await Owner.AppAsync(Api);
        var campaignId = await Api.CreateCampaignAsync(appId, Owner.Campaign(segmentId, "Level 10!", limits));
        await _device.PutEventAsync(appId, "player-1", Bodies.MatchingEvent());
        await Api.EventuallyShownAsync(appId, "player-1", campaignId);
        return (appId, campaignId);
    }

    [Fact]
    public async Task A_paused_campaign_is_gone_from_the_next_fetch_and_comes_back_with_its_counts_once_resumed()
    {
        var (appId, campaignId) = await TriggeredAsync(Owner.Limits(total: 3));
        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId));
        await host.EventsHandledAsync();

        var paused = await Api.UpdateCampaignAsync(appId, campaignId, new JsonObject { ["IsPaused"] = true });
        Assert.Equal("PAUSED", paused.Json["State"]!["CampaignStatus"]!.GetValue<string>());
        Assert.Empty(await Api.GetInAppMessagesAsync(appId, "player-1"));
        // A device that still shows it while paused (it fetched before the pause): the display counts all the same.
        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId));
        await host.EventsHandledAsync();
        Assert.Equal(2, Number(await _device.CounterAsync(appId, "player-1", campaignId), "Total"));

        await Api.UpdateCampaignAsync(appId, campaignId, new JsonObject { ["IsPaused"] = false });
        Assert.Equal([campaignId], CampaignIds(await Api.GetInAppMessagesAsync(appId, "player-1")));
        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId));
        await Api.EventuallyShownAsync(appId, "player-1");
    }

    [Fact]
    public async Task An_update_serves_the_new_content_at_once_keeps_the_counts_and_a_higher_cap_brings_the_campaign_back()
    {
        var (appId, campaignId) = await TriggeredAsync(Owner.Limits(total: 1));
        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId));
        await Api.EventuallyShownAsync(appId, "player-1");

        // New content alone: the endpoint has used its one display, so still nothing.
        await Api.UpdateCampaignAsync(appId, campaignId, new JsonObject
        {
            ["MessageConfiguration"] = new JsonObject
            {
                ["InAppMessage"] = new JsonObject { ["Layout"] = "BOTTOM_BANNER", ["Content"] = new JsonArray(Bodies.Content("Double gold today")) },
            },
        });
        Assert.Empty(await Api.GetInAppMessagesAsync(appId, "player-1"));

        var updated = await Api.UpdateCampaignAsync(appId, campaignId, new JsonObject { ["Limits"] = Owner.Limits(total: 2) });
        Assert.Equal(3, updated.Json["Version"]!.GetValue<int>());
        var campaign = Assert.Single(await Api.GetInAppMessagesAsync(appId, "player-1"));
        Assert.Equal("Double gold today", Owner.Header(campaign));
        Assert.Equal("BOTTOM_BANNER", campaign!["InAppMessage"]!["Layout"]!.GetValue<string>());
        Assert.Equal(2, campaign["TotalCap"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_deleted_campaign_is_not_served_and_its_display_events_are_dropped()
    {
        var (appId, campaignId) = await TriggeredAsync(Owner.Limits(total: 5));
        await Expect(HttpStatusCode.OK, Api.SendAsync(HttpMethod.Delete, $"/v1/apps/{appId}/campaigns/{campaignId}"));
        Assert.Empty(await Api.GetInAppMessagesAsync(appId, "player-1"));

        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId));
        await host.EventsHandledAsync();
        Assert.Null(await _device.CounterAsync(appId, "player-1", campaignId));
        await AssertNothingDeadLetteredAsync();
    }

    [Fact]
    public async Task An_entitlement_lasts_MaximumDuration_seconds_after_its_trigger_or_until_the_campaign_ends()
    {
        var (appId, segmentId) = await Owner.AppAsync(Api);
        var windowed = Owner.Campaign(segmentId, "One minute", Owner.Limits(total: 5), priority: 1);
        windowed["Limits"]!["MaximumDuration"] = 60;
        var windowedId = await Api.CreateCampaignAsync(appId, windowed);
        var endsSoon = Owner.Campaign(segmentId, "Ends in two days", Owner.Limits(total: 5), priority: 2);
        var end = DateTimeOffset.UtcNow.AddDays(2);
        endsSoon["Schedule"]!["EndTime"] = Iso(end);
        var endsSoonId = await Api.CreateCampaignAsync(appId, endsSoon);

        // A trigger from two minutes ago: its one-minute window is over, so only the other campaign is granted.
        var old = Bodies.MatchingEvent();
        var triggeredAt = DateTimeOffset.UtcNow.AddMinutes(-2);
        old["Timestamp"] = Iso(triggeredAt);
        await _device.PutEventAsync(appId, "player-1", old);
        await Api.EventuallyShownAsync(appId, "player-1", endsSoonId);
        await host.EventsHandledAsync();
        Assert.Equal([endsSoonId], CampaignIds(await Api.GetInAppMessagesAsync(appId, "player-1")));
        using var dynamo = host.Emulators.CreateDynamoDbClient();
        var entitlement = await RawItems.GetAsync(dynamo, host.Options.TableName, Keys.Endpoint(appId, "player-1"), Keys.Entitlement(endsSoonId));
        Assert.Equal(DateTimeOffset.Parse(Iso(end)).ToUnixTimeSeconds(), Number(entitlement, "ExpiresAt"));

        var fresh = Bodies.MatchingEvent();
        await _device.PutEventAsync(appId, "player-1", fresh);
        await Api.EventuallyShownAsync(appId, "player-1", windowedId, endsSoonId);
        entitlement = await RawItems.GetAsync(dynamo, host.Options.TableName, Keys.Endpoint(appId, "player-1"), Keys.Entitlement(windowedId));
        Assert.Equal(DateTimeOffset.Parse(fresh["Timestamp"]!.GetValue<string>()).AddSeconds(60).ToUnixTimeSeconds(), Number(entitlement, "ExpiresAt"));
    }

    [Fact]
    public async Task Deleting_an_endpoint_removes_its_entitlements_counters_and_session_and_it_starts_afresh()
    {
        var (appId, campaignId) = await TriggeredAsync(Owner.Limits(total: 1));
        await Api.UpdateEndpointAsync(appId, "player-1", Bodies.Endpoint("gold"));
        await _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId, session: Session.New(DateTimeOffset.UtcNow)));
        await Api.EventuallyShownAsync(appId, "player-1");
        var before = (await _device.EndpointPartitionAsync(appId, "player-1")).Select(i => i["SK"].S).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([Keys.ProfileItem, Keys.SessionItem, Keys.Displays("*"), Keys.Displays(campaignId), Keys.Entitlement(campaignId)], before);

        await Expect(HttpStatusCode.Accepted, Api.SendAsync(HttpMethod.Delete, $"/v1/apps/{appId}/endpoints/player-1"));

        Assert.Empty(await _device.EndpointPartitionAsync(appId, "player-1"));
        Assert.Empty(await Api.GetInAppMessagesAsync(appId, "player-1"));
        // A new trigger entitles it again, with no display counted against the cap.
        await _device.PutEventAsync(appId, "player-1", Bodies.MatchingEvent());
        await Api.EventuallyShownAsync(appId, "player-1", campaignId);
    }

    private async Task AssertNothingDeadLetteredAsync()
    {
        using var sqs = host.Emulators.CreateSqsClient();
        var attributes = await sqs.GetQueueAttributesAsync(host.Queues.DeadLetterQueueUrl, ["ApproximateNumberOfMessages"]);
        Assert.Equal("0", attributes.Attributes["ApproximateNumberOfMessages"]);
    }
}
