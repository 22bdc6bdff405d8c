using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ServerlessInApp.IntegrationTests.Http;

/// <summary>One HTTP answer as a client sees it: status, headers and the raw body.</summary>
public sealed record Reply(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new Xunit.Sdk.XunitException($"Body is JSON null: {Body}");

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"{(int)Status} {Body}";
}

/// <summary>
/// The Pinpoint REST routes over raw HttpClient and hand-written JSON, as any client would send them, with the few
/// calls the flow tests repeat. Every call checks what every answer must carry (a request id).
/// </summary>
public sealed class PinpointClient(HttpClient http)
{
    public async Task<Reply> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(',', h.Value), StringComparer.OrdinalIgnoreCase);
        var reply = new Reply(response.StatusCode, headers, await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(reply.Header("x-amzn-RequestId")), $"{method} {path} answered without x-amzn-RequestId: {reply}");
        return reply;
    }

    public Task<Reply> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body.ToJsonString());

    public Task<Reply> PutAsync(string path, JsonNode body) => SendAsync(HttpMethod.Put, path, body.ToJsonString());

    public async Task<string> CreateAppAsync()
    {
        var reply = await Expect(HttpStatusCode.Created, PostAsync("/v1/apps", new JsonObject { ["Name"] = "it-" + Guid.NewGuid().ToString("N")[..8] }));
        return reply.Json["Id"]!.GetValue<string>();
    }

    public async Task CreateTemplateAsync(string name, JsonObject body) =>
        await Expect(HttpStatusCode.Created, PostAsync($"/v1/templates/{name}/inapp", body));

    public async Task<string> CreateSegmentAsync(string appId, JsonObject body) =>
        (await Expect(HttpStatusCode.Created, PostAsync($"/v1/apps/{appId}/segments", body))).Json["Id"]!.GetValue<string>();

    public async Task<string> CreateCampaignAsync(string appId, JsonObject body) =>
        (await Expect(HttpStatusCode.Created, PostAsync($"/v1/apps/{appId}/campaigns", body))).Json["Id"]!.GetValue<string>();

    public Task<Reply> UpdateCampaignAsync(string appId, string campaignId, JsonObject body) =>
        Expect(HttpStatusCode.OK, PutAsync($"/v1/apps/{appId}/campaigns/{campaignId}", body));

    public Task<Reply> UpdateEndpointAsync(string appId, string endpointId, JsonObject body) =>
        Expect(HttpStatusCode.Accepted, PutAsync($"/v1/apps/{appId}/endpoints/{Uri.EscapeDataString(endpointId)}", body));

    /// <summary>PutEvents with one event for one endpoint; every status must be 202.</summary>
    public async Task PutEventAsync(string appId, string endpointId, JsonObject @event)
    {
        var reply = await Expect(HttpStatusCode.Accepted, PostAsync($"/v1/apps/{appId}/events", Bodies.Events(endpointId, ("event-" + Guid.NewGuid().ToString("N"), @event))));
        var result = reply.Json["Results"]![endpointId]!;
        Assert.Equal(202, result["EndpointItemResponse"]!["StatusCode"]!.GetValue<int>());
        Assert.All(result["EventsItemResponse"]!.AsObject(), e => Assert.Equal(202, e.Value!["StatusCode"]!.GetValue<int>()));
    }

    public async Task<JsonArray> GetInAppMessagesAsync(string appId, string endpointId)
    {
        var reply = await Expect(HttpStatusCode.OK, SendAsync(HttpMethod.Get, $"/v1/apps/{appId}/endpoints/{Uri.EscapeDataString(endpointId)}/inappmessages"));
        return reply.Json["InAppMessageCampaigns"]!.AsArray();
    }

    public static IReadOnlyList<string> CampaignIds(JsonArray campaigns) =>
        campaigns.Select(c => c!["CampaignId"]!.GetValue<string>()).ToList();

    /// <summary>Polls GetInAppMessages until it lists exactly <paramref name="campaignIds"/>, in that order.</summary>
    public Task<JsonArray> EventuallyShownAsync(string appId, string endpointId, params string[] campaignIds) =>
        Fixtures.Poll.UntilAsync(
            () => GetInAppMessagesAsync(appId, endpointId),
            campaigns => CampaignIds(campaigns).SequenceEqual(campaignIds),
            $"GetInAppMessages of {endpointId} to list [{string.Join(", ", campaignIds)}]");

    public static async Task<Reply> Expect(HttpStatusCode status, Task<Reply> call)
    {
        var reply = await call;
        Assert.True(reply.Status == status, $"Expected {(int)status}, got {reply}");
        return reply;
    }

    /// <summary>Pinpoint's error: the status, x-amzn-ErrorType, and a body of exactly Message and RequestID (the header's id).</summary>
    public static string AssertError(Reply reply, HttpStatusCode status, string errorType)
    {
        Assert.True(reply.Status == status, $"Expected {(int)status} {errorType}, got {reply}");
        Assert.Equal(errorType, reply.Header("x-amzn-ErrorType"));
        Assert.StartsWith("application/json", reply.Header("Content-Type"));
        var body = reply.Json.AsObject();
        Assert.Equal(["Message", "RequestID"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(reply.Header("x-amzn-RequestId"), body["RequestID"]!.GetValue<string>());
        var message = body["Message"]!.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message;
    }

    public static string Now() => Iso(DateTimeOffset.UtcNow);

    public static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
