using System.Globalization;
using ServerlessInApp.Core.Campaigns;

namespace ServerlessInApp.Core.Schedules;

public static class QuietHours
{
    /// <summary>
    /// Whether <paramref name="now"/> falls in quiet time in the given zone. Start is inclusive, end exclusive; a
    /// window whose end is before its start spans midnight (22:00–07:00); equal start and end is no quiet time.
    /// </summary>
    public static bool IsQuiet(QuietTime? quiet, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (quiet?.Start is null || quiet.End is null) return false;
        if (!TimeOnly.TryParseExact(quiet.Start, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(quiet.End, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            || start == end) return false;
        var clock = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return start < end ? clock >= start && clock < end : clock >= start || clock < end;
    }
}
