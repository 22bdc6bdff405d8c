using System.Net;
using System.Text.Json.Nodes;
using ServerlessInApp.IntegrationTests.Fixtures;
using static ServerlessInApp.IntegrationTests.Http.PinpointClient;

namespace ServerlessInApp.IntegrationTests.Http;

/// <summary>
/// Owner sets up app, template, segment and campaign; a device registers, posts events and fetches its messages; all
/// through the local host's HTTP API, the events queue and the trigger function. Each test uses an app of its own.
/// </summary>
[Collection("emulators")]
public sealed class InAppMessagingFlowTests(ProductHost host) : IClassFixture<ProductHost>
{
    private readonly PinpointClient _api = new(host.Http);

    private async Task<(string AppId, string CampaignId)> AppWithCampaignAsync(string endpointId, string plan = "gold")
    {
        var appId = await _api.CreateAppAsync();
        var segmentId = await _api.CreateSegmentAsync(appId, Bodies.GoldIosSegment());
        var campaignId = await _api.CreateCampaignAsync(appId, Bodies.Campaign(segmentId, "Level 10!"));
        await _api.UpdateEndpointAsync(appId, endpointId, Bodies.Endpoint(plan));
        return (appId, campaignId);
    }

    [Fact]
    public async Task Matching_event_entitles_the_endpoint_and_GetInAppMessages_returns_the_campaign_in_Pinpoints_shape()
    {
        var appId = await _api.CreateAppAsync();
        var templateName = "reward-" + Guid.NewGuid().ToString("N")[..8];
        await _api.CreateTemplateAsync(templateName, Bodies.Template("Level 10!"));
        var segmentId = await _api.CreateSegmentAsync(appId, Bodies.GoldIosSegment());
        var campaignId = await _api.CreateCampaignAsync(appId, Bodies.TemplateCampaign(segmentId, templateName));
        await _api.UpdateEndpointAsync(appId, "player-1", Bodies.Endpoint("gold"));
        Assert.Empty(await _api.GetInAppMessagesAsync(appId, "player-1"));

        await _api.PutEventAsync(appId, "player-1", Bodies.MatchingEvent());

        var campaign = Assert.Single(await _api.EventuallyShownAsync(appId, "player-1", campaignId))!.AsObject();
        Assert.Equal(
            ["CampaignId", "DailyCap", "InAppMessage", "Priority", "Schedule", "SessionCap", "TotalCap", "TreatmentId"],
            campaign.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(1, campaign["Priority"]!.GetValue<int>());
        Assert.Equal((2, 1, 5), (campaign["DailyCap"]!.GetValue<int>(), campaign["SessionCap"]!.GetValue<int>(), campaign["TotalCap"]!.GetValue<int>()));
        Assert.Equal("0", campaign["TreatmentId"]!.GetValue<string>());
        var message = campaign["InAppMessage"]!;
        Assert.Equal("MIDDLE_BANNER", message["Layout"]!.GetValue<string>());
        Assert.Equal("gold-100", message["CustomConfig"]!["reward"]!.GetValue<string>());
        var content = Assert.Single(message["Content"]!.AsArray())!;
        Assert.Equal("Level 10!", content["HeaderConfig"]!["Header"]!.GetValue<string>());
        Assert.Equal("mygame://rewards", content["PrimaryBtn"]!["DefaultConfig"]!["Link"]!.GetValue<string>());
        var schedule = campaign["Schedule"]!;
        Assert.True(DateTimeOffset.TryParse(schedule["EndDate"]!.GetValue<string>(), out _));
        Assert.Equal(Bodies.TriggerEvent, schedule["EventFilter"]!["Dimensions"]!["EventType"]!["Values"]![0]!.GetValue<string>());

        var endpoint = await Expect(HttpStatusCode.OK, _api.SendAsync(HttpMethod.Get, $"/v1/apps/{appId}/endpoints/player-1"));
        Assert.Equal("gold", endpoint.Json["Attributes"]!["plan"]![0]!.GetValue<string>());
        Assert.Equal("IN_APP", endpoint.Json["ChannelType"]!.GetValue<string>());
    }

    public static TheoryData<string> NonMatchingCases => new()
    {
        "another event type",
        "attribute outside the INCLUSIVE values",
        "metric failing the operator",
        "endpoint outside the segment",
    };

    [Theory]
    [MemberData(nameof(NonMatchingCases))]
    public async Task Event_that_does_not_match_entitles_nothing(string mismatch)
    {
        var (appId, campaignId) = await AppWithCampaignAsync("player-1", plan: mismatch == "endpoint outside the segment" ? "free" : "gold");
        var @event = mismatch switch
        {
            "another event type" => Bodies.Event("level_lost", mode: "ranked", level: 10),
            "attribute outside the INCLUSIVE values" => Bodies.Event(Bodies.TriggerEvent, mode: "tutorial", level: 10),
            "metric failing the operator" => Bodies.Event(Bodies.TriggerEvent, mode: "ranked", level: 9.5),
            _ => Bodies.MatchingEvent(),
        };

        await _api.PutEventAsync(appId, "player-1", @event);
        await host.EventsHandledAsync();

        Assert.Empty(await _api.GetInAppMessagesAsync(appId, "player-1"));

        // The same set-up does show the campaign once event and endpoint match: the empty answer above was a decision.
        await _api.UpdateEndpointAsync(appId, "player-1", Bodies.Endpoint("gold"));
        await _api.PutEventAsync(appId, "player-1", Bodies.MatchingEvent());
        await _api.EventuallyShownAsync(appId, "player-1", campaignId);
    }

    [Fact]
    public async Task Paused_campaign_is_gone_from_the_next_fetch_and_back_once_unpaused()
    {
        var (appId, campaignId) = await AppWithCampaignAsync("player-1");
        await _api.PutEventAsync(appId, "player-1", Bodies.MatchingEvent());
        await _api.EventuallyShownAsync(appId, "player-1", campaignId);

        var paused = await _api.UpdateCampaignAsync(appId, campaignId, new JsonObject { ["IsPaused"] = true });
        Assert.True(paused.Json["IsPaused"]!.GetValue<bool>());
        Assert.Equal("PAUSED", paused.Json["State"]!["CampaignStatus"]!.GetValue<string>());
        Assert.Empty(await _api.GetInAppMessagesAsync(appId, "player-1"));

        await _api.UpdateCampaignAsync(appId, campaignId, new JsonObject { ["IsPaused"] = false });
        Assert.Equal([campaignId], CampaignIds(await _api.GetInAppMessagesAsync(appId, "player-1")));
    }

    [Fact]
    public async Task Deleted_campaign_is_no_longer_served()
    {
        var (appId, campaignId) = await AppWithCampaignAsync("player-1");
        await _api.PutEventAsync(appId, "player-1", Bodies.MatchingEvent());
        await _api.EventuallyShownAsync(appId, "player-1", campaignId);

        await Expect(HttpStatusCode.OK, _api.SendAsync(HttpMethod.Delete, $"/v1/apps/{appId}/campaigns/{campaignId}"));

        Assert.Empty(await _api.GetInAppMessagesAsync(appId, "player-1"));
        AssertError(await _api.SendAsync(HttpMethod.Get, $"/v1/apps/{appId}/campaigns/{campaignId}"), HttpStatusCode.NotFound, "NotFoundException");
    }

    [Fact]
    public async Task A_deleted_app_answers_404_to_its_devices_even_after_showing_them_messages()
    {
        var (appId, campaignId) = await AppWithCampaignAsync("player-1");
        await _api.PutEventAsync(appId, "player-1", Bodies.MatchingEvent());
        await _api.EventuallyShownAsync(appId, "player-1", campaignId);

        await Expect(HttpStatusCode.OK, _api.SendAsync(HttpMethod.Delete, $"/v1/apps/{appId}"));

        AssertError(await _api.SendAsync(HttpMethod.Get, $"/v1/apps/{appId}/endpoints/player-1/inappmessages"), HttpStatusCode.NotFound, "NotFoundException");
        AssertError(await _api.PostAsync($"/v1/apps/{appId}/events", Bodies.Events("player-1", ("e2", Bodies.MatchingEvent()))), HttpStatusCode.NotFound, "NotFoundException");
        AssertError(await _api.SendAsync(HttpMethod.Get, $"/v1/apps/{appId}/campaigns/{campaignId}"), HttpStatusCode.NotFound, "NotFoundException");
    }

    [Fact]
    public async Task Campaigns_come_priority_one_first_then_the_one_that_ends_first()
    {
        var appId = await _api.CreateAppAsync();
        var segmentId = await _api.CreateSegmentAsync(appId, Bodies.EveryoneSegment());
        var secondPriority = await _api.CreateCampaignAsync(appId, Bodies.Campaign(segmentId, "P2 ends first", priority: 2, endsInDays: 5));
        var firstPriorityEndsLater = await _api.CreateCampaignAsync(appId, Bodies.Campaign(segmentId, "P1 ends later", priority: 1, endsInDays: 20));
        var firstPriorityEndsSooner = await _api.CreateCampaignAsync(appId, Bodies.Campaign(segmentId, "P1 ends sooner", priority: 1, endsInDays: 10));

        await _api.PutEventAsync(appId, "player-1", Bodies.MatchingEvent());

        await _api.EventuallyShownAsync(appId, "player-1", firstPriorityEndsSooner, firstPriorityEndsLater, secondPriority);
    }

    [Fact]
    public async Task Updated_campaign_is_served_with_its_new_content()
    {
        var (appId, campaignId) = await AppWithCampaignAsync("player-1");
        await _api.PutEventAsync(appId, "player-1", Bodies.MatchingEvent());
        await _api.EventuallyShownAsync(appId, "player-1", campaignId);

        var updated = await _api.UpdateCampaignAsync(appId, campaignId, new JsonObject
        {
            ["MessageConfiguration"] = new JsonObject
            {
                ["InAppMessage"] = new JsonObject { ["Layout"] = "BOTTOM_BANNER", ["Content"] = new JsonArray(Bodies.Content("Double gold today")) },
            },
        });
        Assert.Equal(2, updated.Json["Version"]!.GetValue<int>());

        var message = Assert.Single(await _api.GetInAppMessagesAsync(appId, "player-1"))!["InAppMessage"]!;
        Assert.Equal("BOTTOM_BANNER", message["Layout"]!.GetValue<string>());
        Assert.Equal("Double gold today", message["Content"]![0]!["HeaderConfig"]!["Header"]!.GetValue<string>());
    }
}
