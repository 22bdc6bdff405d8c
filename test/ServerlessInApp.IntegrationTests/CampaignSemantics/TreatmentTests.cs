using System.Net;
using System.Text.Json.Nodes;
using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.IntegrationTests.Http;
using static ServerlessInApp.IntegrationTests.CampaignSemantics.Device;
using static ServerlessInApp.IntegrationTests.Http.PinpointClient;

namespace ServerlessInApp.IntegrationTests.CampaignSemantics;

/// <summary>
/// HoldoutPercent and AdditionalTreatments: every triggered endpoint lands in the holdout or in one treatment, always
/// the same one; holdout endpoints are never shown the campaign; the others are shown their treatment's message; the
/// KPI route counts each endpoint once, as entitled (per treatment) or holdout.
/// </summary>
[Collection("emulators")]
public sealed class TreatmentTests(ProductHost host) : IClassFixture<ProductHost>
{
    private const int Endpoints = 40;
    private readonly Device _device = new(host);
    private PinpointClient Api => _device.Api;

    private static JsonObject ABTest(string segmentId)
    {
        var campaign = Owner.Campaign(segmentId, "Control", Owner.Limits(total: 5));
        campaign["HoldoutPercent"] = 50;
        campaign["TreatmentName"] = "control";
        campaign["AdditionalTreatments"] = new JsonArray(new JsonObject
        {
            ["SizePercent"] = 50,
            ["TreatmentName"] = "variant",
            ["TreatmentDescription"] = "the same offer, another header",
            ["MessageConfiguration"] = new JsonObject
            {
                ["InAppMessage"] = new JsonObject { ["Layout"] = "BOTTOM_BANNER", ["Content"] = new JsonArray(Bodies.Content("Variant")) },
            },
        });
        return campaign;
    }

    private static string EndpointId(int i) => $"player-{i:D2}";

    private async Task TriggerEveryoneAsync(string appId)
    {
        await _device.PutBatchAsync(appId, Enumerable.Range(0, Endpoints).Select(i => (EndpointId(i), NewEventId(), Bodies.MatchingEvent())).ToArray());
        await host.EventsHandledAsync();
    }

    /// <summary>What each endpoint is shown: null for nothing, else its TreatmentId (after checking the message is that treatment's).</summary>
    private async Task<Dictionary<string, string?>> ShownAsync(string appId, string campaignId)
    {
        var shown = new Dictionary<string, string?>();
        for (var i = 0; i < Endpoints; i++)
        {
            var campaigns = await Api.GetInAppMessagesAsync(appId, EndpointId(i));
            if (campaigns.Count == 0)
            {
                shown[EndpointId(i)] = null;
                continue;
            }
            var campaign = Assert.Single(campaigns)!;
            Assert.Equal(campaignId, campaign["CampaignId"]!.GetValue<string>());
            var treatment = campaign["TreatmentId"]!.GetValue<string>();
            var (header, layout) = treatment switch
            {
                "0" => ("Control", "TOP_BANNER"),
                "1" => ("Variant", "BOTTOM_BANNER"),
                _ => throw new Xunit.Sdk.XunitException($"{EndpointId(i)} got TreatmentId {treatment}"),
            };
            Assert.Equal(header, Owner.Header(campaign));
            Assert.Equal(layout, campaign["InAppMessage"]!["Layout"]!.GetValue<string>());
            shown[EndpointId(i)] = treatment;
        }
        return shown;
    }

