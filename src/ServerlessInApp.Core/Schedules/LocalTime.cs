using System.Globalization;
using System.Text.RegularExpressions;

namespace ServerlessInApp.Core.Schedules;

/// <summary>
/// Time zones as clients send them: IANA names in an endpoint's Demographic.Timezone ("America/New_York"), or
/// Pinpoint's schedule offsets ("UTC", "UTC+01", "UTC-05:30"). Anything unknown is UTC, so a typo never hides a
/// message forever.
/// </summary>
public static partial class LocalTime
{
    public static TimeZoneInfo Resolve(string? zone)
    {
        if (string.IsNullOrWhiteSpace(zone) || zone == "UTC") return TimeZoneInfo.Utc;
        var offset = OffsetPattern().Match(zone);
        if (offset.Success)
        {
            var sign = offset.Groups[1].Value == "-" ? -1 : 1;
            var span = new TimeSpan(int.Parse(offset.Groups[2].Value, CultureInfo.InvariantCulture),
                offset.Groups[3].Success ? int.Parse(offset.Groups[3].Value, CultureInfo.InvariantCulture) : 0, 0);
            return span > TimeSpan.FromHours(14)
                ? TimeZoneInfo.Utc
                : TimeZoneInfo.CreateCustomTimeZone(zone, sign * span, zone, zone);
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) ? found : TimeZoneInfo.Utc;
    }

    /// <summary>The calendar day of an instant in a zone, as "yyyy-MM-dd".</summary>
    public static string Day(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The instant at which a zone's clock shows the wall-clock time written in <paramref name="written"/>.</summary>
    public static DateTimeOffset AtWallClock(DateTimeOffset written, TimeZoneInfo zone)
    {
        var wall = DateTime.SpecifyKind(written.DateTime, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall)) wall = wall.AddHours(1);
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }

    [GeneratedRegex(@"^UTC([+-])(\d{2})(?::(\d{2}))?\z")]
    private static partial Regex OffsetPattern();
}
