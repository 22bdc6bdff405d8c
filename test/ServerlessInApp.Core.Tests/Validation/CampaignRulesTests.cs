using System.Text.Json;
using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Segments;
using ServerlessInApp.Core.Tests.Support;
using ServerlessInApp.Core.Validation;
using static ServerlessInApp.Core.Tests.Support.Sample;

namespace ServerlessInApp.Core.Tests.Validation;

public class CampaignRulesTests
{
    private static readonly string Tomorrow = Iso(Now.AddDays(1));
    private static readonly string NextWeek = Iso(Now.AddDays(7));
    private static readonly string Yesterday = Iso(Now.AddDays(-1));

    private static CampaignDefinition With(CampaignSchedule schedule) => Definition() with { Schedule = schedule };

    private static CampaignDefinition WithFilter(CampaignEventFilter? filter) => With(Schedule() with { EventFilter = filter });

    private static CampaignDefinition WithDimensions(EventDimensions? dimensions) =>
        WithFilter(new CampaignEventFilter { FilterType = "ENDPOINT", Dimensions = dimensions });

    private static CampaignDefinition WithAttribute(string type, params string[] values) => WithFilter(Filter(Types("purchase"),
        Map("purchased_at", new AttributeDimension { AttributeType = type, Values = values })));

    private static CampaignDefinition WithMetric(string? op, double? value) => WithFilter(Filter(Types("purchase"),
        metrics: Map("price", new MetricDimension { ComparisonOperator = op, Value = value })));

    private static CampaignDefinition FromTemplate(string? name, string? version = null) => Definition() with
    {
        MessageConfiguration = null,
        TemplateConfiguration = new CampaignTemplateConfiguration { InAppTemplate = new TemplateReference { Name = name, Version = version } },
    };

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static TheoryData<string> ValidCases => new(Valid.Keys);

