using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Endpoints;
using ServerlessInApp.Core.Events;
using ServerlessInApp.Core.Messages;
using ServerlessInApp.Core.Segments;
using ServerlessInApp.Core.UseCases;
using ServerlessInApp.Core.Validation;
using ServerlessInApp.Functions;
using ServerlessInApp.Functions.Lambda;
using ServerlessInApp.Functions.Queue;

namespace ServerlessInApp.Benchmarks;

/// <summary>
/// One app with <c>campaigns</c> in-app campaigns and a Lambda SQS event of ten queued PutEvents events, built with the
/// product's own types. Campaign i listens for event type <c>EventTypes[i % 20]</c> (so about 5% of the app's campaigns
/// listen for any one type) and wants the type's key attribute to be <c>i / 20</c>, a country among four, a score and a
/// session length; each campaign targets one of ten segments (platform, plan, purchases, cohort). The ten events are of
/// ten different types, from ten registered endpoints that every segment admits, and each matches exactly one campaign
/// at every campaign count: the writes per batch are the same from 10 to 10,000 campaigns.
/// </summary>
public sealed class TriggerWorkload
{
    public const string AppId = "5e1f0000000000000000000000000b01";
    public const int BatchSize = 10;

    /// <summary>The instant the batch is evaluated at; the events were posted a few seconds before.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 5, TimeSpan.Zero);
    public const string EventTimestamp = "2026-11-25T12:00:00.000Z";

    /// <summary>Twenty event types with the attribute each one's campaigns key on.</summary>
    public static readonly (string Type, string KeyAttribute)[] EventTypes =
    [
        ("level_reached", "level"), ("item_viewed", "item_id"), ("purchase_completed", "sku"), ("cart_abandoned", "cart_size"),
        ("screen_viewed", "screen"), ("achievement_unlocked", "achievement"), ("tutorial_step", "step"), ("search", "query"),
        ("share", "channel"), ("video_watched", "video_id"), ("subscription_renewed", "plan_id"), ("friend_invited", "source"),
        ("reward_claimed", "reward"), ("match_finished", "mode"), ("store_opened", "entry"), ("coupon_applied", "coupon"),
        ("profile_updated", "field"), ("notification_opened", "kind"), ("streak_extended", "days"), ("lives_depleted", "world"),
    ];

    private static readonly string[] Platforms = ["ios", "android"];

    public TriggerWorkload(int campaigns)
    {
        CampaignCount = campaigns;
        Segments = Enumerable.Range(0, 10).Select(BuildSegment).ToList();
        Campaigns = Enumerable.Range(0, campaigns).Select(BuildCampaign).ToList();
        Endpoints = Enumerable.Range(0, BatchSize).Select(BuildEndpoint).ToDictionary(e => e.Id, StringComparer.Ordinal);
        Events = Enumerable.Range(0, BatchSize).Select(BuildEvent).ToList();
        Catalog = new CampaignCatalog(AppId, 42, Campaigns, Segments);
        SqsEventJson = JsonSerializer.SerializeToUtf8Bytes(BuildSqsEvent(Events), LambdaJsonContext.Default.SqsEvent);
    }

    public int CampaignCount { get; }
    public IReadOnlyList<Segment> Segments { get; }
    public IReadOnlyList<Campaign> Campaigns { get; }
    public IReadOnlyDictionary<string, Endpoint> Endpoints { get; }
    public IReadOnlyList<AppEvent> Events { get; }
    public CampaignCatalog Catalog { get; }

    /// <summary>The invocation payload Lambda's SQS event source mapping would pass to the trigger function.</summary>
    public byte[] SqsEventJson { get; }

    /// <summary>The trigger function as Composition builds it, over stores that record the writes into <paramref name="log"/>.</summary>
    public TriggerFunction Function(WriteLog log) =>
        new(new TriggerEvaluation(new CatalogCache(new InMemoryCatalogStore(Catalog)),
            new RecordingEndpointStore(Endpoints, log), new RecordingAnalyticsStore(log), new FixedClock(Now)));

