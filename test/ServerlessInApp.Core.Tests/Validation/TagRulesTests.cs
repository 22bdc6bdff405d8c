using ServerlessInApp.Core.Tests.Support;
using ServerlessInApp.Core.Validation;

namespace ServerlessInApp.Core.Tests.Validation;

public class TagRulesTests
{
    [Fact]
    public void FiftyShortTagsPass()
    {
        Assert.Null(TagRules.Validate(null));
        Assert.Null(TagRules.Validate(new Dictionary<string, string> { ["env"] = "dev", ["empty"] = "" }));
        Assert.Null(TagRules.Validate(Enumerable.Range(0, 50).ToDictionary(i => $"k{i}", i => new string('v', 256))));
    }

    [Fact]
    public void FiftyOneTagsAreRejected() =>
        AssertError.Names("tags", TagRules.Validate(Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", _ => "v")));

    [Fact]
    public void TagKeyOf129CharactersIsRejected() =>
        AssertError.Names("tags", TagRules.Validate(new Dictionary<string, string> { [new string('k', 129)] = "v" }));

    [Fact]
    public void TagValueOf257CharactersIsRejectedNamingTheTag() =>
        AssertError.Names("tags.env", TagRules.Validate(new Dictionary<string, string> { ["env"] = new string('v', 257) }));
}