    private static readonly Dictionary<string, CampaignDefinition> Valid = new()
    {
        ["inline message, immediate, no end"] = Definition(),
        ["template at its active version"] = FromTemplate("spring-promo"),
        ["template at version 2"] = FromTemplate("spring-promo", "2"),
        ["starts tomorrow, ends next week"] = With(Schedule() with { StartTime = Tomorrow, EndTime = NextWeek }),
        ["started yesterday, ends next week"] = With(Schedule() with { StartTime = Yesterday, EndTime = NextWeek }),
        ["immediate, ends tomorrow"] = With(Schedule() with { EndTime = Tomorrow }),
        ["quiet time overnight, local time"] = With(Schedule() with
        {
            QuietTime = new QuietTime { Start = "22:00", End = "07:00" }, IsLocalTime = true, Timezone = "UTC+01",
        }),
        ["half-hour timezone"] = With(Schedule() with { Timezone = "UTC-05:30" }),
        ["timezone UTC"] = With(Schedule() with { Timezone = "UTC" }),
        ["system filter"] = WithFilter(Filter(Types("_session.start")) with { FilterType = "SYSTEM" }),
        ["exclusive event type"] = WithFilter(Filter(AllTypesBut("_session.start", "_session.stop"))),
        ["inclusive attribute"] = WithAttribute("INCLUSIVE", "A1", "A2"),
        ["contains attribute"] = WithAttribute("CONTAINS", "shoe"),
        ["after a date"] = WithAttribute("AFTER", "2026-01-01T00:00:00Z"),
        ["between two dates"] = WithAttribute("BETWEEN", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"),
        ["on a day"] = WithAttribute("ON", "2026-01-01"),
        ["metric threshold of zero"] = WithMetric("GREATER_THAN", 0),
        ["no caps"] = Definition() with { Limits = new CampaignLimits { Daily = 0, Total = 0, Session = 0 } },
        ["caps at their maximum"] = Definition() with
        {
            Limits = new CampaignLimits { Daily = 100, Total = 100, Session = 100, MessagesPerSecond = 20_000, MaximumDuration = 60 },
        },
        ["no limits"] = Definition() with { Limits = null },
        ["priority 5"] = Definition() with { Priority = 5 },
        ["no priority"] = Definition() with { Priority = null },
        ["paused"] = Definition() with { IsPaused = true },
        ["empty additional treatments"] = Definition() with { AdditionalTreatments = [] },
        ["two treatments with their own messages"] = Definition() with
        {
            HoldoutPercent = 10,
            AdditionalTreatments =
            [
                new WriteTreatment { SizePercent = 30, MessageConfiguration = new CampaignMessageConfiguration { InAppMessage = InlineMessage("TOP_BANNER", 1) } },
                new WriteTreatment { SizePercent = 20, TemplateConfiguration = new CampaignTemplateConfiguration { InAppTemplate = new TemplateReference { Name = "b" } } },
            ],
        },
        ["carousel of five"] = Definition() with
        {
            MessageConfiguration = new CampaignMessageConfiguration { InAppMessage = InlineMessage("CAROUSEL", 5) },
        },
    };

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void DeliverableCampaignPasses(string @case) => Assert.Null(CampaignRules.Validate(Valid[@case], Now));

    public static TheoryData<string> InvalidCases => new(Invalid.Keys);

    private static readonly Dictionary<string, (string Field, CampaignDefinition Campaign)> Invalid = new()
    {
        ["name absent"] = ("Name", Definition() with { Name = null }),
        ["name of 257 characters"] = ("Name", Definition() with { Name = new string('n', 257) }),
        ["treatment name of 257 characters"] = ("TreatmentName", Definition() with { TreatmentName = new string('t', 257) }),
        ["treatment description of 1001 characters"] = ("TreatmentDescription", Definition() with { TreatmentDescription = new string('t', 1001) }),
        ["segment absent"] = ("SegmentId", Definition() with { SegmentId = null }),
        ["segment id with $"] = ("SegmentId", Definition() with { SegmentId = "seg$1" }),
        ["segment version 0"] = ("SegmentVersion", Definition() with { SegmentVersion = 0 }),
        ["priority 0"] = ("Priority", Definition() with { Priority = 0 }),
        ["priority 6"] = ("Priority", Definition() with { Priority = 6 }),
        ["holdout of 101%"] = ("HoldoutPercent", Definition() with { HoldoutPercent = 101 }),
        ["Limits.Daily 101"] = ("Limits.Daily", Definition() with { Limits = new CampaignLimits { Daily = 101 } }),
        ["Limits.Daily -1"] = ("Limits.Daily", Definition() with { Limits = new CampaignLimits { Daily = -1 } }),
        ["Limits.Total 101"] = ("Limits.Total", Definition() with { Limits = new CampaignLimits { Total = 101 } }),
        ["Limits.Session -1"] = ("Limits.Session", Definition() with { Limits = new CampaignLimits { Session = -1 } }),
        ["Limits.MessagesPerSecond 0"] = ("Limits.MessagesPerSecond", Definition() with { Limits = new CampaignLimits { MessagesPerSecond = 0 } }),
        ["Limits.MaximumDuration 59"] = ("Limits.MaximumDuration", Definition() with { Limits = new CampaignLimits { MaximumDuration = 59 } }),
        ["a treatment without a message"] = ("AdditionalTreatments[0]", Definition() with { AdditionalTreatments = [new WriteTreatment { SizePercent = 50 }] }),
        ["a treatment without a size"] = ("AdditionalTreatments[0].SizePercent", Definition() with
        {
            AdditionalTreatments = [new WriteTreatment { MessageConfiguration = new CampaignMessageConfiguration { InAppMessage = InlineMessage("TOP_BANNER", 1) } }],
        }),
        ["treatments over 100%"] = ("SizePercent", Definition() with
        {
            AdditionalTreatments =
            [
                new WriteTreatment { SizePercent = 60, MessageConfiguration = new CampaignMessageConfiguration { InAppMessage = InlineMessage("TOP_BANNER", 1) } },
                new WriteTreatment { SizePercent = 50, MessageConfiguration = new CampaignMessageConfiguration { InAppMessage = InlineMessage("TOP_BANNER", 1) } },
            ],
        }),
        ["a treatment with its own schedule"] = ("AdditionalTreatments[0].Schedule", Definition() with
        {
            AdditionalTreatments =
            [
                new WriteTreatment
                {
                    SizePercent = 10, Schedule = Json("""{"StartTime":"IMMEDIATE"}"""),
                    MessageConfiguration = new CampaignMessageConfiguration { InAppMessage = InlineMessage("TOP_BANNER", 1) },
                },
            ],
        }),
        ["schedule absent"] = ("Schedule", Definition() with { Schedule = null }),
        ["start time absent"] = ("Schedule.StartTime", With(Schedule() with { StartTime = null })),
        ["start time not a date"] = ("Schedule.StartTime", With(Schedule() with { StartTime = "tomorrow" })),
        ["start time immediate in lower case"] = ("Schedule.StartTime", With(Schedule() with { StartTime = "immediate" })),
        ["end time not a date"] = ("Schedule.EndTime", With(Schedule() with { EndTime = "2026-13-01T00:00:00Z" })),
        ["end time before start time"] = ("Schedule.EndTime", With(Schedule() with { StartTime = NextWeek, EndTime = Tomorrow })),
        ["end time equal to start time"] = ("Schedule.EndTime", With(Schedule() with { StartTime = Tomorrow, EndTime = Tomorrow })),
        ["end time in the past"] = ("Schedule.EndTime", With(Schedule() with { EndTime = Yesterday })),
        ["end time now"] = ("Schedule.EndTime", With(Schedule() with { EndTime = Iso(Now) })),
        ["frequency absent"] = ("Schedule.Frequency", With(Schedule() with { Frequency = null })),
        ["frequency ONCE"] = ("Schedule.Frequency", With(Schedule() with { Frequency = "ONCE" })),
        ["frequency EVENT"] = ("Schedule.Frequency", With(Schedule() with { Frequency = "EVENT" })),
        ["frequency unknown"] = ("Schedule.Frequency", With(Schedule() with { Frequency = "SOMETIMES" })),
        ["timezone GMT+1"] = ("Schedule.Timezone", With(Schedule() with { Timezone = "GMT+1" })),
        ["timezone with a trailing newline"] = ("Schedule.Timezone", With(Schedule() with { Timezone = "UTC+01\n" })),
        ["quiet time from 25:00"] = ("Schedule.QuietTime.Start", With(Schedule() with { QuietTime = new QuietTime { Start = "25:00", End = "07:00" } })),
        ["quiet time to 7:00"] = ("Schedule.QuietTime.End", With(Schedule() with { QuietTime = new QuietTime { Start = "22:00", End = "7:00" } })),
        ["quiet time without end"] = ("Schedule.QuietTime.End", With(Schedule() with { QuietTime = new QuietTime { Start = "22:00" } })),
        ["quiet time with a trailing newline"] = ("Schedule.QuietTime.Start", With(Schedule() with { QuietTime = new QuietTime { Start = "22:00\n", End = "07:00" } })),
        ["event filter absent"] = ("Schedule.EventFilter", WithFilter(null)),
        ["filter type absent"] = ("Schedule.EventFilter.FilterType", WithFilter(Filter(Types("purchase")) with { FilterType = null })),
        ["filter type unknown"] = ("Schedule.EventFilter.FilterType", WithFilter(Filter(Types("purchase")) with { FilterType = "CUSTOM" })),
        ["dimensions absent"] = ("Schedule.EventFilter.Dimensions", WithDimensions(null)),
        ["event type absent"] = ("Schedule.EventFilter.Dimensions.EventType", WithDimensions(new EventDimensions())),
        ["event type without values"] = ("Schedule.EventFilter.Dimensions.EventType.Values", WithFilter(Filter(Types()))),
        ["event type dimension type unknown"] = ("Schedule.EventFilter.Dimensions.EventType.DimensionType",
            WithFilter(Filter(new SetDimension { DimensionType = "INCLUDE", Values = ["purchase"] }))),
        ["BETWEEN with one value"] = ("Schedule.EventFilter.Dimensions.Attributes.purchased_at.Values", WithAttribute("BETWEEN", "2026-01-01T00:00:00Z")),
        ["BETWEEN with three values"] = ("Schedule.EventFilter.Dimensions.Attributes.purchased_at.Values",
            WithAttribute("BETWEEN", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z")),
        ["bad date in AFTER"] = ("Schedule.EventFilter.Dimensions.Attributes.purchased_at.Values", WithAttribute("AFTER", "last tuesday")),
        ["bad date in BETWEEN"] = ("Schedule.EventFilter.Dimensions.Attributes.purchased_at.Values", WithAttribute("BETWEEN", "2026-01-01T00:00:00Z", "2026-02-30")),
        ["day-first date in AFTER"] = ("Schedule.EventFilter.Dimensions.Attributes.purchased_at.Values", WithAttribute("AFTER", "01/05/2026")),
        ["start time day-first"] = ("Schedule.StartTime", With(Schedule() with { StartTime = "02/05/2026 09:00" })),
        ["AFTER with two dates"] = ("Schedule.EventFilter.Dimensions.Attributes.purchased_at.Values",
            WithAttribute("AFTER", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z")),
        ["attribute type unknown"] = ("Schedule.EventFilter.Dimensions.Attributes.purchased_at.AttributeType", WithAttribute("STARTS_WITH", "A")),
        ["attribute without values"] = ("Schedule.EventFilter.Dimensions.Attributes.purchased_at.Values", WithAttribute("INCLUSIVE")),
        ["attribute name of 51 characters"] = ("Schedule.EventFilter.Dimensions.Attributes", WithFilter(Filter(Types("purchase"),
            Map(new string('a', 51), new AttributeDimension { Values = ["A1"] })))),
        ["metric operator unknown"] = ("Schedule.EventFilter.Dimensions.Metrics.price.ComparisonOperator", WithMetric("NOT_EQUAL", 1)),
        ["metric operator absent"] = ("Schedule.EventFilter.Dimensions.Metrics.price.ComparisonOperator", WithMetric(null, 1)),
        ["metric value absent"] = ("Schedule.EventFilter.Dimensions.Metrics.price.Value", WithMetric("EQUAL", null)),
        ["metric value NaN"] = ("Schedule.EventFilter.Dimensions.Metrics.price.Value", WithMetric("EQUAL", double.NaN)),
        ["both template and inline message"] = ("TemplateConfiguration.InAppTemplate", FromTemplate("spring-promo") with
        {
            MessageConfiguration = new CampaignMessageConfiguration { InAppMessage = InlineMessage() },
        }),
        ["neither template nor inline message"] = ("MessageConfiguration.InAppMessage", Definition() with { MessageConfiguration = null }),
        ["message configuration without in-app message"] = ("MessageConfiguration.InAppMessage",
            Definition() with { MessageConfiguration = new CampaignMessageConfiguration() }),
        ["template name absent"] = ("TemplateConfiguration.InAppTemplate.Name", FromTemplate(null)),
        ["template name with a space"] = ("TemplateConfiguration.InAppTemplate.Name", FromTemplate("spring promo")),
        ["template version 'latest'"] = ("TemplateConfiguration.InAppTemplate.Version", FromTemplate("spring-promo", "latest")),
        ["inline carousel of six"] = ("MessageConfiguration.InAppMessage.Content", Definition() with
        {
            MessageConfiguration = new CampaignMessageConfiguration { InAppMessage = InlineMessage("CAROUSEL", 6) },
        }),
        ["{{User.Name}} in the legacy body"] = ("MessageConfiguration.InAppMessage.Body", Definition() with
        {
            MessageConfiguration = new CampaignMessageConfiguration { InAppMessage = InlineMessage() with { Body = "Hi {{User.Name}}" } },
        }),
        ["{{User.Name}} in an inline header"] = ("MessageConfiguration.InAppMessage.Content[0].HeaderConfig.Header", Definition() with
        {
            MessageConfiguration = new CampaignMessageConfiguration
            {
                InAppMessage = InlineMessage() with { Content = [Content("Hi {{User.Name}}")] },
            },
        }),
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void UndeliverableCampaignIsRejectedNamingTheField(string @case)
    {
        var (field, campaign) = Invalid[@case];

        AssertError.Names(field, CampaignRules.Validate(campaign, Now));
    }

    [Fact]
    public void CampaignWithoutStartTimeIsRejectedInsteadOfNeverFiring() =>
        Assert.Equal("Schedule.StartTime is required.", CampaignRules.Validate(With(Schedule() with { StartTime = null }), Now));

    [Fact]
    public void EndTimeInThePastIsRejectedSayingTheCampaignCouldNeverBeShown()
    {
        var error = CampaignRules.Validate(With(Schedule() with { EndTime = Yesterday }), Now);

        Assert.Equal("Schedule.EndTime is in the past; the campaign could never be shown.", error);
    }

    [Fact]
    public void EndTimeBeforeStartTimeIsRejectedNamingBoth() =>
        Assert.Equal("Schedule.EndTime must be after Schedule.StartTime.",
            CampaignRules.Validate(With(Schedule() with { StartTime = NextWeek, EndTime = Tomorrow }), Now));

    [Fact]
    public void SameEndTimeIsAcceptedBeforeItPassesAndRejectedAfter()
    {
        var campaign = With(Schedule() with { EndTime = Tomorrow });

        Assert.Null(CampaignRules.Validate(campaign, Now));
        Assert.NotNull(CampaignRules.Validate(campaign, Now.AddDays(2)));
    }

    [Fact]
    public void FrequencyOtherThanInAppEventSaysWhatItMustBe() =>
        Assert.Equal("Schedule.Frequency must be IN_APP_EVENT for an in-app campaign (got 'DAILY').",
            CampaignRules.Validate(With(Schedule() with { Frequency = "DAILY" }), Now));
}
