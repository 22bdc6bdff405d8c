using ServerlessInApp.Core.Endpoints;
using ServerlessInApp.Core.Tests.Support;
using static ServerlessInApp.Core.Tests.Support.Sample;

namespace ServerlessInApp.Core.Tests.Endpoints;

public class EndpointMergeTests
{
    private static readonly DateTimeOffset Later = Now.AddHours(5);
    private const string LaterStamp = "2026-05-01T17:00:00.000Z";

    private static readonly Endpoint Stored = new()
    {
        ApplicationId = AppId,
        Id = EndpointId,
        CreationDate = "2026-04-01T08:00:00.000Z",
        CohortId = "25",
        Address = "device-token",
        ChannelType = "IN_APP",
        EffectiveDate = "2026-04-01T08:00:00.000Z",
        EndpointStatus = "ACTIVE",
        OptOut = "NONE",
        RequestId = "req-1",
        Attributes = new Dictionary<string, IReadOnlyList<string>> { ["interests"] = ["music", "travel"], ["plan"] = ["free"] },
        Metrics = new Dictionary<string, double> { ["score"] = 4.5, ["level"] = 3 },
        Demographic = new EndpointDemographic { AppVersion = "1.0.0", Platform = "iOS", Make = "Apple", Model = "iPhone15,2", Locale = "en_US" },
        Location = new EndpointLocation { Country = "US", City = "Seattle" },
        User = new EndpointUser
        {
            UserId = "user-123",
            UserAttributes = new Dictionary<string, IReadOnlyList<string>> { ["tier"] = ["gold"], ["team"] = ["reds"] },
        },
    };

    private static Endpoint Update(EndpointUpdate update) => EndpointMerge.Apply(Stored, update, AppId, EndpointId, Later);

    [Fact]
    public void FirstUpdateCreatesTheEndpointWithCreationDateAndCohort()
    {
        var created = EndpointMerge.Apply(null, new EndpointUpdate
        {
            ChannelType = "IN_APP",
            Attributes = new Dictionary<string, IReadOnlyList<string>> { ["plan"] = ["pro"] },
        }, AppId, EndpointId, Now);

        Assert.Equal(AppId, created.ApplicationId);
        Assert.Equal(EndpointId, created.Id);
        Assert.Equal("2026-05-01T12:00:00.000Z", created.CreationDate);
        Assert.Equal("2026-05-01T12:00:00.000Z", created.EffectiveDate);
        Assert.Equal(EndpointMerge.Cohort(EndpointId).ToString(), created.CohortId);
        Assert.Equal("ACTIVE", created.EndpointStatus);
        Assert.Equal("IN_APP", created.ChannelType);
        Assert.Equal(["pro"], created.Attributes["plan"]);
    }

    [Fact]
    public void CreationDateIsUtcWhateverTheClocksOffset()
    {
        var sameInstantInParis = new DateTimeOffset(2026, 5, 1, 14, 0, 0, TimeSpan.FromHours(2));

        var created = EndpointMerge.Apply(null, new EndpointUpdate(), AppId, EndpointId, sameInstantInParis);

        Assert.Equal("2026-05-01T12:00:00.000Z", created.CreationDate);
        Assert.Equal("2026-05-01T12:00:00.000Z", created.EffectiveDate);
    }

    [Fact]
    public void LaterUpdatesKeepCreationDateAndCohort()
    {
        var updated = Update(new EndpointUpdate { OptOut = "ALL" });

        Assert.Equal(Stored.CreationDate, updated.CreationDate);
        Assert.Equal(Stored.CohortId, updated.CohortId);
    }

    [Fact]
    public void EmptyUpdateChangesNothingButTheTimeOfTheUpdate()
    {
        var updated = Update(new EndpointUpdate());

        Assert.Equal(Stored with { EffectiveDate = LaterStamp }, updated);
    }

    [Fact]
    public void EmptyMapsChangeNothing()
    {
        var updated = Update(new EndpointUpdate
        {
            Attributes = new Dictionary<string, IReadOnlyList<string>>(),
            Metrics = new Dictionary<string, double>(),
            User = new EndpointUser { UserAttributes = new Dictionary<string, IReadOnlyList<string>>() },
            Demographic = new EndpointDemographic(),
        });

        Assert.Equal(Stored.Attributes, updated.Attributes);
        Assert.Equal(Stored.Metrics, updated.Metrics);
        Assert.Equal(Stored.User!.UserAttributes, updated.User!.UserAttributes);
        Assert.Equal("user-123", updated.User.UserId);
        Assert.Equal(Stored.Demographic, updated.Demographic);
    }

    [Fact]
    public void AmplifysEmptyEndpointIsRecognisedAsEmpty()
    {
        Assert.True(new EndpointUpdate().IsEmpty);
        Assert.False(new EndpointUpdate { OptOut = "NONE" }.IsEmpty);
        Assert.False(new EndpointUpdate { Attributes = new Dictionary<string, IReadOnlyList<string>>() }.IsEmpty);
        Assert.False(new EndpointUpdate { User = new EndpointUser() }.IsEmpty);
    }

