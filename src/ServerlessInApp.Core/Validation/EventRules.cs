using ServerlessInApp.Core.Events;

namespace ServerlessInApp.Core.Validation;

/// <summary>Pinpoint's documented per-event limits; an event that breaks one is rejected alone (status 400 in its result).</summary>
public static class EventRules
{
    public const int MaxEventsPerRequest = 100;
    public const int MaxRequestBytes = 4 * 1024 * 1024;
    public const int MaxEventTypeLength = 100;
    public const int MaxKeysPerEvent = 40;
    public const int MaxKeyLength = 50;
    public const int MaxAttributeValueLength = 200;
    public const int MaxClientStringLength = 256;

    public static string? Validate(AppEventBody? e)
    {
        if (e is null) return "The event must be an object.";
        var error = Check.First(
            Check.Required("EventType", e.EventType),
            Check.MaxLength("EventType", e.EventType, MaxEventTypeLength),
            Check.Required("Timestamp", e.Timestamp),
            Check.IsoInstant("Timestamp", e.Timestamp),
            Check.MaxLength("AppPackageName", e.AppPackageName, MaxClientStringLength),
            Check.MaxLength("AppTitle", e.AppTitle, MaxClientStringLength),
            Check.MaxLength("AppVersionCode", e.AppVersionCode, MaxClientStringLength),
            Check.MaxLength("ClientSdkVersion", e.ClientSdkVersion, MaxClientStringLength),
            Check.MaxLength("SdkName", e.SdkName, MaxClientStringLength),
            Check.MaxLength("Session.Id", e.Session?.Id, MaxClientStringLength));
        if (error is not null) return error;

        var keys = (e.Attributes?.Count ?? 0) + (e.Metrics?.Count ?? 0);
        if (keys > MaxKeysPerEvent) return $"An event has at most {MaxKeysPerEvent} attribute and metric keys (got {keys}).";
        foreach (var (key, value) in e.Attributes ?? new Dictionary<string, string>())
        {
            error = Check.First(
                string.IsNullOrEmpty(key) ? "Attributes keys must not be empty." : null,
                Check.MaxLength($"Attributes key '{key}'", key, MaxKeyLength),
                value is null ? $"Attributes.{key} must be a string." : null,
                Check.MaxLength($"Attributes.{key}", value, MaxAttributeValueLength));
            if (error is not null) return error;
        }
        foreach (var (key, value) in e.Metrics ?? new Dictionary<string, double>())
        {
            error = Check.First(
                string.IsNullOrEmpty(key) ? "Metrics keys must not be empty." : null,
                Check.MaxLength($"Metrics key '{key}'", key, MaxKeyLength),
                double.IsFinite(value) ? null : $"Metrics.{key} must be a finite number.");
            if (error is not null) return error;
        }
        if (e.Session is { } s)
        {
            return Check.First(
                Check.Required("Session.Id", s.Id),
                Check.Required("Session.StartTimestamp", s.StartTimestamp),
                Check.IsoInstant("Session.StartTimestamp", s.StartTimestamp),
                Check.IsoInstant("Session.StopTimestamp", s.StopTimestamp),
                Check.Range("Session.Duration", s.Duration, 0, int.MaxValue));
        }
        return null;
    }
}
