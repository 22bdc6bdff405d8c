namespace ServerlessInApp.Core.Settings;

/// <summary>
/// An app's defaults for its in-app campaigns (Pinpoint's ApplicationSettings): Limits and QuietTime apply where a
/// campaign sets none, and Limits.Daily also caps all in-app messages one endpoint is shown per day.
/// <see cref="InAppMessagesMode"/> is ours: SERVER_TRIGGERED (default) or DEVICE_TRIGGERED.
/// </summary>
public sealed record ApplicationSettings
{
    public Campaigns.CampaignLimits? Limits { get; init; }
    public Campaigns.QuietTime? QuietTime { get; init; }
    public string? InAppMessagesMode { get; init; }

    public const string ServerTriggered = "SERVER_TRIGGERED";
    public const string DeviceTriggered = "DEVICE_TRIGGERED";
    public static readonly IReadOnlySet<string> Modes = new HashSet<string> { ServerTriggered, DeviceTriggered };

    public bool IsDeviceTriggered => InAppMessagesMode == DeviceTriggered;
}
