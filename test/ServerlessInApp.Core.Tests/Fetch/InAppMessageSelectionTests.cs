using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Displays;
using ServerlessInApp.Core.Endpoints;
using ServerlessInApp.Core.Entitlements;
using ServerlessInApp.Core.Segments;
using ServerlessInApp.Core.Settings;
using ServerlessInApp.Core.Treatments;
using ServerlessInApp.Core.UseCases;
using static ServerlessInApp.Core.Tests.Support.Sample;

namespace ServerlessInApp.Core.Tests.Fetch;

/// <summary>What GetInAppMessages returns for a catalog and an endpoint's partition (no storage involved).</summary>
public sealed class InAppMessageSelectionTests
{
    private static Entitlement Entitled(string campaignId, string treatment = "0") =>
        new(AppId, EndpointId, campaignId, 1, "e1", Now.AddMinutes(-5), Now.AddDays(1)) { TreatmentId = treatment };

    private static EndpointPartition Partition(IEnumerable<Entitlement>? entitlements = null,
        Dictionary<string, DisplayCounter>? counters = null, Endpoint? endpoint = null, SessionMarker? session = null) =>
        new(endpoint ?? RegisteredEndpoint(), (entitlements ?? []).ToList(), counters ?? [], session);

    private static CampaignCatalog CatalogWith(ApplicationSettings? settings, params Campaign[] campaigns) =>
        new(AppId, 1, campaigns, [StoredSegment()], settings);

    private static List<string> Ids(IEnumerable<DeliverableMessage> messages) => messages.Select(m => m.Campaign.Id).ToList();

    [Fact]
    public void EntitledCampaignsAreReturnedPriorityFirstThenEarliestEnd()
    {
        var late = StoredCampaign("late", Definition() with { Priority = 2, Schedule = Schedule() with { EndTime = Iso(Now.AddDays(9)) } });
        var soon = StoredCampaign("soon", Definition() with { Priority = 2, Schedule = Schedule() with { EndTime = Iso(Now.AddDays(2)) } });
        var top = StoredCampaign("top", Definition() with { Priority = 1 });
        var result = InAppMessageFetch.Select(CatalogWith(null, late, soon, top), Partition([Entitled("late"), Entitled("soon"), Entitled("top")]), EndpointId, Now);

        Assert.Equal(["top", "soon", "late"], Ids(result));
    }

    [Fact]
    public void ACappedOutCampaignIsNotReturnedButOthersAre()
    {
        var capped = StoredCampaign("capped", Definition() with { Limits = new CampaignLimits { Total = 2 } });
        var other = StoredCampaign("other");
        var counters = new Dictionary<string, DisplayCounter> { ["capped"] = DisplayCounter.Empty("capped") with { Total = 2, Revision = 2 } };

        var result = InAppMessageFetch.Select(CatalogWith(null, capped, other), Partition([Entitled("capped"), Entitled("other")], counters), EndpointId, Now);

        Assert.Equal(["other"], Ids(result));
    }

    [Fact]
    public void TheAppsDailyCapHidesEveryMessageForTheRestOfTheDay()
    {
        var counters = new Dictionary<string, DisplayCounter>
        {
            [DisplayCounter.AllMessages] = DisplayCounter.Empty(DisplayCounter.AllMessages) with { Day = "2026-05-01", DayCount = 3 },
        };
        var settings = new ApplicationSettings { Limits = new CampaignLimits { Daily = 3 } };

        Assert.Empty(InAppMessageFetch.Select(CatalogWith(settings, StoredCampaign("a")), Partition([Entitled("a")], counters), EndpointId, Now));
        Assert.Single(InAppMessageFetch.Select(CatalogWith(settings, StoredCampaign("a")), Partition([Entitled("a")], counters), EndpointId, Now.AddHours(13)));
    }

    [Fact]
    public void NothingIsReturnedDuringQuietTime()
    {
        var quiet = StoredCampaign("quiet", Definition() with { Schedule = Schedule() with { QuietTime = new QuietTime { Start = "11:00", End = "13:00" } } });

        Assert.Empty(InAppMessageFetch.Select(CatalogWith(null, quiet), Partition([Entitled("quiet")]), EndpointId, Now));
        Assert.Single(InAppMessageFetch.Select(CatalogWith(null, quiet), Partition([Entitled("quiet")]), EndpointId, Now.AddHours(2)));
    }

    [Fact]
    public void TheAppsQuietTimeAppliesToCampaignsWithoutTheirOwn()
    {
        var settings = new ApplicationSettings { QuietTime = new QuietTime { Start = "11:00", End = "13:00" } };
        Assert.Empty(InAppMessageFetch.Select(CatalogWith(settings, StoredCampaign("a")), Partition([Entitled("a")]), EndpointId, Now));
    }

