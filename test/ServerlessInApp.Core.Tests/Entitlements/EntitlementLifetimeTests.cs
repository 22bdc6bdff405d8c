using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Entitlements;
using ServerlessInApp.Core.Treatments;
using static ServerlessInApp.Core.Tests.Support.Sample;

namespace ServerlessInApp.Core.Tests.Entitlements;

public sealed class EntitlementLifetimeTests
{
    private static Entitlement EvaluateOne(CampaignDefinition definition) =>
        Assert.Single(TriggerEvaluator.Evaluate(QueuedEvent(EventBody()), RegisteredEndpoint(), Catalog(StoredCampaign("c", definition)), Now));

    [Fact]
    public void WithoutEndOrWindowAnEntitlementLastsThirtyDaysFromTheTrigger()
    {
        var entitlement = EvaluateOne(Definition());
        Assert.Equal(entitlement.GrantedAt + TimeSpan.FromDays(30), entitlement.ExpiresAt);
    }

    [Fact]
    public void MaximumDurationSetsTheCampaignsOwnWindow()
    {
        var entitlement = EvaluateOne(Definition() with { Limits = new CampaignLimits { MaximumDuration = 3600 } });
        Assert.Equal(entitlement.GrantedAt + TimeSpan.FromHours(1), entitlement.ExpiresAt);
    }

    [Fact]
    public void AnEntitlementNeverOutlivesItsCampaign()
    {
        var end = Now.AddDays(2);
        var entitlement = EvaluateOne(Definition() with { Schedule = Schedule() with { EndTime = Iso(end) } });
        Assert.Equal(end, entitlement.ExpiresAt);
    }

    [Fact]
    public void HoldoutEndpointsAreEntitledAsHoldoutSoTheyAreCountedButNeverShown()
    {
        var entitlement = EvaluateOne(Definition() with { HoldoutPercent = 100 });
        Assert.Equal(TreatmentAssignment.Holdout, entitlement.TreatmentId);
    }

    [Fact]
    public void TheTreatmentIsTheEndpointsStableAssignment()
    {
        var definition = Definition() with
        {
            HoldoutPercent = 0,
            AdditionalTreatments = [new WriteTreatment { SizePercent = 50, MessageConfiguration = Definition().MessageConfiguration }],
        };
        var entitlement = EvaluateOne(definition);
        Assert.Equal(TreatmentAssignment.Assign(EndpointId, "c", 0, [50, 50]), entitlement.TreatmentId);
    }
}
