using System.Net;
using System.Text.Json.Nodes;
using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.Storage;
using static ServerlessInApp.IntegrationTests.Http.PinpointClient;

namespace ServerlessInApp.IntegrationTests.Http;

/// <summary>Every client mistake is a 4xx in Pinpoint's error shape and changes nothing.</summary>
[Collection("emulators")]
public sealed class ErrorResponseTests(ProductHost host) : IClassFixture<ProductHost>
{
    private const string MissingApp = "0123456789abcdef0123456789abcdef";

    private readonly PinpointClient _api = new(host.Http);

    public static TheoryData<string, string, string?> RoutesOfAMissingApp => new()
    {
        { "GET", "/v1/apps/{app}", null },
        { "DELETE", "/v1/apps/{app}", null },
        { "PUT", "/v1/apps/{app}/endpoints/player-1", """{"ChannelType":"IN_APP"}""" },
        { "GET", "/v1/apps/{app}/endpoints/player-1", null },
        { "DELETE", "/v1/apps/{app}/endpoints/player-1", null },
        { "POST", "/v1/apps/{app}/events", """{"BatchItem":{"player-1":{"Endpoint":{},"Events":{"e1":{"EventType":"level_reached","Timestamp":"2030-01-01T00:00:00.000Z"}}}}}""" },
        { "GET", "/v1/apps/{app}/endpoints/player-1/inappmessages", null },
        { "POST", "/v1/apps/{app}/segments", """{"Name":"everyone"}""" },
        { "GET", "/v1/apps/{app}/segments/s1", null },
        { "PUT", "/v1/apps/{app}/segments/s1", """{"Name":"everyone"}""" },
        { "DELETE", "/v1/apps/{app}/segments/s1", null },
        { "POST", "/v1/apps/{app}/campaigns", "{campaign}" },
        { "GET", "/v1/apps/{app}/campaigns", null },
        { "GET", "/v1/apps/{app}/campaigns/c1", null },
        { "PUT", "/v1/apps/{app}/campaigns/c1", """{"IsPaused":true}""" },
        { "DELETE", "/v1/apps/{app}/campaigns/c1", null },
        { "GET", "/v1/templates/missing-template/inapp", null },
        { "PUT", "/v1/templates/missing-template/inapp", "{template}" },
        { "DELETE", "/v1/templates/missing-template/inapp", null },
        { "GET", "/v1/templates/missing-template/INAPP/versions", null },
        { "PUT", "/v1/templates/missing-template/INAPP/active-version", """{"Version":"1"}""" },
    };

    [Theory]
    [MemberData(nameof(RoutesOfAMissingApp))]
    public async Task Routes_of_a_missing_app_or_template_answer_404_NotFoundException(string method, string path, string? body)
    {
        body = body?.Replace("{campaign}", Bodies.Campaign("s1", "Hello").ToJsonString()).Replace("{template}", Bodies.Template("Hello").ToJsonString());

        var reply = await _api.SendAsync(new HttpMethod(method), path.Replace("{app}", MissingApp), body);

        AssertError(reply, HttpStatusCode.NotFound, "NotFoundException");
    }

