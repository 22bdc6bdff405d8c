using System.Text;
using System.Text.Json;
using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Functions.Http;
using ServerlessInApp.Functions.Lambda;
using ServerlessInApp.Functions.Pinpoint;

namespace ServerlessInApp.Functions.Tests.Pinpoint;

/// <summary>The HTTP edge every function shares: Pinpoint's error shape, and client mistakes caught before any use case.</summary>
public sealed class HttpExchangeTests
{
    private static HttpApiRequest Request(string routeKey, Dictionary<string, string>? path = null, string? body = null,
        Dictionary<string, string>? query = null) => new()
    {
        Version = "2.0",
        RouteKey = routeKey,
        RawPath = "/test",
        PathParameters = path,
        QueryStringParameters = query,
        Body = body,
        RequestContext = new HttpApiRequestContext
        {
            RequestId = "req-123",
            Http = new HttpApiRequestHttp { Method = routeKey.Split(' ')[0] },
        },
    };

    private static async Task<(HttpApiResponse Response, bool RouteCalled)> Invoke(HttpApiRequest request)
    {
        var called = false;
        var input = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(request, LambdaJsonContext.Default.HttpApiRequest));
        var output = await HttpExchange.HandleAsync(input, r =>
        {
            called = true;
            return Task.FromResult(HttpExchange.Message(r, 200, "ok"));
        });
        return ((await JsonSerializer.DeserializeAsync(output, LambdaJsonContext.Default.HttpApiResponse))!, called);
    }

    [Fact]
    public void ErrorCarriesTheExceptionNameTheRequestIdAndAPinpointBody()
    {
        var response = HttpExchange.Error(Request("GET /v1/apps/{ApplicationId}"), Core.Outcomes.ErrorKind.NotFound, "Application 'x' does not exist.");

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("NotFoundException", response.Headers![PinpointHeaders.ErrorType]);
        Assert.Equal("req-123", response.Headers[PinpointHeaders.RequestId]);
        Assert.Equal("application/json", response.Headers[PinpointHeaders.ContentType]);
        var body = JsonDocument.Parse(response.Body!).RootElement;
        Assert.Equal(["Message", "RequestID"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Application 'x' does not exist.", body.GetProperty("Message").GetString());
        Assert.Equal("req-123", body.GetProperty("RequestID").GetString());
    }

    [Theory]
    [InlineData(Core.Outcomes.ErrorKind.BadRequest, 400, "BadRequestException")]
    [InlineData(Core.Outcomes.ErrorKind.NotFound, 404, "NotFoundException")]
    [InlineData(Core.Outcomes.ErrorKind.Conflict, 409, "ConflictException")]
    [InlineData(Core.Outcomes.ErrorKind.PayloadTooLarge, 413, "PayloadTooLargeException")]
    public void EachClientMistakeMapsToPinpointsExceptionAndStatus(Core.Outcomes.ErrorKind kind, int status, string type)
    {
        Assert.Equal((status, type), PinpointErrors.For(kind));
    }

    [Theory]
    [InlineData("ApplicationId", "app$1")]
    [InlineData("CampaignId", "{id}")]
    [InlineData("EndpointId", "ep\u0001")]
    [InlineData("TemplateName", "bad name")]
    [InlineData("TemplateName", "-starts-with-dash")]
    public async Task AnIdNoStoreCouldHoldIsA400NamingTheParameterAndNeverReachesTheUseCase(string parameter, string value)
    {
        var (response, called) = await Invoke(Request("GET /x", new Dictionary<string, string> { [parameter] = value }));

        Assert.False(called);
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("BadRequestException", response.Headers![PinpointHeaders.ErrorType]);
        Assert.Contains(parameter, JsonDocument.Parse(response.Body!).RootElement.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task AnIdLongerThanAKeyAllowsIsRejected()
    {
        var (response, called) = await Invoke(Request("GET /x", new Dictionary<string, string> { ["EndpointId"] = new string('e', 3000) }));

        Assert.False(called);
        Assert.Equal(400, response.StatusCode);
    }

    [Fact]
    public async Task AnOversizedQueryValueIsRejected()
    {
        var (response, called) = await Invoke(Request("GET /v1/apps", query: new Dictionary<string, string> { ["token"] = new string('t', 5000) }));

        Assert.False(called);
        Assert.Equal(400, response.StatusCode);
        Assert.Contains("token", response.Body);
    }

    [Fact]
    public async Task AnEncodedSlashInsideAnIdIsAllowed()
    {
        var (response, called) = await Invoke(Request("GET /x", new Dictionary<string, string> { ["EndpointId"] = "ep 1/x" }));

        Assert.True(called);
        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task AnUnexpectedFailureIsALogged500WithPinpointsShape()
    {
        var input = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(Request("GET /v1/apps"), LambdaJsonContext.Default.HttpApiRequest));
        var output = await HttpExchange.HandleAsync(input, _ => throw new InvalidOperationException("bug"));
        var response = (await JsonSerializer.DeserializeAsync(output, LambdaJsonContext.Default.HttpApiResponse))!;

        Assert.Equal(500, response.StatusCode);
        Assert.Equal("InternalServerErrorException", response.Headers![PinpointHeaders.ErrorType]);
        Assert.DoesNotContain("bug", response.Body);
    }

    [Theory]
    [InlineData(null, "request body is required")]
    [InlineData("   ", "request body is required")]
    [InlineData("{\"Priority\":", "not valid JSON")]
    [InlineData("null", "not null")]
    [InlineData("{\"Priority\":\"high\"}", "Priority has the wrong type")]
    [InlineData("{\"Schedule\":{\"StartTime\":5}}", "Schedule.StartTime has the wrong type")]
    [InlineData("{\"Name\":\"a\",\"Name\":\"b\"}", "Name is given more than once")]
    public void AMalformedBodyIsABadRequestThatSaysWhatIsWrong(string? body, string expected)
    {
        var ok = HttpExchange.TryReadBody(Request("POST /v1/apps/{ApplicationId}/campaigns", body: body),
            PinpointJsonContext.Default.CampaignDefinition, out _, out var error);

        Assert.False(ok);
        Assert.Equal(400, error!.StatusCode);
        Assert.Equal("BadRequestException", error.Headers![PinpointHeaders.ErrorType]);
        Assert.Contains(expected, JsonDocument.Parse(error.Body!).RootElement.GetProperty("Message").GetString());
    }

    [Fact]
    public void ABodyOverTheLimitIsPayloadTooLarge()
    {
        var body = "{\"Name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
        var ok = HttpExchange.TryReadBody(Request("POST /v1/apps", body: body), PinpointJsonContext.Default.CampaignDefinition,
            out _, out var error, maxBytes: 1024 * 1024);

        Assert.False(ok);
        Assert.Equal(413, error!.StatusCode);
        Assert.Equal("PayloadTooLargeException", error.Headers![PinpointHeaders.ErrorType]);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'N', (byte)'a', (byte)'m', (byte)'e', (byte)'"', (byte)':', (byte)'"', 0xE9, (byte)'"', (byte)'}' })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'N', (byte)'a', (byte)'m', (byte)'e', (byte)'"', (byte)':', (byte)'"', 0xC0, 0xBC, (byte)'"', (byte)'}' })]
    public void ABase64BodyThatIsNotUtf8IsABadRequestNotTextWithReplacementCharacters(byte[] bytes)
    {
        var request = Request("POST /v1/apps", body: Convert.ToBase64String(bytes)) with { IsBase64Encoded = true };

        var ok = HttpExchange.TryReadBody(request, PinpointJsonContext.Default.CreateApplicationRequest, out _, out var error);

        Assert.False(ok);
        Assert.Equal(400, error!.StatusCode);
        Assert.Contains("not valid UTF-8", JsonDocument.Parse(error.Body!).RootElement.GetProperty("Message").GetString());
    }

    [Fact]
    public void MemberNamesAreCaseSensitiveSoAMisspelledMemberIsNotTakenForAnother()
    {
        var ok = HttpExchange.TryReadBody(Request("POST /x", body: "{\"priority\":3,\"Name\":\"n\"}"),
            PinpointJsonContext.Default.CampaignDefinition, out var body, out _);

        Assert.True(ok);
        Assert.Null(body!.Priority);
        Assert.Equal("n", body.Name);
    }

    [Fact]
    public void TagsAreLowerCaseOnTheWireAndIOSKeepsItsCapitals()
    {
        var json = """{"Name":"c","tags":{"team":"growth"},"MessageConfiguration":{"InAppMessage":{"Layout":"TOP_BANNER","Content":[{"PrimaryBtn":{"IOS":{"ButtonAction":"DEEP_LINK","Link":"app://x"}}}]}}}""";
        var ok = HttpExchange.TryReadBody(Request("POST /x", body: json), PinpointJsonContext.Default.CampaignDefinition, out var body, out _);

        Assert.True(ok);
        Assert.Equal("growth", body!.Tags!["team"]);
        Assert.Equal("app://x", body.MessageConfiguration!.InAppMessage!.Content![0].PrimaryBtn!.IOS!.Link);
        var written = JsonSerializer.Serialize(body, PinpointJsonContext.Default.CampaignDefinition);
        Assert.Contains("\"tags\":", written);
        Assert.Contains("\"IOS\":", written);
        Assert.DoesNotContain("\"Tags\":", written);
    }
}
