namespace ServerlessInApp.Core.Events;

/// <summary>One event as a client posts it in PutEvents (Pinpoint's Event shape).</summary>
public sealed record AppEventBody
{
    public string? EventType { get; init; }
    public string? Timestamp { get; init; }
    public string? AppPackageName { get; init; }
    public string? AppTitle { get; init; }
    public string? AppVersionCode { get; init; }
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
    public string? ClientSdkVersion { get; init; }
    public IReadOnlyDictionary<string, double>? Metrics { get; init; }
    public string? SdkName { get; init; }
    public EventSession? Session { get; init; }
}
