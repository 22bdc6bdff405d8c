using ServerlessInApp.Core.Treatments;

namespace ServerlessInApp.Core.Tests.Treatments;

public sealed class TreatmentAssignmentTests
{
    [Fact]
    public void TheSplitOverTenThousandEndpointsIsWithinTwoPercentOfTheConfiguredShares()
    {
        const int endpoints = 10_000;
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < endpoints; i++)
        {
            var treatment = TreatmentAssignment.Assign($"endpoint-{i}", "campaign-1", holdoutPercent: 10, shares: [50, 30, 20]);
            counts[treatment] = counts.GetValueOrDefault(treatment) + 1;
        }

        // Holdout is 10% of everyone; the treatments split the other 90% 50/30/20.
        AssertShare(counts, TreatmentAssignment.Holdout, 0.10, endpoints);
        AssertShare(counts, "0", 0.90 * 0.50, endpoints);
        AssertShare(counts, "1", 0.90 * 0.30, endpoints);
        AssertShare(counts, "2", 0.90 * 0.20, endpoints);
    }

    [Fact]
    public void TheSameEndpointAndCampaignAlwaysGetTheSameTreatment()
    {
        for (var i = 0; i < 100; i++)
        {
            var first = TreatmentAssignment.Assign($"ep-{i}", "campaign-1", 20, [40, 60]);
            Assert.Equal(first, TreatmentAssignment.Assign($"ep-{i}", "campaign-1", 20, [40, 60]));
        }
    }

    [Fact]
    public void DifferentCampaignsSplitTheSameEndpointsIndependently()
    {
        var same = Enumerable.Range(0, 1000).Count(i =>
            TreatmentAssignment.Assign($"ep-{i}", "campaign-a", 0, [50, 50]) == TreatmentAssignment.Assign($"ep-{i}", "campaign-b", 0, [50, 50]));
        Assert.InRange(same, 400, 600);
    }

    [Fact]
    public void NoHoldoutAndOneTreatmentGivesEveryoneTreatmentZero()
    {
        Assert.All(Enumerable.Range(0, 500), i => Assert.Equal("0", TreatmentAssignment.Assign($"ep-{i}", "c", 0, [100])));
    }

    [Fact]
    public void AFullHoldoutEntitlesNobody()
    {
        Assert.All(Enumerable.Range(0, 500), i => Assert.Equal(TreatmentAssignment.Holdout, TreatmentAssignment.Assign($"ep-{i}", "c", 100, [100])));
    }

    private static void AssertShare(Dictionary<string, int> counts, string treatment, double expected, int total)
    {
        var actual = counts.GetValueOrDefault(treatment) / (double)total;
        Assert.InRange(actual, expected - 0.02, expected + 0.02);
    }
}