    [Fact]
    public void HoldoutEndpointsGetNothingAndTreatmentsGetTheirOwnMessage()
    {
        var definition = Definition() with
        {
            AdditionalTreatments = [new WriteTreatment { SizePercent = 50, MessageConfiguration = new CampaignMessageConfiguration { InAppMessage = InlineMessage("TOP_BANNER") } }],
        };
        var campaign = StoredCampaign("ab", definition) with { TreatmentMessages = [InlineMessage("TOP_BANNER").ToMessage()] };

        Assert.Empty(InAppMessageFetch.Select(CatalogWith(null, campaign), Partition([Entitled("ab", TreatmentAssignment.Holdout)]), EndpointId, Now));
        var shown = Assert.Single(InAppMessageFetch.Select(CatalogWith(null, campaign), Partition([Entitled("ab", "1")]), EndpointId, Now));
        Assert.Equal("1", shown.TreatmentId);
        Assert.Equal("TOP_BANNER", shown.Message.Layout);
    }

    [Fact]
    public void DeviceTriggeredAppsAlsoGetEveryRunningCampaignTheirSegmentAdmits()
    {
        var vips = StoredSegment("vips", new SegmentDimensions
        {
            Attributes = Map("plan", new AttributeDimension { AttributeType = "INCLUSIVE", Values = ["vip"] }),
        });
        var forVips = StoredCampaign("for-vips", Definition() with { SegmentId = "vips" });
        var forEveryone = StoredCampaign("for-everyone");
        var paused = StoredCampaign("paused", Definition() with { IsPaused = true });
        var catalog = new CampaignCatalog(AppId, 1, [forVips, forEveryone, paused], [StoredSegment(), vips],
            new ApplicationSettings { InAppMessagesMode = ApplicationSettings.DeviceTriggered });

        var result = InAppMessageFetch.Select(catalog, Partition(), EndpointId, Now);

        var only = Assert.Single(result);
        Assert.Equal("for-everyone", only.Campaign.Id);
        Assert.NotNull(only.Campaign.Campaign.Definition.Schedule!.EventFilter);
        Assert.Empty(InAppMessageFetch.Select(CatalogWith(null, forEveryone), Partition(), EndpointId, Now));
    }

    [Fact]
    public void DeviceTriggeredModeLeavesTheSessionCapToTheDevice()
    {
        var campaign = StoredCampaign("a", Definition() with { Limits = new CampaignLimits { Session = 1 } });
        var counters = new Dictionary<string, DisplayCounter> { ["a"] = DisplayCounter.Empty("a") with { Session = "s1", SessionCount = 1 } };
        var device = new ApplicationSettings { InAppMessagesMode = ApplicationSettings.DeviceTriggered };

        Assert.Empty(InAppMessageFetch.Select(CatalogWith(null, campaign), Partition([Entitled("a")], counters), EndpointId, Now));
        var shown = Assert.Single(InAppMessageFetch.Select(CatalogWith(device, campaign), Partition([Entitled("a")], counters), EndpointId, Now));
        Assert.Equal(1, shown.Caps.Session);
    }

    [Fact]
    public void ExpiredOrOptedOutGetsNothing()
    {
        var expired = Entitled("a") with { ExpiresAt = Now.AddSeconds(-1) };
        Assert.Empty(InAppMessageFetch.Select(Catalog(StoredCampaign("a")), Partition([expired]), EndpointId, Now));
        Assert.Empty(InAppMessageFetch.Select(Catalog(StoredCampaign("a")), Partition([Entitled("a")], endpoint: RegisteredEndpoint() with { OptOut = "ALL" }), EndpointId, Now));
    }

    [Fact]
    public void ALocalTimeCampaignStartsAtTheWrittenTimeInTheEndpointsZone()
    {
        // Starts 13:00 "local": already started in Tokyo (UTC+9, now 21:00 there), not yet in UTC (now 12:00).
        var local = StoredCampaign("local", Definition() with
        {
            Schedule = Schedule() with { StartTime = "2026-05-01T13:00:00Z", IsLocalTime = true },
        });
        var tokyo = RegisteredEndpoint() with { Demographic = new EndpointDemographic { Timezone = "Asia/Tokyo" } };

        Assert.Single(InAppMessageFetch.Select(Catalog(local), Partition([Entitled("local")], endpoint: tokyo), EndpointId, Now));
        Assert.Empty(InAppMessageFetch.Select(Catalog(local), Partition([Entitled("local")]), EndpointId, Now));
    }
}
