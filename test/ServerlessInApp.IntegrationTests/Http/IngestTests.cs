using System.Net;
using System.Text.Json.Nodes;
using ServerlessInApp.IntegrationTests.Fixtures;
using static ServerlessInApp.IntegrationTests.Http.PinpointClient;

namespace ServerlessInApp.IntegrationTests.Http;

/// <summary>PutEvents and UpdateEndpoint as a device calls them, judged by what reaches the queue and the fetch.</summary>
[Collection("emulators")]
public sealed class IngestTests(ProductHost host) : IClassFixture<ProductHost>
{
    private readonly PinpointClient _api = new(host.Http);

    private async Task<(string AppId, string CampaignId)> AppWithCampaignForEveryoneAsync()
    {
        var appId = await _api.CreateAppAsync();
        var segmentId = await _api.CreateSegmentAsync(appId, Bodies.EveryoneSegment());
        return (appId, await _api.CreateCampaignAsync(appId, Bodies.Campaign(segmentId, "Level 10!")));
    }

    [Fact]
    public async Task A_batch_mixing_a_valid_and_an_invalid_event_queues_only_the_valid_one()
    {
        var (appId, campaignId) = await AppWithCampaignForEveryoneAsync();
        // Would match the campaign if it were queued: only its oversized extra attribute is wrong.
        var invalid = Bodies.MatchingEvent();
        invalid["Attributes"]!["note"] = new string('x', 201);
        var request = new JsonObject
        {
            ["BatchItem"] = new JsonObject
            {
                ["valid-device"] = new JsonObject { ["Endpoint"] = new JsonObject(), ["Events"] = new JsonObject { ["good"] = Bodies.MatchingEvent() } },
                ["invalid-device"] = new JsonObject { ["Endpoint"] = new JsonObject(), ["Events"] = new JsonObject { ["bad"] = invalid } },
            },
        };

        var reply = await Expect(HttpStatusCode.Accepted, _api.PostAsync($"/v1/apps/{appId}/events", request));

        var results = reply.Json["Results"]!;
        Assert.Equal(202, results["valid-device"]!["EndpointItemResponse"]!["StatusCode"]!.GetValue<int>());
        Assert.Equal(202, results["valid-device"]!["EventsItemResponse"]!["good"]!["StatusCode"]!.GetValue<int>());
        Assert.Equal(202, results["invalid-device"]!["EndpointItemResponse"]!["StatusCode"]!.GetValue<int>());
        var rejected = results["invalid-device"]!["EventsItemResponse"]!["bad"]!;
        Assert.Equal(400, rejected["StatusCode"]!.GetValue<int>());
        Assert.Contains("Attributes.note", rejected["Message"]!.GetValue<string>());

        await _api.EventuallyShownAsync(appId, "valid-device", campaignId);
        await host.EventsHandledAsync();
        Assert.Empty(await _api.GetInAppMessagesAsync(appId, "invalid-device"));
    }

    [Fact]
    public async Task An_event_stamped_9999_12_31_is_handled_and_does_not_take_its_neighbour_down()
    {
        // Without an end time, an entitlement lasts 30 days from its event's timestamp.
        var appId = await _api.CreateAppAsync();
        var segmentId = await _api.CreateSegmentAsync(appId, Bodies.EveryoneSegment());
        var endless = Bodies.Campaign(segmentId, "Level 10!");
        endless["Schedule"]!.AsObject().Remove("EndTime");
        var campaignId = await _api.CreateCampaignAsync(appId, endless);
        var endOfTime = Bodies.MatchingEvent();
        endOfTime["Timestamp"] = "9999-12-31T23:59:59.999Z";
        var request = new JsonObject
        {
            ["BatchItem"] = new JsonObject
            {
                ["clock-in-9999"] = new JsonObject { ["Endpoint"] = new JsonObject(), ["Events"] = new JsonObject { ["late"] = endOfTime } },
                ["neighbour"] = new JsonObject { ["Endpoint"] = new JsonObject(), ["Events"] = new JsonObject { ["now"] = Bodies.MatchingEvent() } },
            },
        };

        await Expect(HttpStatusCode.Accepted, _api.PostAsync($"/v1/apps/{appId}/events", request));

        await _api.EventuallyShownAsync(appId, "neighbour", campaignId);
        await _api.EventuallyShownAsync(appId, "clock-in-9999", campaignId);
    }

    [Fact]
    public async Task More_than_100_events_are_refused_whole_and_none_is_queued()
    {
        var (appId, campaignId) = await AppWithCampaignForEveryoneAsync();
        var events = Enumerable.Range(0, 101).Select(i => ($"event-{i}", (JsonNode)Bodies.MatchingEvent())).ToArray();

        var reply = await _api.PostAsync($"/v1/apps/{appId}/events", Bodies.Events("player-1", events));

        Assert.Contains("101", AssertError(reply, HttpStatusCode.BadRequest, "BadRequestException"));
        await host.EventsHandledAsync();
        Assert.Empty(await _api.GetInAppMessagesAsync(appId, "player-1"));

        await _api.PutEventAsync(appId, "player-1", Bodies.MatchingEvent());
        await _api.EventuallyShownAsync(appId, "player-1", campaignId);
    }

    [Fact]
    public async Task An_endpoint_id_with_an_encoded_slash_stays_one_id_from_update_to_fetch()
    {
        var (appId, campaignId) = await AppWithCampaignForEveryoneAsync();

        await Expect(HttpStatusCode.Accepted, _api.PutAsync($"/v1/apps/{appId}/endpoints/ep%2F1", Bodies.Endpoint("gold")));

        var endpoint = await Expect(HttpStatusCode.OK, _api.SendAsync(HttpMethod.Get, $"/v1/apps/{appId}/endpoints/ep%2F1"));
        Assert.Equal("ep/1", endpoint.Json["Id"]!.GetValue<string>());
        Assert.Equal("gold", endpoint.Json["Attributes"]!["plan"]![0]!.GetValue<string>());
        AssertError(await _api.SendAsync(HttpMethod.Get, $"/v1/apps/{appId}/endpoints/ep"), HttpStatusCode.NotFound, "NotFoundException");
        AssertError(await _api.SendAsync(HttpMethod.Get, $"/v1/apps/{appId}/endpoints/ep/1"), HttpStatusCode.NotFound, "NotFoundException");

        await _api.PutEventAsync(appId, "ep/1", Bodies.MatchingEvent());
        await _api.EventuallyShownAsync(appId, "ep/1", campaignId);
    }

    [Fact]
    public async Task UpdateEndpoint_merges_attributes_and_keeps_what_it_does_not_send()
    {
        var appId = await _api.CreateAppAsync();
        await _api.UpdateEndpointAsync(appId, "player-1", Bodies.Endpoint("gold"));

        await _api.UpdateEndpointAsync(appId, "player-1", new JsonObject
        {
            ["Attributes"] = new JsonObject { ["favourite"] = new JsonArray("racing", "puzzle") },
            ["Metrics"] = new JsonObject { ["level"] = 12 },
        });

        var endpoint = (await Expect(HttpStatusCode.OK, _api.SendAsync(HttpMethod.Get, $"/v1/apps/{appId}/endpoints/player-1"))).Json;
        Assert.Equal("gold", endpoint["Attributes"]!["plan"]![0]!.GetValue<string>());
        Assert.Equal(["racing", "puzzle"], endpoint["Attributes"]!["favourite"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(12, endpoint["Metrics"]!["level"]!.GetValue<double>());
        Assert.Equal("iOS", endpoint["Demographic"]!["Platform"]!.GetValue<string>());
    }
}
