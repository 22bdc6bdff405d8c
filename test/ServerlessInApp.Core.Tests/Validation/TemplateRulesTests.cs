using ServerlessInApp.Core.Templates;
using ServerlessInApp.Core.Validation;

namespace ServerlessInApp.Core.Tests.Validation;

public class TemplateRulesTests
{
    [Theory]
    [InlineData("spring-promo")]
    [InlineData("Spring_Promo_2026")]
    [InlineData("7-day-streak")]
    [InlineData("a")]
    public void TemplateNameOfLettersDigitsUnderscoresAndDashesPasses(string name)
    {
        Assert.Null(TemplateRules.Name(name));
        Assert.True(TemplateName.IsValid(name));
    }

    [Fact]
    public void TemplateNameOf128CharactersPasses() => Assert.Null(TemplateRules.Name("t" + new string('-', 127)));

    [Theory]
    [InlineData("")]
    [InlineData("-promo")]
    [InlineData("_promo")]
    [InlineData("spring promo")]
    [InlineData("spring.promo")]
    [InlineData("spring/promo")]
    [InlineData("printemps-été")]
    [InlineData("promo\n")]
    [InlineData("promo\t")]
    [InlineData("{{name}}")]
    public void TemplateNameOutsideTheAlphabetIsRejectedNamingTemplateName(string name)
    {
        Assert.Equal("TemplateName must start with a letter or digit and have at most 128 letters, digits, '_' or '-'.",
            TemplateRules.Name(name));
        Assert.False(TemplateName.IsValid(name));
    }

    [Fact]
    public void TemplateNameOf129CharactersIsRejected() => Assert.NotNull(TemplateRules.Name(new string('t', 129)));

    [Fact]
    public void TemplateNamesAreCaseSensitiveButBothCasesAreValid()
    {
        Assert.True(TemplateName.IsValid("Promo"));
        Assert.True(TemplateName.IsValid("promo"));
    }
}
