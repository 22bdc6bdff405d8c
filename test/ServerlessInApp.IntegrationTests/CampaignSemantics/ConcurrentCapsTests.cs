using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.IntegrationTests.Http;
using ServerlessInApp.LocalHost;
using static ServerlessInApp.IntegrationTests.CampaignSemantics.Device;

namespace ServerlessInApp.IntegrationTests.CampaignSemantics;

/// <summary>A host whose event source mapping runs 8 consumers of one record each, as 8 concurrent Lambda invocations would.</summary>
public sealed class ManyConsumersProductHost(Emulators emulators) : ProductHost(emulators)
{
    protected override LocalHostOptions Configure(LocalHostOptions defaults) => defaults with { Pollers = 8, BatchSize = 1 };
}

/// <summary>Caps hold under concurrency: many consumers recording displays of one endpoint never push it past a cap.</summary>
[Collection("emulators")]
public sealed class ConcurrentCapsTests(ManyConsumersProductHost host) : IClassFixture<ManyConsumersProductHost>
{
    private readonly Device _device = new(host);
    private PinpointClient Api => _device.Api;

    [Fact]
    public async Task Eight_displays_posted_at_once_against_Total_1_count_exactly_one()
    {
        var (appId, segmentId) = await Owner.AppAsync(Api);
        var campaignId = await Api.CreateCampaignAsync(appId, Owner.Campaign(segmentId, "Once only", Owner.Limits(total: 1)));
        await _device.PutEventAsync(appId, "player-1", Bodies.MatchingEvent());
        await Api.EventuallyShownAsync(appId, "player-1", campaignId);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _device.PutEventAsync(appId, "player-1", InApp(Displayed, campaignId))));
        await host.EventsHandledAsync();

        var counter = await _device.CounterAsync(appId, "player-1", campaignId);
        Assert.Equal(1, Number(counter, "Total"));
        // Each count stops at its own cap: with no daily cap, every display of the day counts toward the day.
        Assert.Equal(8, Number(counter, "DayCount"));
        Assert.Empty(await Api.GetInAppMessagesAsync(appId, "player-1"));
        // Every display still reaches the metrics exactly once, capped or not: the device did show it.
        var kpis = await _device.KpisAsync(appId, campaignId);
        Assert.Equal(8, kpis.Sum("displayed"));
        Assert.Equal(1, kpis.Sum("unique-displayed"));
        await AssertNothingDeadLetteredAsync();
    }

    [Fact]
    public async Task Displays_of_two_campaigns_posted_at_once_never_exceed_the_apps_daily_limit()
    {
        var (appId, segmentId) = await Owner.AppAsync(Api);
        await _device.PutSettingsAsync(appId, new System.Text.Json.Nodes.JsonObject { ["Limits"] = new System.Text.Json.Nodes.JsonObject { ["Daily"] = 2 } });
        var first = await Api.CreateCampaignAsync(appId, Owner.Campaign(segmentId, "First", Owner.Limits(total: 10, daily: 10), priority: 1));
        var second = await Api.CreateCampaignAsync(appId, Owner.Campaign(segmentId, "Second", Owner.Limits(total: 10, daily: 10), priority: 2));
        await _device.PutEventAsync(appId, "player-1", Bodies.MatchingEvent());
        await Api.EventuallyShownAsync(appId, "player-1", first, second);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => _device.PutEventAsync(appId, "player-1", InApp(Displayed, i % 2 == 0 ? first : second))));
        await host.EventsHandledAsync();

        Assert.Equal(2, Number(await _device.CounterAsync(appId, "player-1", "*"), "DayCount"));
        // Each campaign's own counts are below its caps: every display of it counts there, whichever came first.
        Assert.Equal(4, Number(await _device.CounterAsync(appId, "player-1", first), "Total"));
        Assert.Equal(4, Number(await _device.CounterAsync(appId, "player-1", second), "Total"));
        Assert.Empty(await Api.GetInAppMessagesAsync(appId, "player-1"));
        await AssertNothingDeadLetteredAsync();
    }

    private async Task AssertNothingDeadLetteredAsync()
    {
        using var sqs = host.Emulators.CreateSqsClient();
        var attributes = await sqs.GetQueueAttributesAsync(host.Queues.DeadLetterQueueUrl, ["ApproximateNumberOfMessages"]);
        Assert.Equal("0", attributes.Attributes["ApproximateNumberOfMessages"]);
    }
}
