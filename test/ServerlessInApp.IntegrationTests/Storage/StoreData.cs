using ServerlessInApp.Core.Apps;
using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Messages;
using ServerlessInApp.Core.Segments;
using ServerlessInApp.Core.Templates;

namespace ServerlessInApp.IntegrationTests.Storage;

/// <summary>Domain records for store tests: stores do not validate, so only what the assertions read is filled in.</summary>
internal static class StoreData
{
    public static readonly DateTimeOffset Created = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static string NewId() => Guid.NewGuid().ToString("N");

    public static App App(string? id = null) => new(id ?? NewId(), "store-test", new Dictionary<string, string> { ["team"] = "games" }, Created);

    public static Campaign Campaign(string appId, string id, int version, string name) => new(
        appId, id, version,
        new CampaignDefinition { Name = name, SegmentId = "segment-1", Priority = 1 },
        Message(name),
        Created,
        Created.AddMinutes(version));

    public static Segment Segment(string appId, string id) =>
        new(appId, id, 1, new SegmentDefinition { Name = "everyone" }, Created, Created);

    public static InAppTemplate Template(string name, int version) => new(
        name, version,
        new TemplateDefinition { Layout = "TOP_BANNER", Content = Message("v" + version).Content, TemplateDescription = "version " + version },
        new Dictionary<string, string>(),
        Created,
        Created.AddMinutes(version));

    public static InAppMessage Message(string header) => new()
    {
        Layout = "TOP_BANNER",
        Content = [new InAppMessageContent { HeaderConfig = new InAppMessageHeaderConfig { Header = header, Alignment = "LEFT", TextColor = "#000000" } }],
    };
}
