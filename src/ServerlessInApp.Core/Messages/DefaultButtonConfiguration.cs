namespace ServerlessInApp.Core.Messages;

public sealed record DefaultButtonConfiguration
{
    public string? ButtonAction { get; init; }
    public string? Text { get; init; }
    public string? BackgroundColor { get; init; }
    public int? BorderRadius { get; init; }
    public string? Link { get; init; }
    public string? TextColor { get; init; }
}
