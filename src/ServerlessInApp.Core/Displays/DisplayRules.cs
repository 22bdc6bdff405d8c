namespace ServerlessInApp.Core.Displays;

/// <summary>
/// Caps, enforced on the server. Every display counts toward each of the endpoint's counts (the campaign's total,
/// day and session, and the app's day across all messages), and each count stops at its own cap. Each count is then
/// the smaller of its cap and the displays in its scope, whatever order the displays arrive in: SQS delivers in no
/// order, and the counts must end the same. Days are the endpoint's local days; a session is the Session.Id the events
/// carry. A display from an earlier day than the counter's (a late event) counts toward the total and its session but
/// not toward today; one from an earlier session (the caller passes no session) counts toward the total and its day.
/// </summary>
public static class DisplayRules
{
    public static DisplayDecision Record(DisplayCounter campaign, DisplayCounter app, string day, string? session, Caps caps, int? appDailyCap)
    {
        var firstToday = campaign.SeenDay is null || string.CompareOrdinal(day, campaign.SeenDay) > 0;
        var seenDay = firstToday ? day : campaign.SeenDay;

        var (campaignDay, campaignDayCount) = RollDay(campaign.Day, campaign.DayCount, day);
        var (appDay, appDayCount) = RollDay(app.Day, app.DayCount, day);
        var sameSession = session is not null && session == campaign.Session;
        var sessionCount = session is null ? campaign.SessionCount : sameSession ? campaign.SessionCount : 0;
        var isToday = campaignDay == day;
        var appToday = appDay == day;

        // Whether the display was within every cap that applies: what the server would have let the device show.
        var withinCaps = Room(caps.Total, campaign.Total)
            && (!isToday || Room(caps.Daily, campaignDayCount))
            && (session is null || Room(caps.Session, sessionCount))
            && (!appToday || Room(appDailyCap, appDayCount));

        var nextCampaign = campaign with
        {
            Total = Up(campaign.Total, caps.Total),
            Day = campaignDay,
            DayCount = isToday ? (int)Up(campaignDayCount, caps.Daily) : campaignDayCount,
            Session = session ?? campaign.Session,
            SessionCount = session is null ? campaign.SessionCount : (int)Up(sessionCount, caps.Session),
            SeenDay = seenDay,
        };
        var nextApp = appToday ? app with { Day = appDay, DayCount = (int)Up(appDayCount, appDailyCap) } : app;
        return new DisplayDecision(nextCampaign, nextApp, withinCaps, firstToday);
    }

    /// <summary>Whether the endpoint has used up a cap of this campaign as of <paramref name="today"/> and <paramref name="currentSession"/>.</summary>
    public static bool IsCapped(DisplayCounter? counter, Caps caps, string today, string? currentSession)
    {
        if (counter is null) return false;
        if (caps.Total is { } total && counter.Total >= total) return true;
        if (caps.Daily is { } daily && counter.Day == today && counter.DayCount >= daily) return true;
        var session = currentSession ?? counter.Session;
        return caps.Session is { } perSession && counter.Session is not null && counter.Session == session && counter.SessionCount >= perSession;
    }

    /// <summary>Whether the endpoint has been shown the app's daily maximum of in-app messages today.</summary>
    public static bool IsAppCapped(DisplayCounter? app, int? dailyCap, string today) =>
        app is not null && dailyCap is > 0 && app.Day == today && app.DayCount >= dailyCap;

    private static bool Room(int? cap, long count) => cap is not > 0 || count < cap;

    /// <summary>One more display, stopping at the cap: a count says whether its cap is reached, not how often a device over-showed.</summary>
    private static long Up(long count, int? cap) => Room(cap, count) ? count + 1 : count;

    /// <summary>A later day starts a new daily count; an earlier one leaves the stored day as it is.</summary>
    private static (string Day, int Count) RollDay(string? storedDay, int storedCount, string day) =>
        storedDay is null || string.CompareOrdinal(day, storedDay) > 0 ? (day, 0) : (storedDay, storedCount);
}
