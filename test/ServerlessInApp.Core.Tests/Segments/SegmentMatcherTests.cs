using ServerlessInApp.Core.Endpoints;
using ServerlessInApp.Core.Segments;
using ServerlessInApp.Core.Tests.Support;
using static ServerlessInApp.Core.Tests.Support.Sample;

namespace ServerlessInApp.Core.Tests.Segments;

public class SegmentMatcherTests
{
    private static Endpoint Listener(params string[] interests) => RegisteredEndpoint() with
    {
        Attributes = new Dictionary<string, IReadOnlyList<string>> { ["interests"] = interests, ["plan"] = ["pro"] },
        Metrics = new Dictionary<string, double> { ["score"] = 4.5, ["level"] = 0 },
        User = new EndpointUser
        {
            UserId = "user-123",
            UserAttributes = new Dictionary<string, IReadOnlyList<string>> { ["tier"] = ["gold", "early-adopter"] },
        },
        Demographic = new EndpointDemographic
        {
            AppVersion = "1.2.0", Platform = "iOS", Make = "Apple", Model = "iPhone15,2", Locale = "en_US",
        },
    };

    private static SegmentDimensions Attribute(string name, string? type, params string[] values) =>
        new() { Attributes = Map(name, new AttributeDimension { AttributeType = type, Values = values }) };

    [Fact]
    public void SegmentWithoutDimensionsIsEveryone()
    {
        Assert.True(SegmentMatcher.Matches(null, Listener("music")));
        Assert.True(SegmentMatcher.Matches(new SegmentDimensions(), Listener("music")));
        Assert.True(SegmentMatcher.Matches(new SegmentDimensions(), Endpoint.Unregistered(AppId, "never-registered")));
    }

    [Theory]
    [InlineData("INCLUSIVE", new[] { "travel" }, true)]
    [InlineData("INCLUSIVE", new[] { "sports", "music" }, true)]
    [InlineData("INCLUSIVE", new[] { "sports" }, false)]
    [InlineData("EXCLUSIVE", new[] { "travel" }, false)]
    [InlineData("EXCLUSIVE", new[] { "sports" }, true)]
    [InlineData("CONTAINS", new[] { "trav" }, true)]
    [InlineData("CONTAINS", new[] { "golf" }, false)]
    public void AnyValueOfAMultiValuedEndpointAttributeCanSatisfyIt(string type, string[] wanted, bool matches) =>
        Assert.Equal(matches, SegmentMatcher.Matches(Attribute("interests", type, wanted), Listener("music", "travel")));

    [Fact]
    public void EndpointWithoutTheAttributeIsOutsideInclusiveAndInsideExclusive()
    {
        var endpoint = Listener("music");

        Assert.False(SegmentMatcher.Matches(Attribute("favourite-team", "INCLUSIVE", "reds"), endpoint));
        Assert.True(SegmentMatcher.Matches(Attribute("favourite-team", "EXCLUSIVE", "reds"), endpoint));
        Assert.False(SegmentMatcher.Matches(Attribute("interests", "INCLUSIVE", "music"), Endpoint.Unregistered(AppId, "x")));
    }

