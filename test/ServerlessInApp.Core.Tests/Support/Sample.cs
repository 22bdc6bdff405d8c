using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Endpoints;
using ServerlessInApp.Core.Events;
using ServerlessInApp.Core.Messages;
using ServerlessInApp.Core.Segments;

namespace ServerlessInApp.Core.Tests.Support;

/// <summary>Valid examples of each input; a test changes the one member it is about.</summary>
internal static class Sample
{
    public const string AppId = "7f3c0000000000000000000000000001";
    public const string EndpointId = "4b1a9e2e-0000-4000-8000-000000000001";
    public const string SegmentId = "a1b20000000000000000000000000001";

    /// <summary>The instant every test treats as "now".</summary>
    public static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");

    public static InAppMessageContent Content(string header = "Spring sale") => new()
    {
        BackgroundColor = "#FFFFFF",
        HeaderConfig = new InAppMessageHeaderConfig { Alignment = "CENTER", Header = header, TextColor = "#000000" },
        BodyConfig = new InAppMessageBodyConfig { Alignment = "LEFT", Body = "20% off today only", TextColor = "#333333" },
        ImageUrl = "https://cdn.example.com/banner.png",
        PrimaryBtn = new InAppMessageButton
        {
            DefaultConfig = new DefaultButtonConfiguration
            {
                ButtonAction = "LINK", Text = "Shop", Link = "https://example.com/sale",
                BackgroundColor = "#0055FF", BorderRadius = 8, TextColor = "#FFFFFF",
            },
            IOS = new OverrideButtonConfiguration { ButtonAction = "DEEP_LINK", Link = "myapp://sale" },
        },
        SecondaryBtn = new InAppMessageButton { DefaultConfig = new DefaultButtonConfiguration { ButtonAction = "CLOSE", Text = "Later" } },
    };

    public static CampaignInAppMessage InlineMessage(string layout = "MIDDLE_BANNER", int items = 1) => new()
    {
        Layout = layout,
        Content = Enumerable.Range(1, items).Select(i => Content($"Slide {i}")).ToList(),
        CustomConfig = new Dictionary<string, string> { ["promo"] = "SPRING24" },
    };

    public static SetDimension Types(params string[] eventTypes) => new() { DimensionType = "INCLUSIVE", Values = eventTypes };

    public static SetDimension AllTypesBut(params string[] eventTypes) => new() { DimensionType = "EXCLUSIVE", Values = eventTypes };

    public static CampaignEventFilter Filter(
        SetDimension? eventType,
        IReadOnlyDictionary<string, AttributeDimension>? attributes = null,
        IReadOnlyDictionary<string, MetricDimension>? metrics = null) => new()
        {
            FilterType = "ENDPOINT",
            Dimensions = new EventDimensions { EventType = eventType, Attributes = attributes, Metrics = metrics },
        };

    public static CampaignSchedule Schedule(string eventType = "purchase") => new()
    {
        StartTime = "IMMEDIATE",
        Frequency = "IN_APP_EVENT",
        EventFilter = Filter(Types(eventType)),
    };

    /// <summary>A campaign CampaignRules accepts: inline message, IMMEDIATE start, triggered by "purchase".</summary>
    public static CampaignDefinition Definition(string eventType = "purchase") => new()
    {
        Name = "spring-promo",
        SegmentId = SegmentId,
        SegmentVersion = 1,
        Priority = 1,
        IsPaused = false,
        Limits = new CampaignLimits { Daily = 0, Session = 1, Total = 3 },
        MessageConfiguration = new CampaignMessageConfiguration { InAppMessage = InlineMessage() },
        Schedule = Schedule(eventType),
    };

    public static Campaign StoredCampaign(string id, CampaignDefinition? definition = null, int version = 1)
    {
        var d = definition ?? Definition();
        return new Campaign(AppId, id, version, d, d.MessageConfiguration?.InAppMessage?.ToMessage() ?? new InAppMessage(),
            Now.AddDays(-1), Now.AddDays(-1));
    }

    public static Campaign StoredCampaign(string id, CampaignSchedule schedule, bool paused = false) =>
        StoredCampaign(id, Definition() with { Schedule = schedule, IsPaused = paused });

    public static Segment StoredSegment(string id = SegmentId, SegmentDimensions? dimensions = null) =>
        new(AppId, id, 1, new SegmentDefinition { Name = "everyone", Dimensions = dimensions }, Now.AddDays(-2), Now.AddDays(-2));

    public static CampaignCatalog Catalog(params Campaign[] campaigns) => new(AppId, 1, campaigns, [StoredSegment()]);

    public static AppEventBody EventBody(
        string eventType = "purchase",
        IReadOnlyDictionary<string, string>? attributes = null,
        IReadOnlyDictionary<string, double>? metrics = null,
        string? timestamp = null) => new()
        {
            EventType = eventType,
            Timestamp = timestamp ?? Iso(Now.AddMinutes(-1)),
            Attributes = attributes,
            Metrics = metrics,
        };

    public static AppEvent QueuedEvent(AppEventBody body, string eventId = "e1c2") => new(AppId, EndpointId, eventId, body);

    public static Endpoint RegisteredEndpoint() => new()
    {
        ApplicationId = AppId,
        Id = EndpointId,
        CreationDate = Iso(Now.AddDays(-3)),
        ChannelType = "IN_APP",
        OptOut = "NONE",
    };

    public static Dictionary<string, T> Map<T>(string key, T value) => new() { [key] = value };
}
