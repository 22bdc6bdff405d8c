namespace ServerlessInApp.Core.Messages;

public sealed record InAppMessageHeaderConfig
{
    public string? Alignment { get; init; }
    public string? Header { get; init; }
    public string? TextColor { get; init; }
}
