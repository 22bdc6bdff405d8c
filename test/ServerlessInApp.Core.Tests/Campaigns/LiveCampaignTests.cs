using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Tests.Support;
using static ServerlessInApp.Core.Tests.Support.Sample;

namespace ServerlessInApp.Core.Tests.Campaigns;

public class LiveCampaignTests
{
    private static LiveCampaign Live(CampaignSchedule schedule, bool paused = false, bool segmentDeleted = false) =>
        LiveCampaign.From(StoredCampaign("spring", schedule, paused), segmentDeleted ? null : StoredSegment());

    [Fact]
    public void ImmediateCampaignIsExecuting()
    {
        var live = Live(Schedule());

        Assert.Equal(CampaignStatus.Executing, live.Status(Now));
        Assert.Equal("EXECUTING", live.Status(Now));
        Assert.True(live.IsDeliverable(Now));
        Assert.Null(live.Start);
    }

    [Fact]
    public void CampaignBeforeItsStartTimeIsScheduled()
    {
        var live = Live(Schedule() with { StartTime = "2026-05-02T00:00:00Z" });

        Assert.Equal("SCHEDULED", live.Status(Now));
        Assert.False(live.IsDeliverable(Now));
        Assert.Equal("EXECUTING", live.Status(new DateTimeOffset(2026, 5, 2, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void CampaignAtOrAfterItsEndTimeIsCompleted()
    {
        var end = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var live = Live(Schedule() with { EndTime = "2026-06-01T00:00:00Z" });

        Assert.Equal("EXECUTING", live.Status(end.AddTicks(-1)));
        Assert.Equal("COMPLETED", live.Status(end));
        Assert.False(live.IsDeliverable(end));
        Assert.Equal(end, live.End);
    }

    [Fact]
    public void PausedCampaignIsPaused()
    {
        Assert.Equal("PAUSED", Live(Schedule(), paused: true).Status(Now));
        Assert.False(Live(Schedule(), paused: true).IsDeliverable(Now));
        Assert.Equal("PAUSED", Live(Schedule() with { StartTime = "2026-06-01T00:00:00Z" }, paused: true).Status(Now));
    }

    [Fact]
    public void EndedCampaignIsCompletedEvenWhenPaused() =>
        Assert.Equal("COMPLETED", Live(Schedule() with { EndTime = "2026-04-01T00:00:00Z" }, paused: true).Status(Now));

    [Fact]
    public void CampaignWhoseSegmentWasDeletedIsDeletedWhateverItsSchedule()
    {
        Assert.Equal("DELETED", Live(Schedule(), segmentDeleted: true).Status(Now));
        Assert.Equal("DELETED", Live(Schedule() with { EndTime = "2026-04-01T00:00:00Z" }, paused: true, segmentDeleted: true).Status(Now));
        Assert.False(Live(Schedule(), segmentDeleted: true).IsDeliverable(Now));
    }

    [Fact]
    public void StartAndEndAreReadAsUtcInstants()
    {
        var live = Live(Schedule() with { StartTime = "2026-05-01T14:00:00+02:00", EndTime = "2026-05-31T20:00:00-04:00" });

        Assert.Equal(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero), live.Start);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), live.End);
        Assert.Equal("EXECUTING", live.Status(Now));
    }
}