    [Fact]
    public async Task Holdout_endpoints_never_see_the_campaign_the_others_see_their_treatments_message_and_the_KPIs_count_each_once()
    {
        var (appId, segmentId) = await Owner.AppAsync(Api);
        var created = await Expect(HttpStatusCode.Created, Api.PostAsync($"/v1/apps/{appId}/campaigns", ABTest(segmentId)));
        var campaignId = created.Json["Id"]!.GetValue<string>();
        Assert.Equal(50, created.Json["HoldoutPercent"]!.GetValue<int>());
        var treatment = Assert.Single(created.Json["AdditionalTreatments"]!.AsArray())!;
        Assert.Equal(("1", 50, "variant"), (treatment["Id"]!.GetValue<string>(), treatment["SizePercent"]!.GetValue<int>(), treatment["TreatmentName"]!.GetValue<string>()));

        await TriggerEveryoneAsync(appId);
        var first = await ShownAsync(appId, campaignId);
        var holdout = first.Count(s => s.Value is null);
        var control = first.Count(s => s.Value == "0");
        var variant = first.Count(s => s.Value == "1");
        // 50 % holdout, then 50/50: with 40 endpoints each group is far from empty (the bounds are > 3.5 σ away).
        Assert.InRange(holdout, 8, 32);
        Assert.True(control > 0 && variant > 0, $"control {control}, variant {variant}");

        // Triggering everyone again changes nobody's group and counts nobody twice.
        await TriggerEveryoneAsync(appId);
        Assert.Equal(first, await ShownAsync(appId, campaignId));

        var today = UtcDay(DateTimeOffset.UtcNow);
        var kpis = await _device.KpisAsync(appId, campaignId);
        Assert.Equal(Endpoints, kpis.Sum("entitled") + kpis.Sum("holdout"));
        Assert.Equal(control, kpis.Long(today, "0", "entitled"));
        Assert.Equal(variant, kpis.Long(today, "1", "entitled"));
        Assert.Equal(holdout, kpis.Sum("holdout"));
        Assert.Equal(0, kpis.Long(today, "0", "holdout") + kpis.Long(today, "1", "holdout"));

        // Displays are counted under the treatment the device reports.
        var variantEndpoint = first.First(s => s.Value == "1").Key;
        await _device.PutEventAsync(appId, variantEndpoint, InApp(Displayed, campaignId, treatmentId: "1"));
        await _device.PutEventAsync(appId, variantEndpoint, InApp(Clicked, campaignId, treatmentId: "1"));
        await host.EventsHandledAsync();
        kpis = await _device.KpisAsync(appId, campaignId);
        Assert.Equal((1L, 1L, 0L), (kpis.Long(today, "1", "displayed"), kpis.Long(today, "1", "clicked"), kpis.Long(today, "0", "displayed")));
    }

    [Fact]
    public async Task GetCampaign_lists_the_additional_treatments_with_ids_and_an_update_serves_the_new_variant()
    {
        var (appId, segmentId) = await Owner.AppAsync(Api);
        var body = ABTest(segmentId);
        body["HoldoutPercent"] = 0;
        var campaignId = await Api.CreateCampaignAsync(appId, body);
        var read = await Expect(HttpStatusCode.OK, Api.SendAsync(HttpMethod.Get, $"/v1/apps/{appId}/campaigns/{campaignId}"));
        var treatment = Assert.Single(read.Json["AdditionalTreatments"]!.AsArray())!;
        Assert.Equal("1", treatment["Id"]!.GetValue<string>());
        Assert.Equal("Variant", treatment["MessageConfiguration"]!["InAppMessage"]!["Content"]![0]!["HeaderConfig"]!["Header"]!.GetValue<string>());

        await TriggerEveryoneAsync(appId);
        var shown = await ShownAsync(appId, campaignId);
        Assert.DoesNotContain(null, shown.Values);
        var variantEndpoint = shown.First(s => s.Value == "1").Key;

        var update = ABTest(segmentId);
        update["HoldoutPercent"] = 0;
        update["AdditionalTreatments"]![0]!["MessageConfiguration"]!["InAppMessage"]!["Content"] = new JsonArray(Bodies.Content("Variant v2"));
        await Api.UpdateCampaignAsync(appId, campaignId, update);
        var campaign = Assert.Single(await Api.GetInAppMessagesAsync(appId, variantEndpoint));
        Assert.Equal(("1", "Variant v2"), (campaign!["TreatmentId"]!.GetValue<string>(), Owner.Header(campaign)));
    }
}
