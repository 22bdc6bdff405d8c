using ServerlessInApp.Core.Events;
using ServerlessInApp.Core.Tests.Support;
using ServerlessInApp.Core.Validation;
using static ServerlessInApp.Core.Tests.Support.Sample;

namespace ServerlessInApp.Core.Tests.Validation;

public class EventRulesTests
{
    private static readonly EventSession Session = new()
    {
        Id = "9a8b", StartTimestamp = "2024-05-01T11:58:00.000Z", StopTimestamp = "2024-05-01T12:10:00.000Z", Duration = 720000,
    };

    private static AppEventBody Displayed => new()
    {
        EventType = "_inapp.message_displayed",
        Timestamp = "2024-05-01T12:00:03.120Z",
        Attributes = new Dictionary<string, string>
        {
            ["campaign_id"] = "spring-promo", ["delivery_type"] = "IN_APP_MESSAGE", ["treatment_id"] = "0",
        },
        Session = Session,
    };

    private static Dictionary<string, string> Attributes(int count) =>
        Enumerable.Range(0, count).ToDictionary(i => $"a{i}", i => $"v{i}");

    private static Dictionary<string, double> Metrics(int count) =>
        Enumerable.Range(0, count).ToDictionary(i => $"m{i}", i => (double)i);

    public static TheoryData<string> ValidCases => new(Valid.Keys);

    private static readonly Dictionary<string, AppEventBody> Valid = new()
    {
        ["Amplify's message displayed event"] = Displayed,
        ["session stop"] = new() { EventType = "_session.stop", Timestamp = "2024-05-01T12:10:00Z", Session = Session },
        ["custom event with offset timestamp"] = EventBody("purchase", Map("sku", "A1"), Map("price", 10.0), "2024-05-01T14:00:00+02:00"),
        ["forty keys"] = EventBody(attributes: Attributes(20), metrics: Metrics(20)),
        ["attribute value of 200 characters"] = EventBody(attributes: Map("note", new string('v', 200))),
        ["key of 50 characters"] = EventBody(attributes: Map(new string('k', 50), "v")),
        ["session without stop"] = Displayed with { Session = new EventSession { Id = "s", StartTimestamp = "2024-05-01T11:58:00Z" } },
    };

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void WellFormedEventPasses(string @case) => Assert.Null(EventRules.Validate(Valid[@case]));

    public static TheoryData<string> InvalidCases => new(Invalid.Keys);

    private static readonly Dictionary<string, (string Field, AppEventBody Event)> Invalid = new()
    {
        ["EventType absent"] = ("EventType", Displayed with { EventType = null }),
        ["EventType empty"] = ("EventType", Displayed with { EventType = "" }),
        ["EventType of 101 characters"] = ("EventType", Displayed with { EventType = new string('e', 101) }),
        ["Timestamp absent"] = ("Timestamp", Displayed with { Timestamp = null }),
        ["Timestamp in epoch milliseconds"] = ("Timestamp", Displayed with { Timestamp = "1714564803120" }),
        ["Timestamp in words"] = ("Timestamp", Displayed with { Timestamp = "May 1st" }),
        ["Timestamp day-first, read month-first"] = ("Timestamp", Displayed with { Timestamp = "01/05/2026 12:00" }),
        ["Timestamp in prose"] = ("Timestamp", Displayed with { Timestamp = "1 May 2026 10:00 PM" }),
        ["Timestamp on February 30th"] = ("Timestamp", Displayed with { Timestamp = "2024-02-30T00:00:00Z" }),
        ["attribute value of 201 characters"] = ("Attributes.note", EventBody(attributes: Map("note", new string('v', 201)))),
        ["attribute key of 51 characters"] = ("Attributes key", EventBody(attributes: Map(new string('k', 51), "v"))),
        ["metric not finite"] = ("Metrics.price", EventBody(metrics: Map("price", double.PositiveInfinity))),
        ["Session without Id"] = ("Session.Id", Displayed with { Session = Session with { Id = null } }),
        ["Session without StartTimestamp"] = ("Session.StartTimestamp", Displayed with { Session = Session with { StartTimestamp = null } }),
        ["Session with bad StopTimestamp"] = ("Session.StopTimestamp", Displayed with { Session = Session with { StopTimestamp = "later" } }),
        ["Session with negative Duration"] = ("Session.Duration", Displayed with { Session = Session with { Duration = -1 } }),
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void MalformedEventIsRejectedNamingTheField(string @case)
    {
        var (field, e) = Invalid[@case];

        AssertError.Names(field, EventRules.Validate(e));
    }

    [Theory]
    [InlineData(41, 0)]
    [InlineData(21, 20)]
    [InlineData(0, 41)]
    public void EventWithFortyOneKeysIsRejected(int attributes, int metrics) =>
        Assert.Equal("An event has at most 40 attribute and metric keys (got 41).",
            EventRules.Validate(EventBody(attributes: Attributes(attributes), metrics: Metrics(metrics))));

    [Fact]
    public void NullEventIsRejected() => Assert.NotNull(EventRules.Validate(null));
}