    /// <summary>Throws unless every campaign and segment is one the product's validation accepts.</summary>
    public void Validate()
    {
        foreach (var s in Segments)
        {
            if (SegmentRules.Validate(s.Definition) is { } error) throw new InvalidOperationException($"Segment {s.Id}: {error}");
        }
        foreach (var c in Campaigns)
        {
            if (CampaignRules.Validate(c.Definition, Now) is { } error) throw new InvalidOperationException($"Campaign {c.Id}: {error}");
        }
    }

    private static string Id(string prefix, int i) => prefix + i.ToString("x28", CultureInfo.InvariantCulture).PadLeft(28, '0');

    private static Segment BuildSegment(int s)
    {
        var dimensions = new SegmentDimensions
        {
            Demographic = new SegmentDemographics
            {
                Platform = new SetDimension { DimensionType = "INCLUSIVE", Values = s % 3 == 0 ? ["ios"] : Platforms },
                Channel = new SetDimension { DimensionType = "INCLUSIVE", Values = ["IN_APP"] },
            },
            Attributes = new Dictionary<string, AttributeDimension>
            {
                ["plan"] = new() { AttributeType = "INCLUSIVE", Values = ["pro", "team", s % 2 == 0 ? "free" : "trial"] },
            },
            UserAttributes = s % 2 == 0
                ? new Dictionary<string, AttributeDimension> { ["cohort"] = new() { AttributeType = "INCLUSIVE", Values = ["2026-q3", "2026-q4"] } }
                : null,
            Metrics = new Dictionary<string, MetricDimension>
            {
                ["purchases"] = new() { ComparisonOperator = "GREATER_THAN_OR_EQUAL", Value = s % 4 },
            },
        };
        return new Segment(AppId, Id("5e", s), 1, new SegmentDefinition { Name = $"players-{s}", Dimensions = dimensions },
            Now.AddDays(-30), Now.AddDays(-30));
    }

    private static Campaign BuildCampaign(int i)
    {
        var (type, keyAttribute) = EventTypes[i % EventTypes.Length];
        var attributes = new Dictionary<string, AttributeDimension>
        {
            [keyAttribute] = new() { AttributeType = "INCLUSIVE", Values = [(i / EventTypes.Length).ToString(CultureInfo.InvariantCulture)] },
        };
        if (i % 2 == 0) attributes["country"] = new() { AttributeType = "INCLUSIVE", Values = ["US", "CA", "GB", "DE"] };
        var metrics = new Dictionary<string, MetricDimension>();
        if (i % 3 != 2) metrics["score"] = new() { ComparisonOperator = "GREATER_THAN_OR_EQUAL", Value = 10 + i % 5 * 10 };
        if (i % 4 == 1) metrics["session_seconds"] = new() { ComparisonOperator = "LESS_THAN", Value = 3600 };

        var message = new CampaignInAppMessage
        {
            Layout = i % 3 == 0 ? "BOTTOM_BANNER" : i % 3 == 1 ? "MIDDLE_BANNER" : "OVERLAYS",
            Content =
            [
                new InAppMessageContent
                {
                    BackgroundColor = "#FFFFFF",
                    HeaderConfig = new InAppMessageHeaderConfig { Alignment = "CENTER", Header = $"Reward {i}", TextColor = "#000000" },
                    BodyConfig = new InAppMessageBodyConfig { Alignment = "LEFT", Body = "You unlocked a bonus: claim it now", TextColor = "#333333" },
                    ImageUrl = $"https://cdn.example.com/rewards/{i}.png",
                    PrimaryBtn = new InAppMessageButton
                    {
                        DefaultConfig = new DefaultButtonConfiguration
                        {
                            ButtonAction = "DEEP_LINK", Text = "Claim", Link = $"mygame://rewards/{i}",
                            BackgroundColor = "#0055FF", BorderRadius = 8, TextColor = "#FFFFFF",
                        },
                    },
                    SecondaryBtn = new InAppMessageButton { DefaultConfig = new DefaultButtonConfiguration { ButtonAction = "CLOSE", Text = "Later" } },
                },
            ],
        };
        var definition = new CampaignDefinition
        {
            Name = $"{type}-{i}",
            SegmentId = Id("5e", i % 10),
            SegmentVersion = 1,
            Priority = 1 + i % 5,
            IsPaused = false,
            HoldoutPercent = i % 5 == 0 ? 10 : null,
            Limits = new CampaignLimits { Daily = 3, Session = 1, Total = 10, MaximumDuration = 86_400 },
            MessageConfiguration = new CampaignMessageConfiguration { InAppMessage = message },
            Schedule = new CampaignSchedule
            {
                StartTime = "2026-11-01T00:00:00.000Z",
                EndTime = "2027-02-01T00:00:00.000Z",
                Frequency = "IN_APP_EVENT",
                EventFilter = new CampaignEventFilter
                {
                    FilterType = "ENDPOINT",
                    Dimensions = new EventDimensions
                    {
                        EventType = new SetDimension { DimensionType = "INCLUSIVE", Values = [type] },
                        Attributes = attributes,
                        Metrics = metrics,
                    },
                },
            },
        };
        return new Campaign(AppId, Id("ca", i), 3, definition, message.ToMessage(), Now.AddDays(-25), Now.AddDays(-2));
    }

