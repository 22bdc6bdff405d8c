namespace ServerlessInApp.Core.Messages;

/// <summary>A button: its default behaviour and optional per-platform overrides (note <c>IOS</c>, as on the wire).</summary>
public sealed record InAppMessageButton
{
    public DefaultButtonConfiguration? DefaultConfig { get; init; }
    public OverrideButtonConfiguration? Android { get; init; }
    public OverrideButtonConfiguration? IOS { get; init; }
    public OverrideButtonConfiguration? Web { get; init; }
}
