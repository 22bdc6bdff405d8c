using ServerlessInApp.Core.Messages;
using ServerlessInApp.Core.Templates;
using ServerlessInApp.Core.Tests.Support;
using ServerlessInApp.Core.Validation;
using static ServerlessInApp.Core.Tests.Support.Sample;

namespace ServerlessInApp.Core.Tests.Validation;

/// <summary>What a device will render, checked through TemplateRules (the same rules apply to inline campaign messages).</summary>
public class InAppContentRulesTests
{
    private static TemplateDefinition Template(string? layout = "MIDDLE_BANNER", int items = 1) => new()
    {
        Layout = layout,
        Content = Enumerable.Range(1, items).Select(i => Content($"Slide {i}")).ToList(),
        CustomConfig = new Dictionary<string, string> { ["promo"] = "SPRING24" },
    };

    private static TemplateDefinition Item(Func<InAppMessageContent, InAppMessageContent> change) =>
        Template() with { Content = [change(Content())] };

    private static TemplateDefinition Primary(Func<DefaultButtonConfiguration, DefaultButtonConfiguration> change) =>
        Item(c => c with { PrimaryBtn = c.PrimaryBtn! with { DefaultConfig = change(c.PrimaryBtn.DefaultConfig!) } });

    private static TemplateDefinition Secondary(Func<DefaultButtonConfiguration, DefaultButtonConfiguration> change) =>
        Item(c => c with { SecondaryBtn = c.SecondaryBtn! with { DefaultConfig = change(c.SecondaryBtn.DefaultConfig!) } });

    private static TemplateDefinition Header(string? text = "Header", string? alignment = "CENTER", string? color = "#000000") =>
        Item(c => c with { HeaderConfig = new InAppMessageHeaderConfig { Header = text, Alignment = alignment, TextColor = color } });

    private static TemplateDefinition Body(string? text = "Body", string? alignment = "LEFT", string? color = "#000000") =>
        Item(c => c with { BodyConfig = new InAppMessageBodyConfig { Body = text, Alignment = alignment, TextColor = color } });

    private static TemplateDefinition Config(int pairs, string value = "x") => Template() with
    {
        CustomConfig = Enumerable.Range(1, pairs).ToDictionary(i => $"key{i}", _ => value),
    };

    public static TheoryData<string> ValidCases => new(Valid.Keys);

    private static readonly Dictionary<string, TemplateDefinition> Valid = new()
    {
        ["banner with header, body, image and two buttons"] = Template(),
        ["every layout with one item: TOP_BANNER"] = Template("TOP_BANNER"),
        ["every layout with one item: BOTTOM_BANNER"] = Template("BOTTOM_BANNER"),
        ["every layout with one item: OVERLAYS"] = Template("OVERLAYS"),
        ["every layout with one item: MOBILE_FEED"] = Template("MOBILE_FEED"),
        ["carousel of one"] = Template("CAROUSEL", 1),
        ["carousel of five"] = Template("CAROUSEL", 5),
        ["image only"] = Template() with { Content = [new InAppMessageContent { ImageUrl = "http://cdn.example.com/a.jpg" }] },
        ["body only, no buttons"] = Template() with
        {
            Content = [new InAppMessageContent { BodyConfig = new() { Alignment = "RIGHT", Body = "Hi", TextColor = "#000" } }],
        },
        ["header of 64 characters"] = Header(new string('h', 64)),
        ["body of 150 characters"] = Body(new string('b', 150)),
        ["button text of 64 characters"] = Primary(b => b with { Text = new string('t', 64) }),
        ["ten custom config pairs"] = Config(10),
        ["no custom config"] = Template() with { CustomConfig = null },
        ["three-digit and eight-digit colors"] = Item(c => c with { BackgroundColor = "#fff", HeaderConfig = c.HeaderConfig! with { TextColor = "#00000080" } }),
        ["deep link with an app scheme"] = Primary(b => b with { ButtonAction = "DEEP_LINK", Link = "myapp://settings/profile" }),
        ["close button without a link"] = Primary(b => b with { ButtonAction = "CLOSE", Link = null }),
        ["single braces are plain text"] = Header("Save {now} on $ items"),
    };

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void ValidContentPasses(string @case) => Assert.Null(TemplateRules.Validate(Valid[@case]));

