using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Endpoints;
using ServerlessInApp.Core.Entitlements;
using ServerlessInApp.Core.Segments;
using ServerlessInApp.Core.Tests.Support;
using static ServerlessInApp.Core.Tests.Support.Sample;

namespace ServerlessInApp.Core.Tests.Entitlements;

public class TriggerEvaluatorTests
{
    private static readonly string EventTime = Iso(Now.AddMinutes(-1));

    private static List<Entitlement> Evaluate(CampaignCatalog catalog, Endpoint? endpoint = null, string eventType = "purchase", string? timestamp = null) =>
        TriggerEvaluator.Evaluate(QueuedEvent(EventBody(eventType, timestamp: timestamp ?? EventTime)), endpoint ?? RegisteredEndpoint(), catalog, Now);

    [Fact]
    public void LiveCampaignWhoseTriggerMatchesEntitlesTheEndpoint()
    {
        var granted = Assert.Single(Evaluate(Catalog(StoredCampaign("spring", version: 4))));

        Assert.Equal(new Entitlement(AppId, EndpointId, "spring", 4, "e1c2", Now.AddMinutes(-1), Now.AddMinutes(-1).AddDays(30)), granted);
    }

    [Fact]
    public void AnEventStampedAtTheEndOfTimeIsGrantedWithoutOverflowingItsExpiry()
    {
        var granted = Assert.Single(Evaluate(Catalog(StoredCampaign("spring")), timestamp: "9999-12-31T23:59:59.999Z"));

        Assert.Equal(DateTimeOffset.MaxValue, granted.ExpiresAt);
    }

    [Fact]
    public void EventOfAnotherTypeEntitlesNothing() =>
        Assert.Empty(Evaluate(Catalog(StoredCampaign("spring")), eventType: "view_item"));

    [Fact]
    public void PausedCampaignIsNotGranted() =>
        Assert.Empty(Evaluate(Catalog(StoredCampaign("spring", Schedule(), paused: true))));

    [Fact]
    public void CampaignThatHasNotStartedIsNotGranted() =>
        Assert.Empty(Evaluate(Catalog(StoredCampaign("spring", Schedule() with { StartTime = Iso(Now.AddHours(1)) }))));

    [Fact]
    public void CampaignThatStartedIsGranted() =>
        Assert.Single(Evaluate(Catalog(StoredCampaign("spring", Schedule() with { StartTime = Iso(Now.AddHours(-1)) }))));

    [Fact]
    public void CampaignThatHasEndedIsNotGranted()
    {
        Assert.Empty(Evaluate(Catalog(StoredCampaign("spring", Schedule() with { EndTime = Iso(Now.AddSeconds(-1)) }))));
        Assert.Empty(Evaluate(Catalog(StoredCampaign("spring", Schedule() with { EndTime = Iso(Now) }))));
    }

    [Fact]
    public void CampaignWhoseSegmentWasDeletedIsNotGranted()
    {
        var definition = Definition() with { SegmentId = "deleted-segment" };

        Assert.Empty(Evaluate(new CampaignCatalog(AppId, 1, [StoredCampaign("spring", definition)], [StoredSegment()])));
    }

    [Fact]
    public void EndpointOutsideTheSegmentIsNotGranted()
    {
        var vipOnly = StoredSegment(dimensions: new SegmentDimensions { Attributes = Map("plan", new AttributeDimension { Values = ["vip"] }) });
        var catalog = new CampaignCatalog(AppId, 1, [StoredCampaign("spring")], [vipOnly]);
        var vip = RegisteredEndpoint() with { Attributes = new Dictionary<string, IReadOnlyList<string>> { ["plan"] = ["vip"] } };

        Assert.Empty(Evaluate(catalog));
        Assert.Single(Evaluate(catalog, vip));
    }

    [Fact]
    public void UnregisteredEndpointIsGrantedCampaignsForEveryone() =>
        Assert.Single(Evaluate(Catalog(StoredCampaign("spring")), Endpoint.Unregistered(AppId, EndpointId)));

