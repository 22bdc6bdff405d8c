using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServerlessInApp.Functions;
using ServerlessInApp.Functions.Http;
using ServerlessInApp.IntegrationTests.CampaignSemantics;
using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.IntegrationTests.Http;
using static ServerlessInApp.IntegrationTests.CampaignSemantics.Device;

namespace ServerlessInApp.IntegrationTests.Faults;

/// <summary>
/// Eight displays of one endpoint reach eight concurrent trigger invocations at the same instant, against a total cap
/// of 1; a hundred times, for a hundred endpoints. The cap is never exceeded, and every display still reaches the
/// metrics exactly once.
/// </summary>
[Collection("emulators")]
public sealed class CapRaceTests(ProductHost host) : IClassFixture<ProductHost>
{
    private const int Rounds = 100;
    private const int Racers = 8;

    [Fact]
    public async Task Eight_concurrent_displays_against_Total_1_never_count_twice_in_100_rounds()
    {
        var device = new Device(host);
        var (appId, segmentId) = await Owner.AppAsync(device.Api);
        var campaignId = await device.Api.CreateCampaignAsync(appId, Owner.Campaign(segmentId, "Once only", Owner.Limits(total: 1)));
        await host.StopEventSourceMappingAsync();
        var trigger = host.Services.GetRequiredService<Composition>().Function(FunctionName.Trigger);

        var over = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var endpointId = $"racer-{round:D3}";
            using var start = new SemaphoreSlim(0);
            var racers = Enumerable.Range(0, Racers).Select(async racer =>
            {
                var body = QueuedEvent(appId, endpointId, $"display-{round}-{racer}", InApp(Displayed, campaignId));
                await start.WaitAsync();
                return await TriggerInvoker.InvokeAsync(trigger, [($"m-{round}-{racer}", body)]);
            }).ToList();
            start.Release(Racers);
            var failed = (await Task.WhenAll(racers)).Sum(f => f.Count);
            Assert.Equal(0, failed);

            var total = Number(await device.CounterAsync(appId, endpointId, campaignId), "Total");
            if (total != 1) over.Add($"{endpointId}: Total {total}");
        }

        Assert.Empty(over);
        var kpis = await device.KpisAsync(appId, campaignId);
        Assert.Equal(Rounds * Racers, kpis.Sum("displayed"));
        Assert.Equal(Rounds, kpis.Sum("unique-displayed"));
        Console.WriteLine($"cap race: {Rounds} rounds of {Racers} concurrent displays against Total 1, cap exceeded 0 times");
    }

    /// <summary>The body the ingest function queues for one event (what the trigger function reads from SQS).</summary>
    private static string QueuedEvent(string appId, string endpointId, string eventId, JsonObject @event) => new JsonObject
    {
        ["ApplicationId"] = appId,
        ["EndpointId"] = endpointId,
        ["EventId"] = eventId,
        ["Body"] = @event,
    }.ToJsonString();
}