    private static Endpoint BuildEndpoint(int j) => new()
    {
        ApplicationId = AppId,
        Id = $"player-{j:D4}-7c1e-4b7a-9f10-{j:D12}",
        Address = $"device-token-{j}",
        ChannelType = "IN_APP",
        CreationDate = "2026-10-02T08:15:00.000Z",
        EffectiveDate = "2026-11-24T19:40:00.000Z",
        OptOut = "NONE",
        Attributes = new Dictionary<string, IReadOnlyList<string>>
        {
            ["plan"] = ["pro"],
            ["favorite_modes"] = ["ranked", "coop"],
        },
        Metrics = new Dictionary<string, double> { ["purchases"] = 4, ["sessions"] = 57 },
        Demographic = new EndpointDemographic
        {
            AppVersion = "4.12.0", Locale = "en_US", Make = j % 2 == 0 ? "Apple" : "Google", Model = j % 2 == 0 ? "iPhone15,2" : "Pixel 8",
            Platform = "ios", PlatformVersion = "18.1", Timezone = "America/New_York",
        },
        User = new EndpointUser
        {
            UserId = $"user-{j}",
            UserAttributes = new Dictionary<string, IReadOnlyList<string>> { ["cohort"] = ["2026-q4"] },
        },
    };

    private static AppEvent BuildEvent(int j)
    {
        var (type, keyAttribute) = EventTypes[j];
        var endpointId = $"player-{j:D4}-7c1e-4b7a-9f10-{j:D12}";
        var body = new AppEventBody
        {
            EventType = type,
            Timestamp = EventTimestamp,
            AppPackageName = "com.example.mygame",
            AppTitle = "My Game",
            AppVersionCode = "4120",
            ClientSdkVersion = "6.6.0",
            SdkName = "aws-amplify",
            Attributes = new Dictionary<string, string>
            {
                [keyAttribute] = "0",
                ["country"] = "US",
                ["screen_name"] = "home",
                ["ab_bucket"] = "b",
                ["network"] = "wifi",
            },
            Metrics = new Dictionary<string, double> { ["score"] = 100, ["session_seconds"] = 420, ["coins"] = 1250 },
            Session = new EventSession { Id = $"session-{j}-20261125", StartTimestamp = "2026-11-25T11:53:00.000Z" },
        };
        return new AppEvent(AppId, endpointId, $"evt-{j:D4}-2d9b-4c1a-8e7f-{j:D12}", body);
    }

