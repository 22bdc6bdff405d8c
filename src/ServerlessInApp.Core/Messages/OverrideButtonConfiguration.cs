namespace ServerlessInApp.Core.Messages;

public sealed record OverrideButtonConfiguration
{
    public string? ButtonAction { get; init; }
    public string? Link { get; init; }
}