    public static TheoryData<string, string, string?, string> Mistakes => new()
    {
        { "POST", "/v1/apps/{app}/campaigns", """{"Name":"x","Priority":"high"}""", "Priority has the wrong type" },
        { "POST", "/v1/apps/{app}/campaigns", """{"Name":""", "not valid JSON" },
        { "POST", "/v1/apps/{app}/campaigns", null, "request body is required" },
        { "POST", "/v1/apps/{app}/campaigns", """{"Name":"x","SegmentId":"{segment}","Priority":9}""", "Priority" },
        { "PUT", "/v1/apps/{app}/campaigns/{campaign}", """{"IsPaused":"yes"}""", "IsPaused has the wrong type" },
        { "PUT", "/v1/apps/{app}/campaigns/{campaign}", """{"Schedule":{"EndTime":5}}""", "Schedule.EndTime has the wrong type" },
        { "PUT", "/v1/apps/{app}/campaigns/{campaign}", """{"Priority":0}""", "Priority" },
        { "PUT", "/v1/apps/{app}/campaigns/{campaign}", "", "request body is required" },
        { "POST", "/v1/apps/{app}/segments", """{"Name":"s","Dimensions":{"Attributes":{"plan":{"Values":"gold"}}}}""", "Dimensions.Attributes.plan.Values has the wrong type" },
        { "POST", "/v1/apps/{app}/segments", """{"Name":"a","Name":"b"}""", "Name is given more than once" },
        { "PUT", "/v1/apps/{app}/segments/{segment}", """{"Name":7}""", "Name has the wrong type" },
        { "PUT", "/v1/apps/{app}/endpoints/player-1", """{"Attributes":{"plan":"gold"}}""", "Attributes.plan has the wrong type" },
        { "PUT", "/v1/apps/{app}/endpoints/player-1", """{"Metrics":{"level":"ten"}}""", "Metrics.level has the wrong type" },
        { "PUT", "/v1/apps/{app}/endpoints/player-1", """{"ChannelType":"CARRIER_PIGEON"}""", "ChannelType" },
        { "POST", "/v1/apps/{app}/events", """{"BatchItem":{"player-1":{"Endpoint":{"Attributes":{"plan":["free"]}},"Events":{"e1":{"EventType":"x","Timestamp":"2030-01-01T00:00:00.000Z","Metrics":{"level":"high"}}}}}}""", "BatchItem.player-1.Events.e1.Metrics.level has the wrong type" },
        { "POST", "/v1/apps/{app}/events", """{"BatchItem":{}}""", "BatchItem" },
        { "POST", "/v1/apps/{app}/events", null, "request body is required" },
        { "PUT", "/v1/apps/{app}/endpoints/player-1", "[]", "JSON object" },
        { "POST", "/v1/apps/{app}/campaigns", "\"hello\"", "JSON object" },
        { "POST", "/v1/apps/{app}/segments", "null", "JSON object" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_malformed_or_invalid_request_is_a_400_BadRequestException_naming_the_field_and_changes_nothing(
        string method, string path, string? body, string expected)
    {
        var appId = await _api.CreateAppAsync();
        var segmentId = await _api.CreateSegmentAsync(appId, Bodies.EveryoneSegment());
        var campaignId = await _api.CreateCampaignAsync(appId, Bodies.Campaign(segmentId, "Hello"));
        await _api.UpdateEndpointAsync(appId, "player-1", Bodies.Endpoint("gold"));
        string Fill(string text) => text.Replace("{app}", appId).Replace("{segment}", segmentId).Replace("{campaign}", campaignId);
        var before = await SnapshotAsync(appId);

        var reply = await _api.SendAsync(new HttpMethod(method), Fill(path), body is null ? null : Fill(body));

        var message = AssertError(reply, HttpStatusCode.BadRequest, "BadRequestException");
        Assert.Contains(expected, message);
        Assert.DoesNotContain("ServerlessInApp.", message);
        Assert.DoesNotContain("System.", message);
        Assert.Equal(before, await SnapshotAsync(appId));
    }

    [Theory]
    [InlineData("GET", "/v1/nothing")]
    [InlineData("POST", "/v2/apps")]
    [InlineData("GET", "/v1/apps/{app}/endpoints")]
    [InlineData("GET", "/v1/apps/{app}/campaigns/c1/versions")]
    public async Task An_unknown_route_answers_404_NotFoundException(string method, string path)
    {
        var reply = await _api.SendAsync(new HttpMethod(method), path.Replace("{app}", MissingApp));

        AssertError(reply, HttpStatusCode.NotFound, "NotFoundException");
    }

    [Theory]
    [InlineData("PATCH", "/v1/apps/{app}")]
    [InlineData("DELETE", "/v1/apps")]
    [InlineData("POST", "/v1/apps/{app}/endpoints/player-1/inappmessages")]
    [InlineData("GET", "/v1/apps/{app}/events")]
    public async Task A_known_path_with_the_wrong_method_answers_405(string method, string path)
    {
        var reply = await _api.SendAsync(new HttpMethod(method), path.Replace("{app}", MissingApp));

        AssertError(reply, HttpStatusCode.MethodNotAllowed, "MethodNotAllowedException");
    }

    /// <summary>Every item of the app's partition and of its endpoint's partition, raw, plus the app list entry.</summary>
    private async Task<string> SnapshotAsync(string appId)
    {
        using var dynamo = host.Emulators.CreateDynamoDbClient();
        var table = host.Options.TableName;
        var items = (await RawItems.QueryAsync(dynamo, table, Keys.App(appId)))
            .Concat(await RawItems.QueryAsync(dynamo, table, Keys.Endpoint(appId, "player-1")))
            .Append(await RawItems.GetAsync(dynamo, table, Keys.AppList, Keys.AppListEntry(appId)));
        return string.Join("\n---\n", items.Select(RawItems.Describe));
    }
}
