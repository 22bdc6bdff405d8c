using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Displays;

namespace ServerlessInApp.Core.Tests.Displays;

public sealed class DisplayRulesTests
{
    private static readonly DisplayCounter NoDisplays = DisplayCounter.Empty("c1");
    private static readonly DisplayCounter NoneAtAll = DisplayCounter.Empty(DisplayCounter.AllMessages);

    private static (DisplayCounter Campaign, DisplayCounter App, int Counted) Show(int times, Caps caps, string day = "2026-05-01",
        string? session = "s1", int? appDaily = null, DisplayCounter? campaign = null, DisplayCounter? app = null)
    {
        var (c, a, counted) = (campaign ?? NoDisplays, app ?? NoneAtAll, 0);
        for (var i = 0; i < times; i++)
        {
            var decision = DisplayRules.Record(c, a, day, session, caps, appDaily);
            (c, a) = (decision.Campaign, decision.App);
            if (decision.Counted) counted++;
        }
        return (c, a, counted);
    }

    [Fact]
    public void ATotalCapOfOneCountsExactlyOneOfEightDisplays()
    {
        var (campaign, _, counted) = Show(8, new Caps(Total: 1, Daily: null, Session: null));

        Assert.Equal(1, counted);
        Assert.Equal(1, campaign.Total);
        Assert.True(DisplayRules.IsCapped(campaign, new Caps(1, null, null), "2026-05-01", "s1"));
    }

    [Fact]
    public void TheDailyCapComesBackWhenTheEndpointsDayTurnsOver()
    {
        var caps = new Caps(null, Daily: 2, null);
        var (campaign, _, _) = Show(3, caps, day: "2026-05-01");

        Assert.True(DisplayRules.IsCapped(campaign, caps, "2026-05-01", "s1"));
        Assert.False(DisplayRules.IsCapped(campaign, caps, "2026-05-02", "s1"));

        var nextDay = DisplayRules.Record(campaign, NoneAtAll, "2026-05-02", "s1", caps, null);
        Assert.True(nextDay.Counted);
        Assert.Equal(("2026-05-02", 1), (nextDay.Campaign.Day, nextDay.Campaign.DayCount));
    }

    [Fact]
    public void ALateDisplayFromAnEarlierDayDoesNotCountForToday()
    {
        var caps = new Caps(null, Daily: 1, null);
        var (today, _, _) = Show(1, caps, day: "2026-05-02");

        var late = DisplayRules.Record(today, NoneAtAll, "2026-05-01", "s1", caps, null);

        Assert.True(late.Counted);
        Assert.Equal(("2026-05-02", 1), (late.Campaign.Day, late.Campaign.DayCount));
        Assert.Equal(2, late.Campaign.Total);
        Assert.False(late.FirstToday);
    }

    [Fact]
    public void TheSessionCapComesBackWithANewSession()
    {
        var caps = new Caps(null, null, Session: 1);
        var (campaign, _, counted) = Show(2, caps, session: "A");

        Assert.Equal(1, counted);
        Assert.True(DisplayRules.IsCapped(campaign, caps, "2026-05-01", currentSession: "A"));
        Assert.False(DisplayRules.IsCapped(campaign, caps, "2026-05-01", currentSession: "B"));
        Assert.True(DisplayRules.Record(campaign, NoneAtAll, "2026-05-01", "B", caps, null).Counted);
    }

    [Fact]
    public void TheAppsDailyCapCountsDisplaysOfEveryCampaign()
    {
        var first = DisplayRules.Record(DisplayCounter.Empty("c1"), NoneAtAll, "2026-05-01", "s1", Caps.None, appDailyCap: 1);
        var second = DisplayRules.Record(DisplayCounter.Empty("c2"), first.App, "2026-05-01", "s1", Caps.None, appDailyCap: 1);

        Assert.True(first.Counted);
        Assert.False(second.Counted);
        Assert.True(DisplayRules.IsAppCapped(first.App, 1, "2026-05-01"));
        Assert.False(DisplayRules.IsAppCapped(first.App, 1, "2026-05-02"));
        Assert.False(DisplayRules.IsAppCapped(first.App, null, "2026-05-01"));
    }

    [Fact]
    public void OnlyTheFirstDisplayOfADayIsAUniqueDisplay()
    {
        var first = DisplayRules.Record(NoDisplays, NoneAtAll, "2026-05-01", "s1", Caps.None, null);
        var again = DisplayRules.Record(first.Campaign, first.App, "2026-05-01", "s1", Caps.None, null);
        var tomorrow = DisplayRules.Record(again.Campaign, again.App, "2026-05-02", "s1", Caps.None, null);

        Assert.Equal([true, false, true], new[] { first.FirstToday, again.FirstToday, tomorrow.FirstToday });
    }

    [Fact]
    public void TheCountsEndTheSameWhateverOrderTheDisplaysArriveIn()
    {
        // Two days and three sessions of one endpoint, against caps that all bind: SQS may deliver them in any order.
        var displays = new (string Day, string Session, int SessionStart)[]
        {
            ("2026-05-01", "A", 1), ("2026-05-01", "A", 1), ("2026-05-01", "B", 2), ("2026-05-01", "B", 2),
            ("2026-05-01", "B", 2), ("2026-05-02", "C", 3), ("2026-05-02", "C", 3), ("2026-05-02", "C", 3),
        };
        var caps = new Caps(Total: 5, Daily: 2, Session: 2);
        string Final(IEnumerable<(string Day, string Session, int SessionStart)> order)
        {
            var (campaign, app, newestSession) = (NoDisplays, NoneAtAll, 0);
            foreach (var (day, session, started) in order)
            {
                // As the trigger does: a display from a session older than the endpoint's current one carries no session.
                newestSession = Math.Max(newestSession, started);
                var decision = DisplayRules.Record(campaign, app, day, started == newestSession ? session : null, caps, appDailyCap: 3);
                (campaign, app) = (decision.Campaign, decision.App);
            }
            return $"{campaign with { Revision = 0 }} {app with { Revision = 0 }}";
        }

        var inOrder = Final(displays);
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(inOrder, Final(displays.OrderBy(_ => random.Next())));
        }
        Assert.Contains("Total = 5, Day = 2026-05-02, DayCount = 2, Session = C, SessionCount = 2", inOrder, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroOrNoCapIsNoCap()
    {
        var (campaign, _, counted) = Show(50, Caps.For(new CampaignLimits { Total = 0, Daily = 0, Session = 0 }, null));

        Assert.Equal(50, counted);
        Assert.False(DisplayRules.IsCapped(campaign, Caps.None, "2026-05-01", "s1"));
    }

    [Fact]
    public void CampaignLimitsFallBackToTheAppsMemberByMember()
    {
        var caps = Caps.For(new CampaignLimits { Total = 3 }, new CampaignLimits { Total = 9, Daily = 2, Session = 1 });
        Assert.Equal(new Caps(3, 2, 1), caps);
    }
}
