using ServerlessInApp.Core.Segments;
using ServerlessInApp.Core.Validation;

namespace ServerlessInApp.Core.Campaigns;

/// <summary>A campaign with its schedule parsed and its segment resolved, ready to be evaluated many times.</summary>
public sealed record LiveCampaign(Campaign Campaign, Segment? Segment, DateTimeOffset? Start, DateTimeOffset? End)
{
    public static LiveCampaign From(Campaign campaign, Segment? segment)
    {
        var schedule = campaign.Definition.Schedule;
        DateTimeOffset? start = schedule?.StartTime is { } s && s != "IMMEDIATE" && Check.TryParseInstant(s, out var st) ? st : null;
        DateTimeOffset? end = schedule?.EndTime is { } e && Check.TryParseInstant(e, out var en) ? en : null;
        return new LiveCampaign(campaign, segment, start, end);
    }

    public string Id => Campaign.Id;

    /// <summary>Pinpoint's status: a campaign whose segment was deleted is DELETED and never delivers.</summary>
    public string Status(DateTimeOffset now) =>
        Segment is null ? CampaignStatus.Deleted
        : End is { } end && now >= end ? CampaignStatus.Completed
        : Campaign.Definition.IsPaused == true ? CampaignStatus.Paused
        : Start is { } start && now < start ? CampaignStatus.Scheduled
        : CampaignStatus.Executing;

    public bool IsDeliverable(DateTimeOffset now) => Status(now) == CampaignStatus.Executing;

    /// <summary>
    /// Whether the campaign runs now for this endpoint: not paused, segment present, and inside its schedule window,
    /// which with IsLocalTime is the written wall-clock times in the endpoint's time zone (Demographic.Timezone, else
    /// the schedule's Timezone, else UTC).
    /// </summary>
    public bool IsOpenFor(DateTimeOffset now, Endpoints.Endpoint endpoint)
    {
        if (Segment is null || Campaign.Definition.IsPaused == true) return false;
        var schedule = Campaign.Definition.Schedule;
        if (schedule?.IsLocalTime != true) return (Start is not { } s || now >= s) && (End is not { } e || now < e);

        var zone = ZoneFor(endpoint);
        var start = Start is null ? (DateTimeOffset?)null : Schedules.LocalTime.AtWallClock(WallClock(schedule.StartTime!), zone);
        var end = End is null ? (DateTimeOffset?)null : Schedules.LocalTime.AtWallClock(WallClock(schedule.EndTime!), zone);
        return (start is not { } ls || now >= ls) && (end is not { } le || now < le);
    }

    /// <summary>The zone the campaign's times and quiet time are read in for this endpoint.</summary>
    public TimeZoneInfo ZoneFor(Endpoints.Endpoint endpoint)
    {
        var schedule = Campaign.Definition.Schedule;
        return schedule?.IsLocalTime == true
            ? Schedules.LocalTime.Resolve(endpoint.Demographic?.Timezone ?? schedule.Timezone)
            : Schedules.LocalTime.Resolve(schedule?.Timezone);
    }

    /// <summary>The end used for ordering and expiry: the written end in UTC (local-time campaigns end at most a day later somewhere).</summary>
    public DateTimeOffset? EndFor(Endpoints.Endpoint endpoint) =>
        End is null || Campaign.Definition.Schedule?.IsLocalTime != true
            ? End
            : Schedules.LocalTime.AtWallClock(WallClock(Campaign.Definition.Schedule.EndTime!), ZoneFor(endpoint));

    private static DateTimeOffset WallClock(string written) =>
        DateTimeOffset.Parse(written, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
}
