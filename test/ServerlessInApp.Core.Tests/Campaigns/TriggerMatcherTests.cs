using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Segments;
using ServerlessInApp.Core.Tests.Support;
using static ServerlessInApp.Core.Tests.Support.Sample;

namespace ServerlessInApp.Core.Tests.Campaigns;

public class TriggerMatcherTests
{
    [Theory]
    [InlineData("purchase", true)]
    [InlineData("_session.start", true)]
    [InlineData("view_item", false)]
    [InlineData("Purchase", false)]
    public void InclusiveEventTypeMatchesOnlyTheListedEventsExactly(string eventType, bool matches) =>
        Assert.Equal(matches, TriggerMatcher.Matches(Filter(Types("purchase", "_session.start")), EventBody(eventType)));

    [Theory]
    [InlineData("purchase", false)]
    [InlineData("view_item", true)]
    [InlineData("_session.start", true)]
    public void ExclusiveEventTypeMatchesEveryOtherEvent(string eventType, bool matches) =>
        Assert.Equal(matches, TriggerMatcher.Matches(Filter(AllTypesBut("purchase")), EventBody(eventType)));

    [Fact]
    public void EventTypeWithoutDimensionTypeIsInclusive() =>
        Assert.True(TriggerMatcher.Matches(Filter(new SetDimension { Values = ["purchase"] }), EventBody("purchase")));

    [Fact]
    public void FilterWithoutEventTypeNeverTriggers()
    {
        Assert.False(TriggerMatcher.Matches(Filter(eventType: null), EventBody("purchase")));
        Assert.False(TriggerMatcher.Matches(null, EventBody("purchase")));
    }

    [Fact]
    public void EmptyAttributeAndMetricMapsMatchAnyEventOfTheType()
    {
        var filter = Filter(Types("purchase"), new Dictionary<string, AttributeDimension>(), new Dictionary<string, MetricDimension>());

        Assert.True(TriggerMatcher.Matches(filter, EventBody("purchase")));
        Assert.True(TriggerMatcher.Matches(filter, EventBody("purchase", Map("sku", "A1"), Map("price", 3.0))));
    }

    // Event attributes hold one value each; the filter's values are read per AttributeType.
    [Theory]
    [InlineData("INCLUSIVE", new[] { "A1", "A2" }, "A2", true)]
    [InlineData("INCLUSIVE", new[] { "A1", "A2" }, "A3", false)]
    [InlineData("INCLUSIVE", new[] { "A1" }, "a1", false)]
    [InlineData(null, new[] { "A1" }, "A1", true)]
    [InlineData("EXCLUSIVE", new[] { "A1", "A2" }, "A1", false)]
    [InlineData("EXCLUSIVE", new[] { "A1", "A2" }, "A3", true)]
    [InlineData("CONTAINS", new[] { "shoe" }, "red-shoes-42", true)]
    [InlineData("CONTAINS", new[] { "hat", "shoe" }, "red-shoes-42", true)]
    [InlineData("CONTAINS", new[] { "hat" }, "red-shoes-42", false)]
    [InlineData("BEFORE", new[] { "2026-01-01T00:00:00Z" }, "2025-12-31T23:59:59Z", true)]
    [InlineData("BEFORE", new[] { "2026-01-01T00:00:00Z" }, "2026-01-01T00:00:00Z", false)]
    [InlineData("BEFORE", new[] { "2026-01-01T00:00:00Z" }, "not a date", false)]
    [InlineData("AFTER", new[] { "2026-01-01T00:00:00Z" }, "2026-01-01T00:00:01Z", true)]
    [InlineData("AFTER", new[] { "2026-01-01T00:00:00Z" }, "2025-06-01T00:00:00Z", false)]
    [InlineData("AFTER", new[] { "2026-01-01T00:00:00Z" }, "2026-01-01T01:00:00+02:00", false)]
    [InlineData("BETWEEN", new[] { "2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z" }, "2026-01-15T08:00:00Z", true)]
    [InlineData("BETWEEN", new[] { "2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z" }, "2026-01-01T00:00:00Z", true)]
    [InlineData("BETWEEN", new[] { "2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z" }, "2026-01-31T00:00:00Z", true)]
    [InlineData("BETWEEN", new[] { "2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z" }, "2026-02-01T00:00:00Z", false)]
    [InlineData("BETWEEN", new[] { "2026-01-01T00:00:00Z" }, "2026-01-15T00:00:00Z", false)]
    [InlineData("ON", new[] { "2026-03-14T00:00:00Z" }, "2026-03-14T23:59:00Z", true)]
    [InlineData("ON", new[] { "2026-03-14T00:00:00Z" }, "2026-03-13T23:30:00-02:00", true)]
    [InlineData("ON", new[] { "2026-03-14T00:00:00Z" }, "2026-03-15T00:00:00Z", false)]
    [InlineData("ON", new[] { "2026-03-14" }, "2026-03-14T10:00:00Z", true)]
    public void EventAttributeDimension(string? attributeType, string[] values, string eventValue, bool matches)
    {
        var filter = Filter(Types("purchase"), Map("sku", new AttributeDimension { AttributeType = attributeType, Values = values }));

        Assert.Equal(matches, TriggerMatcher.Matches(filter, EventBody("purchase", Map("sku", eventValue))));
    }