    public static TheoryData<string> InvalidCases => new(Invalid.Keys);

    private static readonly Dictionary<string, (string Field, TemplateDefinition Template)> Invalid = new()
    {
        ["carousel of six"] = ("Content", Template("CAROUSEL", 6)),
        ["two items in a middle banner"] = ("Content", Template("MIDDLE_BANNER", 2)),
        ["two items in an overlay"] = ("Content", Template("OVERLAYS", 2)),
        ["no content"] = ("Content", Template() with { Content = [] }),
        ["content absent"] = ("Content", Template() with { Content = null }),
        ["layout absent"] = ("Layout", Template(layout: null)),
        ["unknown layout"] = ("Layout", Template("SIDE_BANNER")),
        ["layout in lower case"] = ("Layout", Template("carousel")),
        ["item with nothing to show"] = ("Content[0]", Template() with { Content = [new InAppMessageContent { BackgroundColor = "#FFFFFF" }] }),
        ["third carousel item broken"] = ("Content[2].HeaderConfig.TextColor", Template("CAROUSEL", 3) with
        {
            Content = [Content(), Content(), Content() with { HeaderConfig = Content().HeaderConfig! with { TextColor = "black" } }],
        }),
        ["unknown header alignment"] = ("Content[0].HeaderConfig.Alignment", Header(alignment: "JUSTIFY")),
        ["header alignment absent"] = ("Content[0].HeaderConfig.Alignment", Header(alignment: null)),
        ["unknown body alignment"] = ("Content[0].BodyConfig.Alignment", Body(alignment: "middle")),
        ["header text absent"] = ("Content[0].HeaderConfig.Header", Header(text: null)),
        ["header text blank"] = ("Content[0].HeaderConfig.Header", Header(text: "  ")),
        ["header of 65 characters"] = ("Content[0].HeaderConfig.Header", Header(new string('h', 65))),
        ["body of 151 characters"] = ("Content[0].BodyConfig.Body", Body(new string('b', 151))),
        ["button text of 65 characters"] = ("Content[0].PrimaryBtn.DefaultConfig.Text", Primary(b => b with { Text = new string('t', 65) })),
        ["button text absent"] = ("Content[0].SecondaryBtn.DefaultConfig.Text", Secondary(b => b with { Text = null })),
        ["button without DefaultConfig"] = ("Content[0].PrimaryBtn.DefaultConfig", Item(c => c with { PrimaryBtn = new InAppMessageButton() })),
        ["unknown button action"] = ("Content[0].PrimaryBtn.DefaultConfig.ButtonAction", Primary(b => b with { ButtonAction = "OPEN" })),
        ["button action absent"] = ("Content[0].PrimaryBtn.DefaultConfig.ButtonAction", Primary(b => b with { ButtonAction = null })),
        ["unknown iOS override action"] = ("Content[0].PrimaryBtn.IOS.ButtonAction", Item(c => c with
        {
            PrimaryBtn = c.PrimaryBtn! with { IOS = new OverrideButtonConfiguration { ButtonAction = "SHARE" } },
        })),
        ["background color by name"] = ("Content[0].BackgroundColor", Item(c => c with { BackgroundColor = "white" })),
        ["header color with five digits"] = ("Content[0].HeaderConfig.TextColor", Header(color: "#12345")),
        ["header color absent"] = ("Content[0].HeaderConfig.TextColor", Header(color: null)),
        ["body color without #"] = ("Content[0].BodyConfig.TextColor", Body(color: "000000")),
        ["button background not hex"] = ("Content[0].PrimaryBtn.DefaultConfig.BackgroundColor", Primary(b => b with { BackgroundColor = "#GGGGGG" })),
        ["button text color as rgb()"] = ("Content[0].PrimaryBtn.DefaultConfig.TextColor", Primary(b => b with { TextColor = "rgb(0,0,0)" })),
        ["color with a trailing newline"] = ("Content[0].BackgroundColor", Item(c => c with { BackgroundColor = "#FFFFFF\n" })),
        ["negative border radius"] = ("Content[0].PrimaryBtn.DefaultConfig.BorderRadius", Primary(b => b with { BorderRadius = -1 })),
        ["ftp image"] = ("Content[0].ImageUrl", Item(c => c with { ImageUrl = "ftp://cdn.example.com/banner.png" })),
        ["image without scheme"] = ("Content[0].ImageUrl", Item(c => c with { ImageUrl = "cdn.example.com/banner.png" })),
        ["image as a path"] = ("Content[0].ImageUrl", Item(c => c with { ImageUrl = "/img/banner.png" })),
        ["image as a data URI"] = ("Content[0].ImageUrl", Item(c => c with { ImageUrl = "data:image/png;base64,AAAA" })),
        ["LINK without Link"] = ("Content[0].PrimaryBtn.DefaultConfig.Link", Primary(b => b with { Link = null })),
        ["LINK to an app scheme"] = ("Content[0].PrimaryBtn.DefaultConfig.Link", Primary(b => b with { Link = "myapp://sale" })),
        ["LINK relative"] = ("Content[0].PrimaryBtn.DefaultConfig.Link", Primary(b => b with { Link = "/sale" })),
        ["DEEP_LINK without Link"] = ("Content[0].PrimaryBtn.DefaultConfig.Link", Primary(b => b with { ButtonAction = "DEEP_LINK", Link = null })),
        ["DEEP_LINK relative"] = ("Content[0].PrimaryBtn.DefaultConfig.Link", Primary(b => b with { ButtonAction = "DEEP_LINK", Link = "settings/profile" })),
        ["DEEP_LINK relative from the root"] = ("Content[0].PrimaryBtn.DefaultConfig.Link", Primary(b => b with { ButtonAction = "DEEP_LINK", Link = "/settings" })),
        ["Link on CLOSE"] = ("Content[0].SecondaryBtn.DefaultConfig.Link", Secondary(b => b with { Link = "https://example.com" })),
        ["Web override LINK without Link"] = ("Content[0].PrimaryBtn.Web.Link", Item(c => c with
        {
            PrimaryBtn = c.PrimaryBtn! with { Web = new OverrideButtonConfiguration { ButtonAction = "LINK" } },
        })),
        ["Android override relative DEEP_LINK"] = ("Content[0].PrimaryBtn.Android.Link", Item(c => c with
        {
            PrimaryBtn = c.PrimaryBtn! with { Android = new OverrideButtonConfiguration { ButtonAction = "DEEP_LINK", Link = "home" } },
        })),
        ["{{User.Name}} in the header"] = ("Content[0].HeaderConfig.Header", Header("Hello {{User.Name}}")),
        ["{{User.Name}} in the body"] = ("Content[0].BodyConfig.Body", Body("Hi {{User.Name}}, 20% off")),
        ["{{User.Name}} in button text"] = ("Content[0].PrimaryBtn.DefaultConfig.Text", Primary(b => b with { Text = "Go {{User.Name}}" })),
        ["{{User.Name}} in a link"] = ("Content[0].PrimaryBtn.DefaultConfig.Link", Primary(b => b with { Link = "https://example.com/{{User.Name}}" })),
        ["{{User.Name}} in custom config"] = ("CustomConfig.greeting", Template() with
        {
            CustomConfig = new Dictionary<string, string> { ["greeting"] = "Hello {{User.Name}}" },
        }),
        ["eleven custom config pairs"] = ("CustomConfig", Config(11)),
        ["description of 501 characters"] = ("TemplateDescription", Template() with { TemplateDescription = new string('d', 501) }),
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void InvalidContentIsRejectedNamingTheField(string @case)
    {
        var (field, template) = Invalid[@case];

        AssertError.Names(field, TemplateRules.Validate(template));
    }

    [Fact]
    public void CarouselOfSixIsRejectedNamingContent()
    {
        var error = TemplateRules.Validate(Template("CAROUSEL", 6));

        Assert.Equal("Content of a CAROUSEL has at most 5 messages (got 6).", error);
    }

    [Fact]
    public void SubstitutionVariableIsRejectedSayingInAppMessagesDoNotSupportThem()
    {
        var error = TemplateRules.Validate(Header("Hello {{User.Name}}"));

        Assert.NotNull(error);
        Assert.Contains("do not support substitution variables", error);
    }

    [Fact]
    public void InlineCampaignMessageErrorsNameTheirFullPath() =>
        AssertError.Names("MessageConfiguration.InAppMessage.Content[0].HeaderConfig.Header", InAppContentRules.Validate(
            "TOP_BANNER", [Content(new string('h', 65))], null, "MessageConfiguration.InAppMessage."));
}
