using ServerlessInApp.Core.Tests.Support;
using ServerlessInApp.Core.Validation;

namespace ServerlessInApp.Core.Tests.Validation;

/// <summary>Ids that arrive in paths and map keys: endpoint, segment and event ids.</summary>
public class IdRulesTests
{
    [Theory]
    [InlineData("4b1a9e2e-5f3c-4b1a-9e2e-5f3c4b1a9e2e")]
    [InlineData("ep 1/x")]
    [InlineData("user@example.com")]
    [InlineData("ÉtéEndpoint")]
    [InlineData("a")]
    public void EndpointIdOfOrdinaryCharactersPasses(string id) => Assert.Null(EndpointRules.Id(id));

    [Fact]
    public void EndpointIdOf128CharactersPasses() => Assert.Null(EndpointRules.Id(new string('e', 128)));

    [Theory]
    [InlineData("ep$1", "must not contain '$', '{' or '}'")]
    [InlineData("ep{1", "must not contain '$', '{' or '}'")]
    [InlineData("ep}1", "must not contain '$', '{' or '}'")]
    [InlineData("{{User.Id}}", "must not contain '$', '{' or '}'")]
    [InlineData("ep\n1", "must not contain control characters")]
    [InlineData("ep\u00001", "must not contain control characters")]
    [InlineData("\tep", "must not contain control characters")]
    [InlineData("ep\u007f", "must not contain control characters")]
    [InlineData("   ", "must not be blank")]
    [InlineData("", "is required")]
    [InlineData(null, "is required")]
    public void EndpointIdWithForbiddenCharactersIsRejectedNamingEndpointId(string? id, string reason)
    {
        var error = EndpointRules.Id(id);

        AssertError.Names("EndpointId", error);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void EndpointIdOf129CharactersIsRejected() =>
        Assert.Equal("EndpointId must be at most 128 characters.", EndpointRules.Id(new string('e', 129)));

    [Theory]
    [InlineData("Event id", "e$1")]
    [InlineData("SegmentId", "seg{1}")]
    [InlineData("SegmentId", "seg\r")]
    public void OtherIdsFollowTheSameRules(string field, string id) => AssertError.Names(field, Check.Id(field, id));

    [Fact]
    public void IdLimitCanBeTighter()
    {
        Assert.Null(Check.Id("Event id", new string('e', 64), max: 64));
        AssertError.Names("Event id", Check.Id("Event id", new string('e', 65), max: 64));
    }
}
