namespace ServerlessInApp.Core.Messages;

public sealed record InAppMessageBodyConfig
{
    public string? Alignment { get; init; }
    public string? Body { get; init; }
    public string? TextColor { get; init; }
}
