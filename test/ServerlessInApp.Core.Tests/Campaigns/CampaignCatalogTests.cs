using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Tests.Support;
using static ServerlessInApp.Core.Tests.Support.Sample;

namespace ServerlessInApp.Core.Tests.Campaigns;

public class CampaignCatalogTests
{
    [Fact]
    public void CandidatesAreOnlyTheCampaignsListeningForTheEventType()
    {
        var catalog = Catalog(
            StoredCampaign("buy", Definition("purchase")),
            StoredCampaign("buy-or-start", Schedule() with { EventFilter = Filter(Types("_session.start", "purchase")) }),
            StoredCampaign("start", Definition("_session.start")));

        Assert.Equal(["buy", "buy-or-start"], catalog.CandidatesFor("purchase").Select(c => c.Id).Order());
        Assert.Equal(["buy-or-start", "start"], catalog.CandidatesFor("_session.start").Select(c => c.Id).Order());
        Assert.Empty(catalog.CandidatesFor("view_item"));
    }

    [Fact]
    public void CatalogOfAThousandCampaignsOnOtherTypesYieldsNoCandidates()
    {
        var campaigns = Enumerable.Range(0, 1000).Select(i => StoredCampaign($"c{i}", Definition($"level_{i}_reached")));

        var catalog = new CampaignCatalog(AppId, 7, campaigns, [StoredSegment()]);

        Assert.Equal(1000, catalog.Campaigns.Count);
        Assert.Empty(catalog.CandidatesFor("purchase"));
        Assert.Equal("c10", Assert.Single(catalog.CandidatesFor("level_10_reached")).Id);
    }

    [Fact]
    public void ExclusiveCampaignsAreCandidatesForEveryEventType()
    {
        var catalog = Catalog(
            StoredCampaign("buy", Definition("purchase")),
            StoredCampaign("not-views", Schedule() with { EventFilter = Filter(AllTypesBut("view_item")) }));

        Assert.Equal(["buy", "not-views"], catalog.CandidatesFor("purchase").Select(c => c.Id).Order());
        Assert.Equal(["not-views"], catalog.CandidatesFor("anything").Select(c => c.Id));
    }

    [Fact]
    public void EventTypeCandidatesAreCaseSensitive() =>
        Assert.Empty(Catalog(StoredCampaign("buy", Definition("purchase"))).CandidatesFor("PURCHASE"));

    [Fact]
    public void CampaignListingItsEventTypeTwiceIsOneCandidate()
    {
        var catalog = Catalog(StoredCampaign("buy", Schedule() with { EventFilter = Filter(Types("purchase", "purchase")) }));

        Assert.Single(catalog.CandidatesFor("purchase"));
    }

    [Fact]
    public void CampaignWithoutEventTypeIsListedButNeverACandidate()
    {
        var catalog = Catalog(StoredCampaign("no-trigger", Schedule() with { EventFilter = Filter(eventType: null) }));

        Assert.True(catalog.Campaigns.ContainsKey("no-trigger"));
        Assert.Empty(catalog.CandidatesFor("purchase"));
    }

    [Fact]
    public void EachCampaignCarriesItsOwnSegmentOrNoneWhenItWasDeleted()
    {
        var catalog = new CampaignCatalog(AppId, 3,
            [StoredCampaign("kept"), StoredCampaign("orphan", Definition() with { SegmentId = "gone" })],
            [StoredSegment()]);

        Assert.Equal(SegmentId, catalog.Campaigns["kept"].Segment?.Id);
        Assert.Null(catalog.Campaigns["orphan"].Segment);
        Assert.Equal(3, catalog.Version);
        Assert.Equal(AppId, catalog.ApplicationId);
    }
}
