using ServerlessInApp.Core.Endpoints;
using ServerlessInApp.Core.Tests.Support;
using ServerlessInApp.Core.Validation;

namespace ServerlessInApp.Core.Tests.Validation;

public class EndpointRulesTests
{
    private static readonly EndpointUpdate Amplify = new()
    {
        ChannelType = "IN_APP",
        EffectiveDate = "2024-05-01T12:00:00.000Z",
        RequestId = "c0d1",
        Attributes = new Dictionary<string, IReadOnlyList<string>> { ["interests"] = ["music", "travel"] },
        Metrics = new Dictionary<string, double> { ["score"] = 4.5 },
        OptOut = "NONE",
        Demographic = new EndpointDemographic { AppVersion = "1.2.0", Platform = "web", Make = "Google", Model = "Chrome" },
        User = new EndpointUser
        {
            UserId = "user-123",
            UserAttributes = new Dictionary<string, IReadOnlyList<string>> { ["plan"] = ["pro"] },
        },
    };

    private static EndpointUpdate WithAttribute(string name, params string[] values) =>
        Amplify with { Attributes = new Dictionary<string, IReadOnlyList<string>> { [name] = values } };

    private static EndpointUpdate WithUserAttribute(string name, params string[] values) =>
        Amplify with { User = new EndpointUser { UserAttributes = new Dictionary<string, IReadOnlyList<string>> { [name] = values } } };

    public static TheoryData<string> ValidCases => new(Valid.Keys);

    private static readonly Dictionary<string, EndpointUpdate> Valid = new()
    {
        ["what Amplify sends"] = Amplify,
        ["Amplify's empty endpoint in PutEvents"] = new EndpointUpdate(),
        ["analytics endpoint without channel"] = Amplify with { ChannelType = null },
        ["opted out of everything"] = Amplify with { OptOut = "ALL" },
        ["inactive"] = Amplify with { EndpointStatus = "INACTIVE" },
        ["attribute value of 100 characters"] = WithAttribute("bio", new string('v', 100)),
        ["fifty values"] = WithAttribute("tags", Enumerable.Range(0, 50).Select(i => $"t{i}").ToArray()),
        ["attribute name of 50 characters"] = WithAttribute(new string('n', 50), "v"),
        ["250 keys"] = Amplify with
        {
            Attributes = Enumerable.Range(0, 200).ToDictionary(i => $"a{i}", i => (IReadOnlyList<string>)[$"{i}"]),
            Metrics = Enumerable.Range(0, 49).ToDictionary(i => $"m{i}", i => (double)i),
        },
    };

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void ValidEndpointPasses(string @case) => Assert.Null(EndpointRules.Validate(Valid[@case]));

    public static TheoryData<string> InvalidCases => new(Invalid.Keys);

    private static readonly Dictionary<string, (string Field, EndpointUpdate Endpoint)> Invalid = new()
    {
        ["unknown ChannelType"] = ("ChannelType", Amplify with { ChannelType = "WEB_PUSH" }),
        ["ChannelType in lower case"] = ("ChannelType", Amplify with { ChannelType = "in_app" }),
        ["OptOut SOME"] = ("OptOut", Amplify with { OptOut = "SOME" }),
        ["OptOut in lower case"] = ("OptOut", Amplify with { OptOut = "all" }),
        ["EndpointStatus DISABLED"] = ("EndpointStatus", Amplify with { EndpointStatus = "DISABLED" }),
        ["EffectiveDate not a date"] = ("EffectiveDate", Amplify with { EffectiveDate = "now" }),
        ["attribute value of 101 characters"] = ("Attributes.bio", WithAttribute("bio", new string('v', 101))),
        ["51 values"] = ("Attributes.tags", WithAttribute("tags", Enumerable.Range(0, 51).Select(i => $"t{i}").ToArray())),
        ["attribute name of 51 characters"] = ("Attributes", WithAttribute(new string('n', 51), "v")),
        ["user attribute value of 101 characters"] = ("User.UserAttributes.bio", WithUserAttribute("bio", new string('v', 101))),
        ["51 user attribute values"] = ("User.UserAttributes.tags", WithUserAttribute("tags", Enumerable.Range(0, 51).Select(i => $"t{i}").ToArray())),
        ["metric not finite"] = ("Metrics.score", Amplify with { Metrics = new Dictionary<string, double> { ["score"] = double.NaN } }),
        ["251 keys"] = ("Attributes", Amplify with
        {
            Attributes = Enumerable.Range(0, 200).ToDictionary(i => $"a{i}", i => (IReadOnlyList<string>)[$"{i}"]),
            Metrics = Enumerable.Range(0, 50).ToDictionary(i => $"m{i}", i => (double)i),
        }),
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void InvalidEndpointIsRejectedNamingTheField(string @case)
    {
        var (field, endpoint) = Invalid[@case];

        AssertError.Names(field, EndpointRules.Validate(endpoint));
    }

    [Fact]
    public void PutEventsEndpointErrorsNameTheirPlaceInTheBatch() =>
        AssertError.Names("Endpoint.OptOut", EndpointRules.Validate(Amplify with { OptOut = "SOME" }, "Endpoint."));
}