    [Fact]
    public void AttributeSentReplacesThatKeyOnly()
    {
        var updated = Update(new EndpointUpdate
        {
            Attributes = new Dictionary<string, IReadOnlyList<string>> { ["interests"] = ["books"], ["email"] = ["a@example.com"] },
        });

        Assert.Equal(["books"], updated.Attributes["interests"]);
        Assert.Equal(["free"], updated.Attributes["plan"]);
        Assert.Equal(["a@example.com"], updated.Attributes["email"]);
        Assert.Equal(3, updated.Attributes.Count);
    }

    [Fact]
    public void MetricSentReplacesThatKeyOnly()
    {
        var updated = Update(new EndpointUpdate { Metrics = new Dictionary<string, double> { ["score"] = 0 } });

        Assert.Equal(new Dictionary<string, double> { ["score"] = 0, ["level"] = 3 }, updated.Metrics);
    }

    [Fact]
    public void UserAttributeSentReplacesThatKeyOnlyAndKeepsTheUserId()
    {
        var updated = Update(new EndpointUpdate
        {
            User = new EndpointUser { UserAttributes = new Dictionary<string, IReadOnlyList<string>> { ["tier"] = ["silver"] } },
        });

        Assert.Equal("user-123", updated.User!.UserId);
        Assert.Equal(["silver"], updated.User.UserAttributes!["tier"]);
        Assert.Equal(["reds"], updated.User.UserAttributes["team"]);
    }

    [Fact]
    public void NewUserIdKeepsTheUserAttributes()
    {
        var updated = Update(new EndpointUpdate { User = new EndpointUser { UserId = "user-456" } });

        Assert.Equal("user-456", updated.User!.UserId);
        Assert.Equal(Stored.User!.UserAttributes, updated.User.UserAttributes);
    }

    [Fact]
    public void DemographicFieldsSentReplaceOnlyThoseFields()
    {
        var updated = Update(new EndpointUpdate { Demographic = new EndpointDemographic { AppVersion = "1.1.0", Timezone = "Europe/Paris" } });

        Assert.Equal(new EndpointDemographic
        {
            AppVersion = "1.1.0", Platform = "iOS", Make = "Apple", Model = "iPhone15,2", Locale = "en_US", Timezone = "Europe/Paris",
        }, updated.Demographic);
    }

    [Fact]
    public void FirstDemographicIsTakenAsSent()
    {
        var demographic = new EndpointDemographic { Platform = "web" };

        Assert.Equal(demographic, EndpointMerge.Apply(Stored with { Demographic = null }, new EndpointUpdate { Demographic = demographic }, AppId, EndpointId, Later).Demographic);
    }

    [Fact]
    public void ScalarMembersSentReplaceAndAbsentOnesAreKept()
    {
        var updated = Update(new EndpointUpdate { OptOut = "ALL", EffectiveDate = "2026-05-01T16:59:00.000Z" });

        Assert.Equal("ALL", updated.OptOut);
        Assert.Equal("2026-05-01T16:59:00.000Z", updated.EffectiveDate);
        Assert.Equal("IN_APP", updated.ChannelType);
        Assert.Equal("device-token", updated.Address);
        Assert.Equal("req-1", updated.RequestId);
        Assert.Equal(Stored.Location, updated.Location);
    }

    // Pinpoint: "automatically sets this value to ACTIVE when you create an endpoint or update an existing endpoint".
    [Fact]
    public void UpdateReactivatesAnInactiveEndpointUnlessItSaysOtherwise()
    {
        var inactive = Stored with { EndpointStatus = "INACTIVE" };

        Assert.Equal("ACTIVE", EndpointMerge.Apply(inactive, new EndpointUpdate { OptOut = "NONE" }, AppId, EndpointId, Later).EndpointStatus);
        Assert.Equal("INACTIVE", Update(new EndpointUpdate { EndpointStatus = "INACTIVE" }).EndpointStatus);
    }

    [Fact]
    public void CohortIsStableAcrossRunsAndMachines()
    {
        // FNV-1a 32-bit of the UTF-8 id, mod 100: published test vectors, not a value this code produced.
        Assert.Equal((int)(0xe40c292cu % 100), EndpointMerge.Cohort("a"));
        Assert.Equal((int)(0xbf9cf968u % 100), EndpointMerge.Cohort("foobar"));
        Assert.Equal(EndpointMerge.Cohort(EndpointId), EndpointMerge.Cohort(new string(EndpointId.ToCharArray())));
    }

    [Fact]
    public void CohortsAreZeroToNinetyNineAndAllInUse()
    {
        var cohorts = Enumerable.Range(0, 10_000).Select(i => EndpointMerge.Cohort($"endpoint-{i}")).ToList();

        Assert.All(cohorts, c => Assert.InRange(c, 0, 99));
        Assert.Equal(100, cohorts.Distinct().Count());
    }
}
