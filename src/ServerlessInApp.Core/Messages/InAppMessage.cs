namespace ServerlessInApp.Core.Messages;

/// <summary>What a device shows: a layout and 1 to 5 content items (more than one only for CAROUSEL).</summary>
public sealed record InAppMessage
{
    public string? Layout { get; init; }
    public IReadOnlyList<InAppMessageContent>? Content { get; init; }
    public IReadOnlyDictionary<string, string>? CustomConfig { get; init; }
}
