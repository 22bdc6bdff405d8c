using System.Text.Json.Nodes;

namespace ServerlessInApp.IntegrationTests.Http;

/// <summary>Request bodies as an owner or a device writes them, in Pinpoint's member names.</summary>
public static class Bodies
{
    public const string TriggerEvent = "level_reached";

    public static JsonObject Content(string header) => new()
    {
        ["BackgroundColor"] = "#1B1F3B",
        ["HeaderConfig"] = new JsonObject { ["Alignment"] = "CENTER", ["Header"] = header, ["TextColor"] = "#FFD700" },
        ["BodyConfig"] = new JsonObject { ["Alignment"] = "CENTER", ["Body"] = "You earned 100 gold.", ["TextColor"] = "#FFFFFF" },
        ["PrimaryBtn"] = new JsonObject
        {
            ["DefaultConfig"] = new JsonObject { ["ButtonAction"] = "DEEP_LINK", ["Text"] = "Claim", ["Link"] = "mygame://rewards" },
        },
    };

    public static JsonObject Template(string header) => new()
    {
        ["Layout"] = "MIDDLE_BANNER",
        ["TemplateDescription"] = "integration test",
        ["CustomConfig"] = new JsonObject { ["reward"] = "gold-100" },
        ["Content"] = new JsonArray(Content(header)),
    };

    public static JsonObject EveryoneSegment() => new() { ["Name"] = "everyone" };

    /// <summary>Gold-plan endpoints on iOS: an attribute dimension and a demographic dimension.</summary>
    public static JsonObject GoldIosSegment() => new()
    {
        ["Name"] = "gold players on iOS",
        ["Dimensions"] = new JsonObject
        {
            ["Attributes"] = new JsonObject { ["plan"] = new JsonObject { ["AttributeType"] = "INCLUSIVE", ["Values"] = new JsonArray("gold") } },
            ["Demographic"] = new JsonObject { ["Platform"] = new JsonObject { ["DimensionType"] = "INCLUSIVE", ["Values"] = new JsonArray("ios") } },
        },
    };

    public static JsonObject Endpoint(string plan, string platform = "iOS") => new()
    {
        ["ChannelType"] = "IN_APP",
        ["Attributes"] = new JsonObject { ["plan"] = new JsonArray(plan) },
        ["Demographic"] = new JsonObject { ["Platform"] = platform, ["AppVersion"] = "2.1.0" },
    };

    /// <summary>
    /// An inline in-app campaign shown on level_reached with mode ranked or casual and level ≥ 10, starting now and
    /// ending <paramref name="endsInDays"/> days from now.
    /// </summary>
    public static JsonObject Campaign(string segmentId, string header, int priority = 3, int endsInDays = 30) => new()
    {
        ["Name"] = "campaign " + header,
        ["SegmentId"] = segmentId,
        ["Priority"] = priority,
        ["Limits"] = new JsonObject { ["Daily"] = 2, ["Session"] = 1, ["Total"] = 5 },
        ["MessageConfiguration"] = new JsonObject
        {
            ["InAppMessage"] = new JsonObject { ["Layout"] = "TOP_BANNER", ["Content"] = new JsonArray(Content(header)) },
        },
        ["Schedule"] = Schedule(endsInDays),
    };

    public static JsonObject TemplateCampaign(string segmentId, string templateName) => new()
    {
        ["Name"] = "template campaign",
        ["SegmentId"] = segmentId,
        ["Priority"] = 1,
        ["Limits"] = new JsonObject { ["Daily"] = 2, ["Session"] = 1, ["Total"] = 5 },
        ["TemplateConfiguration"] = new JsonObject { ["InAppTemplate"] = new JsonObject { ["Name"] = templateName } },
        ["Schedule"] = Schedule(30),
    };

    private static JsonObject Schedule(int endsInDays) => new()
    {
        ["StartTime"] = "IMMEDIATE",
        ["EndTime"] = PinpointClient.Iso(DateTimeOffset.UtcNow.AddDays(endsInDays)),
        ["Frequency"] = "IN_APP_EVENT",
        ["EventFilter"] = new JsonObject
        {
            ["FilterType"] = "ENDPOINT",
            ["Dimensions"] = new JsonObject
            {
                ["EventType"] = new JsonObject { ["DimensionType"] = "INCLUSIVE", ["Values"] = new JsonArray(TriggerEvent) },
                ["Attributes"] = new JsonObject { ["mode"] = new JsonObject { ["AttributeType"] = "INCLUSIVE", ["Values"] = new JsonArray("ranked", "casual") } },
                ["Metrics"] = new JsonObject { ["level"] = new JsonObject { ["ComparisonOperator"] = "GREATER_THAN_OR_EQUAL", ["Value"] = 10 } },
            },
        },
    };

    /// <summary>The event every campaign above is waiting for.</summary>
    public static JsonObject MatchingEvent() => Event(TriggerEvent, mode: "ranked", level: 10);

    public static JsonObject Event(string eventType, string mode, double level) => new()
    {
        ["EventType"] = eventType,
        ["Timestamp"] = PinpointClient.Now(),
        ["Attributes"] = new JsonObject { ["mode"] = mode },
        ["Metrics"] = new JsonObject { ["level"] = level },
    };

    public static JsonObject Events(string endpointId, params (string Id, JsonNode Event)[] events)
    {
        var map = new JsonObject();
        foreach (var (id, e) in events) map[id] = e;
        return new JsonObject
        {
            ["BatchItem"] = new JsonObject { [endpointId] = new JsonObject { ["Endpoint"] = new JsonObject(), ["Events"] = map } },
        };
    }
}
