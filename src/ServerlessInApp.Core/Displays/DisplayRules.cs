namespace ServerlessInApp.Core.Displays;

/// <summary>
/// Caps, enforced on the server. A display counts only while every cap that applies still has room: the campaign's
/// total, daily and session caps and the app's daily cap across all messages. Days are the endpoint's local days;
/// a session is the Session.Id the events carry. A display from an earlier day than the counter's (a late event)
/// counts toward the total and its session but not toward today.
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

        var room = Room(caps.Total, campaign.Total)
            && (!isToday || Room(caps.Daily, campaignDayCount))
            && (session is null || Room(caps.Session, sessionCount))
            && (appDay != day || Room(appDailyCap, appDayCount));
        if (!room)
        {
            return new DisplayDecision(campaign with { SeenDay = seenDay }, app, Counted: false, firstToday);
        }

        var nextCampaign = campaign with
        {
            Total = campaign.Total + 1,
            Day = campaignDay,
            DayCount = isToday ? campaignDayCount + 1 : campaignDayCount,
            Session = session ?? campaign.Session,
            SessionCount = session is null ? campaign.SessionCount : sessionCount + 1,
            SeenDay = seenDay,
        };
        var nextApp = appDay == day ? app with { Day = appDay, DayCount = appDayCount + 1 } : app;
        return new DisplayDecision(nextCampaign, nextApp, Counted: true, firstToday);
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

    /// <summary>A later day starts a new daily count; an earlier one leaves the stored day as it is.</summary>
    private static (string Day, int Count) RollDay(string? storedDay, int storedCount, string day) =>
        storedDay is null || string.CompareOrdinal(day, storedDay) > 0 ? (day, 0) : (storedDay, storedCount);
}