    [Theory]
    [InlineData("INCLUSIVE", false)]
    [InlineData("CONTAINS", false)]
    [InlineData("BEFORE", false)]
    [InlineData("EXCLUSIVE", true)]
    public void AbsentEventAttributeSatisfiesOnlyExclusive(string attributeType, bool matches)
    {
        var values = attributeType == "BEFORE" ? new[] { "2026-01-01T00:00:00Z" } : ["A1"];
        var filter = Filter(Types("purchase"), Map("sku", new AttributeDimension { AttributeType = attributeType, Values = values }));

        Assert.Equal(matches, TriggerMatcher.Matches(filter, EventBody("purchase", attributes: null)));
        Assert.Equal(matches, TriggerMatcher.Matches(filter, EventBody("purchase", Map("other", "A1"))));
    }

    [Fact]
    public void EveryAttributeDimensionMustHold()
    {
        var filter = Filter(Types("purchase"), new Dictionary<string, AttributeDimension>
        {
            ["sku"] = new() { AttributeType = "INCLUSIVE", Values = ["A1"] },
            ["store"] = new() { AttributeType = "INCLUSIVE", Values = ["web"] },
        });

        Assert.True(TriggerMatcher.Matches(filter, EventBody("purchase", new Dictionary<string, string> { ["sku"] = "A1", ["store"] = "web" })));
        Assert.False(TriggerMatcher.Matches(filter, EventBody("purchase", new Dictionary<string, string> { ["sku"] = "A1", ["store"] = "app" })));
        Assert.False(TriggerMatcher.Matches(filter, EventBody("purchase", new Dictionary<string, string> { ["sku"] = "A1" })));
    }

    [Theory]
    [InlineData("GREATER_THAN", 10, 10.5, true)]
    [InlineData("GREATER_THAN", 10, 10, false)]
    [InlineData("GREATER_THAN_OR_EQUAL", 10, 10, true)]
    [InlineData("GREATER_THAN_OR_EQUAL", 10, 9.99, false)]
    [InlineData("LESS_THAN", 10, 9.99, true)]
    [InlineData("LESS_THAN", 10, 10, false)]
    [InlineData("LESS_THAN_OR_EQUAL", 10, 10, true)]
    [InlineData("LESS_THAN_OR_EQUAL", 10, 10.01, false)]
    [InlineData("EQUAL", 10, 10, true)]
    [InlineData("EQUAL", 10, 10.01, false)]
    [InlineData("NOT_EQUAL", 10, 11, false)]
    public void MetricOperators(string op, double threshold, double eventValue, bool matches)
    {
        var filter = Filter(Types("purchase"), metrics: Map("price", new MetricDimension { ComparisonOperator = op, Value = threshold }));

        Assert.Equal(matches, TriggerMatcher.Matches(filter, EventBody("purchase", metrics: Map("price", eventValue))));
    }

    // Amplify never matches a threshold of 0; Pinpoint's documented semantics (and ours) do.
    [Theory]
    [InlineData("GREATER_THAN", 0.5, true)]
    [InlineData("GREATER_THAN", 0, false)]
    [InlineData("GREATER_THAN_OR_EQUAL", 0, true)]
    [InlineData("LESS_THAN", -1, true)]
    [InlineData("LESS_THAN_OR_EQUAL", 0, true)]
    [InlineData("EQUAL", 0, true)]
    [InlineData("EQUAL", 0.1, false)]
    public void MetricThresholdOfZeroIsARealThreshold(string op, double eventValue, bool matches)
    {
        var filter = Filter(Types("purchase"), metrics: Map("score", new MetricDimension { ComparisonOperator = op, Value = 0 }));

        Assert.Equal(matches, TriggerMatcher.Matches(filter, EventBody("purchase", metrics: Map("score", eventValue))));
    }

    [Theory]
    [InlineData("GREATER_THAN")]
    [InlineData("LESS_THAN")]
    [InlineData("GREATER_THAN_OR_EQUAL")]
    [InlineData("LESS_THAN_OR_EQUAL")]
    [InlineData("EQUAL")]
    public void AbsentEventMetricNeverMatches(string op)
    {
        var filter = Filter(Types("purchase"), metrics: Map("price", new MetricDimension { ComparisonOperator = op, Value = 0 }));

        Assert.False(TriggerMatcher.Matches(filter, EventBody("purchase", metrics: null)));
        Assert.False(TriggerMatcher.Matches(filter, EventBody("purchase", metrics: Map("quantity", 0.0))));
    }

    [Fact]
    public void MatchingAttributesDoNotHelpAnEventOfAnotherType()
    {
        var filter = Filter(Types("purchase"), Map("sku", new AttributeDimension { Values = ["A1"] }));

        Assert.False(TriggerMatcher.Matches(filter, EventBody("view_item", Map("sku", "A1"))));
    }
}