    private static SqsEvent BuildSqsEvent(IReadOnlyList<AppEvent> events) => new()
    {
        Records = events.Select((e, j) => new SqsMessage
        {
            MessageId = $"0f1e2d3c-4b5a-6978-8a9b-{j:D12}",
            ReceiptHandle = "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a" + new string('x', 120) + j.ToString(CultureInfo.InvariantCulture),
            Body = JsonSerializer.Serialize(e, QueueJsonContext.Default.AppEvent),
            Attributes = new SqsSystemAttributes
            {
                ApproximateReceiveCount = "1",
                SentTimestamp = "1795608000000",
                SenderId = "AROAEXAMPLE:serverlessinapp-ingest",
                ApproximateFirstReceiveTimestamp = "1795608000105",
            },
            MessageAttributes = new Dictionary<string, SqsMessageAttribute>(),
            Md5OfBody = "e4e68fb7bd0e697a0ae8f1bb342846b3",
            EventSource = "aws:sqs",
            EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:serverlessinapp-events",
            AwsRegion = "us-east-1",
        }).ToList(),
    };

    /// <summary>
    /// The same cases for the device matcher: each campaign as GetInAppMessages hands it to a device in Pinpoint's
    /// InAppMessageCampaign shape (what Amplify caches and matches), and each event as the device dispatches it.
    /// </summary>
    public JsonObject ToDeviceCases()
    {
        var messages = new JsonArray();
        foreach (var c in Campaigns)
        {
            var d = c.Definition;
            var dims = d.Schedule!.EventFilter!.Dimensions!;
            var attributes = new JsonObject();
            foreach (var (name, a) in dims.Attributes ?? new Dictionary<string, AttributeDimension>())
                attributes[name] = new JsonObject { ["AttributeType"] = a.AttributeType, ["Values"] = new JsonArray([.. a.Values!.Select(v => JsonValue.Create(v))]) };
            var metrics = new JsonObject();
            foreach (var (name, m) in dims.Metrics ?? new Dictionary<string, MetricDimension>())
                metrics[name] = new JsonObject { ["ComparisonOperator"] = m.ComparisonOperator, ["Value"] = m.Value };
            messages.Add(new JsonObject
            {
                ["CampaignId"] = c.Id,
                ["DailyCap"] = d.Limits?.Daily ?? 0,
                ["SessionCap"] = d.Limits?.Session ?? 0,
                ["TotalCap"] = d.Limits?.Total ?? 0,
                ["Priority"] = d.Priority,
                ["TreatmentId"] = "0",
                ["InAppMessage"] = JsonSerializer.SerializeToNode(c.Message, BenchJsonContext.Default.InAppMessage),
                ["Schedule"] = new JsonObject
                {
                    ["EndDate"] = d.Schedule.EndTime,
                    ["EventFilter"] = new JsonObject
                    {
                        ["FilterType"] = "ENDPOINT",
                        ["Dimensions"] = new JsonObject
                        {
                            ["EventType"] = new JsonObject
                            {
                                ["DimensionType"] = dims.EventType!.DimensionType,
                                ["Values"] = new JsonArray([.. dims.EventType.Values!.Select(v => JsonValue.Create(v))]),
                            },
                            ["Attributes"] = attributes,
                            ["Metrics"] = metrics,
                        },
                    },
                },
            });
        }
        var events = new JsonArray();
        foreach (var e in Events)
        {
            var attributes = new JsonObject();
            foreach (var (k, v) in e.Body.Attributes!) attributes[k] = v;
            var metrics = new JsonObject();
            foreach (var (k, v) in e.Body.Metrics!) metrics[k] = v;
            events.Add(new JsonObject { ["name"] = e.Body.EventType, ["attributes"] = attributes, ["metrics"] = metrics });
        }
        return new JsonObject { ["campaigns"] = CampaignCount, ["messages"] = messages, ["events"] = events };
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
[System.Text.Json.Serialization.JsonSerializable(typeof(InAppMessage))]
internal sealed partial class BenchJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
