namespace ServerlessInApp.Core.Messages;

public sealed record InAppMessageContent
{
    public string? BackgroundColor { get; init; }
    public InAppMessageBodyConfig? BodyConfig { get; init; }
    public InAppMessageHeaderConfig? HeaderConfig { get; init; }
    public string? ImageUrl { get; init; }
    public InAppMessageButton? PrimaryBtn { get; init; }
    public InAppMessageButton? SecondaryBtn { get; init; }
}