    [Fact]
    public void EndpointThatOptedOutOfEverythingIsNeverGranted() =>
        Assert.Empty(Evaluate(Catalog(StoredCampaign("spring")), RegisteredEndpoint() with { OptOut = "ALL" }));

    [Fact]
    public void EndpointThatOptedOutOfNothingIsGranted() =>
        Assert.Single(Evaluate(Catalog(StoredCampaign("spring")), RegisteredEndpoint() with { OptOut = "NONE" }));

    [Fact]
    public void InactiveEndpointIsNeverGranted() =>
        Assert.Empty(Evaluate(Catalog(StoredCampaign("spring")), RegisteredEndpoint() with { EndpointStatus = "INACTIVE" }));

    [Fact]
    public void EntitlementExpiresWhenTheCampaignEnds()
    {
        var end = Now.AddDays(3);

        var granted = Assert.Single(Evaluate(Catalog(StoredCampaign("spring", Schedule() with { EndTime = Iso(end) }))));

        Assert.Equal(end, granted.ExpiresAt);
    }

    [Fact]
    public void EntitlementWithoutCampaignEndLastsThirtyDaysFromTheEvent()
    {
        var eventTime = Now.AddDays(-2);

        var granted = Assert.Single(Evaluate(Catalog(StoredCampaign("spring")), timestamp: Iso(eventTime)));

        Assert.Equal(eventTime.AddDays(30), granted.ExpiresAt);
        Assert.Equal(TimeSpan.FromDays(30), TriggerEvaluator.DefaultEntitlementWindow);
    }

    [Fact]
    public void EventOlderThanTheEntitlementWindowGrantsNothing() =>
        Assert.Empty(Evaluate(Catalog(StoredCampaign("spring")), timestamp: Iso(Now.AddDays(-30))));

    [Fact]
    public void EntitlementIsGrantedAtTheEventsTimestampNotWhenItIsProcessed()
    {
        var eventTime = new DateTimeOffset(2026, 5, 1, 11, 58, 3, 120, TimeSpan.Zero);

        var granted = Assert.Single(Evaluate(Catalog(StoredCampaign("spring")), timestamp: "2026-05-01T13:58:03.120+02:00"));

        Assert.Equal(eventTime, granted.GrantedAt);
    }

    [Fact]
    public void RedeliveredEventGrantsTheIdenticalEntitlement()
    {
        var catalog = Catalog(StoredCampaign("spring"), StoredCampaign("summer", Schedule() with { EndTime = Iso(Now.AddDays(9)) }));
        var e = QueuedEvent(EventBody("purchase", timestamp: EventTime));

        var first = TriggerEvaluator.Evaluate(e, RegisteredEndpoint(), catalog, Now);
        var redelivered = TriggerEvaluator.Evaluate(e, RegisteredEndpoint(), catalog, Now.AddMinutes(17));

        Assert.Equal(2, first.Count);
        Assert.Equal(first, redelivered);
    }

    [Fact]
    public void EveryMatchingCampaignIsGrantedOnce()
    {
        var catalog = Catalog(
            StoredCampaign("spring"),
            StoredCampaign("any-but-views", Schedule() with { EventFilter = Filter(AllTypesBut("view_item")) }),
            StoredCampaign("views", Definition("view_item")),
            StoredCampaign("paused", Schedule(), paused: true));

        var granted = Evaluate(catalog);

        Assert.Equal(["any-but-views", "spring"], granted.Select(g => g.CampaignId).Order());
    }

    [Fact]
    public void CampaignListingTheEventTypeTwiceIsGrantedOnce()
    {
        var catalog = Catalog(StoredCampaign("spring", Schedule() with { EventFilter = Filter(Types("purchase", "purchase")) }));

        Assert.Single(Evaluate(catalog));
    }

    [Fact]
    public void EventWithUnreadableTimestampGrantsNothing() =>
        Assert.Empty(Evaluate(Catalog(StoredCampaign("spring")), timestamp: "yesterday"));
}
