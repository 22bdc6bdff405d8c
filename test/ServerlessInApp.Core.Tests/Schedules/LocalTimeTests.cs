using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Schedules;

namespace ServerlessInApp.Core.Tests.Schedules;

public sealed class LocalTimeTests
{
    [Theory]
    [InlineData("2026-05-01T23:30:00Z", "UTC", "2026-05-01")]
    [InlineData("2026-05-01T23:30:00Z", "Pacific/Kiritimati", "2026-05-02")]
    [InlineData("2026-05-01T03:30:00Z", "America/Los_Angeles", "2026-04-30")]
    [InlineData("2026-05-01T23:30:00Z", "UTC+01", "2026-05-02")]
    [InlineData("2026-05-01T04:00:00Z", "UTC-05:30", "2026-04-30")]
    [InlineData("2026-05-01T23:30:00Z", "Not/AZone", "2026-05-01")]
    [InlineData("2026-05-01T23:30:00Z", null, "2026-05-01")]
    public void TheDayTurnsOverAtMidnightInTheEndpointsZone(string instant, string? zone, string day)
    {
        Assert.Equal(day, LocalTime.Day(DateTimeOffset.Parse(instant), LocalTime.Resolve(zone)));
    }

    [Fact]
    public void AWallClockTimeIsReadInTheGivenZone()
    {
        var nine = DateTimeOffset.Parse("2026-05-01T09:00:00Z");
        Assert.Equal(DateTimeOffset.Parse("2026-05-01T13:00:00Z"), LocalTime.AtWallClock(nine, LocalTime.Resolve("America/New_York")));
        Assert.Equal(DateTimeOffset.Parse("2026-05-01T08:00:00Z"), LocalTime.AtWallClock(nine, LocalTime.Resolve("UTC+01")));
    }
}

public sealed class QuietHoursTests
{
    private static readonly QuietTime Night = new() { Start = "22:00", End = "07:00" };
    private static readonly QuietTime Lunch = new() { Start = "12:00", End = "13:00" };

    [Theory]
    [InlineData("2026-05-01T21:59:00Z", false)]
    [InlineData("2026-05-01T22:00:00Z", true)]
    [InlineData("2026-05-01T23:59:00Z", true)]
    [InlineData("2026-05-02T00:00:00Z", true)]
    [InlineData("2026-05-02T06:59:00Z", true)]
    [InlineData("2026-05-02T07:00:00Z", false)]
    [InlineData("2026-05-02T12:00:00Z", false)]
    public void QuietTimeSpanningMidnightCoversTheNightOnly(string now, bool quiet)
    {
        Assert.Equal(quiet, QuietHours.IsQuiet(Night, DateTimeOffset.Parse(now), TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("2026-05-01T11:59:00Z", false)]
    [InlineData("2026-05-01T12:00:00Z", true)]
    [InlineData("2026-05-01T12:59:00Z", true)]
    [InlineData("2026-05-01T13:00:00Z", false)]
    public void QuietTimeWithinADayCoversItsWindow(string now, bool quiet)
    {
        Assert.Equal(quiet, QuietHours.IsQuiet(Lunch, DateTimeOffset.Parse(now), TimeZoneInfo.Utc));
    }

    [Fact]
    public void QuietTimeIsReadInTheZoneGiven()
    {
        // 20:00 UTC is 05:00 the next morning in Tokyo: quiet there, not in UTC.
        var now = DateTimeOffset.Parse("2026-05-01T20:00:00Z");
        Assert.False(QuietHours.IsQuiet(Night, now, TimeZoneInfo.Utc));
        Assert.True(QuietHours.IsQuiet(Night, now, LocalTime.Resolve("Asia/Tokyo")));
    }

    [Fact]
    public void EqualStartAndEndOrNoQuietTimeIsNeverQuiet()
    {
        Assert.False(QuietHours.IsQuiet(new QuietTime { Start = "10:00", End = "10:00" }, DateTimeOffset.Parse("2026-05-01T10:00:00Z"), TimeZoneInfo.Utc));
        Assert.False(QuietHours.IsQuiet(null, DateTimeOffset.Parse("2026-05-01T10:00:00Z"), TimeZoneInfo.Utc));
    }
}
