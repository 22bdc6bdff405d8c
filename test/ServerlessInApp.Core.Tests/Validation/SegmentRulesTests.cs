using System.Text.Json;
using ServerlessInApp.Core.Segments;
using ServerlessInApp.Core.Tests.Support;
using ServerlessInApp.Core.Validation;
using static ServerlessInApp.Core.Tests.Support.Sample;

namespace ServerlessInApp.Core.Tests.Validation;

public class SegmentRulesTests
{
    private static SegmentDefinition Segment(SegmentDimensions? dimensions) => new() { Name = "in-app users", Dimensions = dimensions };

    private static SetDimension Set(params string[] values) => new() { DimensionType = "INCLUSIVE", Values = values };

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static TheoryData<string> ValidCases => new(Valid.Keys);

    private static readonly Dictionary<string, SegmentDefinition> Valid = new()
    {
        ["no dimensions: everyone"] = Segment(null),
        ["empty dimensions"] = Segment(new SegmentDimensions()),
        ["all in-app endpoints"] = Segment(new SegmentDimensions { Demographic = new() { Channel = Set("IN_APP") } }),
        ["every demographic"] = Segment(new SegmentDimensions
        {
            Demographic = new()
            {
                AppVersion = Set("1.2.0"), Channel = Set("IN_APP"), DeviceType = Set("ios"), Make = Set("Apple"),
                Model = Set("iPhone15,2"), Platform = Set("iOS"), Locale = Set("en_US"),
            },
        }),
        ["attributes, user attributes and metrics"] = Segment(new SegmentDimensions
        {
            Attributes = Map("interests", new AttributeDimension { AttributeType = "EXCLUSIVE", Values = ["sports"] }),
            UserAttributes = Map("signup", new AttributeDimension { AttributeType = "BEFORE", Values = ["2026-01-01T00:00:00Z"] }),
            Metrics = Map("score", new MetricDimension { ComparisonOperator = "LESS_THAN_OR_EQUAL", Value = 0 }),
        }),
        ["one hundred dimensions"] = Segment(new SegmentDimensions
        {
            Attributes = Enumerable.Range(0, 100).ToDictionary(i => $"a{i}", _ => new AttributeDimension { Values = ["x"] }),
        }),
        ["segment groups sent as null"] = Segment(null) with { SegmentGroups = Json("null") },
    };

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void SupportedSegmentPasses(string @case) => Assert.Null(SegmentRules.Validate(Valid[@case]));

    public static TheoryData<string> InvalidCases => new(Invalid.Keys);

    private static readonly Dictionary<string, (string Field, SegmentDefinition Segment)> Invalid = new()
    {
        ["name absent"] = ("Name", Segment(null) with { Name = null }),
        ["segment groups"] = ("SegmentGroups", Segment(null) with
        {
            SegmentGroups = Json("""{"Include":"ALL","Groups":[{"Type":"ANY","Dimensions":[]}]}"""),
        }),
        ["location"] = ("Dimensions.Location", Segment(new SegmentDimensions { Location = Json("""{"Country":{"Values":["US"]}}""") })),
        ["behavior"] = ("Dimensions.Behavior", Segment(new SegmentDimensions
        {
            Behavior = Json("""{"Recency":{"Duration":"DAY_7","RecencyType":"ACTIVE"}}"""),
        })),
        ["one hundred and one dimensions"] = ("Dimensions", Segment(new SegmentDimensions
        {
            Attributes = Enumerable.Range(0, 100).ToDictionary(i => $"a{i}", _ => new AttributeDimension { Values = ["x"] }),
            Demographic = new() { Channel = Set("IN_APP") },
        })),
        ["attribute type unknown"] = ("Dimensions.Attributes.plan.AttributeType", Segment(new SegmentDimensions
        {
            Attributes = Map("plan", new AttributeDimension { AttributeType = "LIKE", Values = ["pro"] }),
        })),
        ["user attribute BETWEEN with one date"] = ("Dimensions.UserAttributes.signup.Values", Segment(new SegmentDimensions
        {
            UserAttributes = Map("signup", new AttributeDimension { AttributeType = "BETWEEN", Values = ["2026-01-01T00:00:00Z"] }),
        })),
        ["metric operator unknown"] = ("Dimensions.Metrics.score.ComparisonOperator", Segment(new SegmentDimensions
        {
            Metrics = Map("score", new MetricDimension { ComparisonOperator = "ABOVE", Value = 1 }),
        })),
        ["platform without values"] = ("Dimensions.Demographic.Platform.Values", Segment(new SegmentDimensions
        {
            Demographic = new() { Platform = new SetDimension { DimensionType = "INCLUSIVE", Values = [] } },
        })),
        ["channel dimension type unknown"] = ("Dimensions.Demographic.Channel.DimensionType", Segment(new SegmentDimensions
        {
            Demographic = new() { Channel = new SetDimension { DimensionType = "ONLY", Values = ["IN_APP"] } },
        })),
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void UnsupportedOrInvalidSegmentIsRejectedNamingTheField(string @case)
    {
        var (field, segment) = Invalid[@case];

        AssertError.Names(field, SegmentRules.Validate(segment));
    }

    [Fact]
    public void SegmentWithLocationIsRejectedRatherThanMatchingEveryone() =>
        Assert.Equal("Dimensions.Location is not supported for in-app segments.",
            SegmentRules.Validate(Segment(new SegmentDimensions { Location = Json("""{"Country":{"Values":["US"]}}""") })));
}
