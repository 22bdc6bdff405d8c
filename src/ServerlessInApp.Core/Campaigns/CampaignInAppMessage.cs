using ServerlessInApp.Core.Messages;

namespace ServerlessInApp.Core.Campaigns;

/// <summary>An inline in-app message; <c>Body</c> is Pinpoint's legacy member, stored and echoed but never shown.</summary>
public sealed record CampaignInAppMessage
{
    public string? Body { get; init; }
    public IReadOnlyList<InAppMessageContent>? Content { get; init; }
    public IReadOnlyDictionary<string, string>? CustomConfig { get; init; }
    public string? Layout { get; init; }

    public InAppMessage ToMessage() => new() { Layout = Layout, Content = Content, CustomConfig = CustomConfig };
}