    [Fact]
    public void DateAttributesOnEndpointsCompareAsInstants()
    {
        var endpoint = RegisteredEndpoint() with
        {
            Attributes = new Dictionary<string, IReadOnlyList<string>> { ["signup"] = ["2026-02-10T09:00:00Z"] },
        };

        Assert.True(SegmentMatcher.Matches(Attribute("signup", "AFTER", "2026-01-01T00:00:00Z"), endpoint));
        Assert.False(SegmentMatcher.Matches(Attribute("signup", "BEFORE", "2026-01-01T00:00:00Z"), endpoint));
        Assert.True(SegmentMatcher.Matches(Attribute("signup", "ON", "2026-02-10T00:00:00Z"), endpoint));
        Assert.True(SegmentMatcher.Matches(Attribute("signup", "BETWEEN", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"), endpoint));
    }

    [Theory]
    [InlineData("INCLUSIVE", new[] { "gold" }, true)]
    [InlineData("INCLUSIVE", new[] { "early-adopter" }, true)]
    [InlineData("INCLUSIVE", new[] { "silver" }, false)]
    [InlineData("EXCLUSIVE", new[] { "gold" }, false)]
    [InlineData("EXCLUSIVE", new[] { "silver" }, true)]
    public void UserAttributesAreMatchedAgainstTheEndpointsUser(string type, string[] wanted, bool matches)
    {
        var dimensions = new SegmentDimensions { UserAttributes = Map("tier", new AttributeDimension { AttributeType = type, Values = wanted }) };

        Assert.Equal(matches, SegmentMatcher.Matches(dimensions, Listener("music")));
    }

    [Fact]
    public void UserAttributeDimensionsAreNotSatisfiedByEndpointAttributesOfTheSameName()
    {
        var dimensions = new SegmentDimensions { UserAttributes = Map("plan", new AttributeDimension { Values = ["pro"] }) };

        Assert.False(SegmentMatcher.Matches(dimensions, Listener("music")));
        Assert.False(SegmentMatcher.Matches(dimensions, Listener("music") with { User = null }));
    }

    [Theory]
    [InlineData("score", "GREATER_THAN", 4, true)]
    [InlineData("score", "LESS_THAN", 4, false)]
    [InlineData("score", "EQUAL", 4.5, true)]
    [InlineData("level", "EQUAL", 0, true)]
    [InlineData("level", "GREATER_THAN_OR_EQUAL", 0, true)]
    [InlineData("level", "GREATER_THAN", 0, false)]
    [InlineData("missing", "LESS_THAN", 100, false)]
    public void EndpointMetrics(string metric, string op, double threshold, bool matches)
    {
        var dimensions = new SegmentDimensions { Metrics = Map(metric, new MetricDimension { ComparisonOperator = op, Value = threshold }) };

        Assert.Equal(matches, SegmentMatcher.Matches(dimensions, Listener("music")));
    }

    public static TheoryData<string, SegmentDemographics, bool> Demographics => new()
    {
        { "platform, other case", new() { Platform = Inclusive("ios") }, true },
        { "platform, another one", new() { Platform = Inclusive("android") }, false },
        { "device type is the platform", new() { DeviceType = Inclusive("IOS") }, true },
        { "app version", new() { AppVersion = Inclusive("1.1.0", "1.2.0") }, true },
        { "app version, not listed", new() { AppVersion = Inclusive("2.0.0") }, false },
        { "make, other case", new() { Make = Inclusive("APPLE") }, true },
        { "model", new() { Model = Inclusive("iphone15,2") }, true },
        { "model, another one", new() { Model = Inclusive("Pixel 8") }, false },
        { "locale, other case", new() { Locale = Inclusive("EN_us") }, true },
        { "locale, another one", new() { Locale = Inclusive("fr_FR") }, false },
        { "channel, other case", new() { Channel = Inclusive("in_app") }, true },
        { "channel, another one", new() { Channel = Inclusive("GCM") }, false },
        { "excluded platform", new() { Platform = Exclusive("iOS") }, false },
        { "excluded other platform", new() { Platform = Exclusive("android") }, true },
        { "all must hold", new() { Platform = Inclusive("iOS"), AppVersion = Inclusive("2.0.0") }, false },
    };

    [Theory]
    [MemberData(nameof(Demographics))]
    public void DemographicsCompareCaseInsensitively(string because, SegmentDemographics demographic, bool matches) =>
        Assert.True(matches == SegmentMatcher.Matches(new SegmentDimensions { Demographic = demographic }, Listener("music")), because);

    [Fact]
    public void EndpointWithoutDemographicIsOutsideAnInclusiveDemographicAndInsideAnExclusiveOne()
    {
        var endpoint = RegisteredEndpoint() with { Demographic = null };

        Assert.False(SegmentMatcher.Matches(new SegmentDimensions { Demographic = new() { Platform = Inclusive("iOS") } }, endpoint));
        Assert.True(SegmentMatcher.Matches(new SegmentDimensions { Demographic = new() { Platform = Exclusive("iOS") } }, endpoint));
    }

    [Fact]
    public void EveryKindOfDimensionMustHold()
    {
        var dimensions = new SegmentDimensions
        {
            Attributes = Map("interests", new AttributeDimension { Values = ["music"] }),
            UserAttributes = Map("tier", new AttributeDimension { Values = ["gold"] }),
            Metrics = Map("score", new MetricDimension { ComparisonOperator = "GREATER_THAN", Value = 4 }),
            Demographic = new SegmentDemographics { Channel = Inclusive("IN_APP"), Platform = Inclusive("iOS") },
        };

        Assert.True(SegmentMatcher.Matches(dimensions, Listener("music")));
        Assert.False(SegmentMatcher.Matches(dimensions, Listener("sports")));
        Assert.False(SegmentMatcher.Matches(dimensions, Listener("music") with { Metrics = new Dictionary<string, double> { ["score"] = 1 } }));
        Assert.False(SegmentMatcher.Matches(dimensions, Listener("music") with { ChannelType = "GCM" }));
    }

    private static SetDimension Inclusive(params string[] values) => new() { DimensionType = "INCLUSIVE", Values = values };

    private static SetDimension Exclusive(params string[] values) => new() { DimensionType = "EXCLUSIVE", Values = values };
}
