using Microsoft.Extensions.DependencyInjection;
using ServerlessInApp.Functions;
using ServerlessInApp.Functions.Http;
using ServerlessInApp.IntegrationTests.Fixtures;

namespace ServerlessInApp.IntegrationTests.Faults;

/// <summary>
/// Builds the fault workload once (seeded app, 2,000 queued events) and processes it once, cleanly: each message
/// delivered once, in order, by one consumer. <see cref="Clean"/> is the table that leaves, as canonical lines; every
/// fault test runs the same messages on a copy of the seed and must end with exactly these lines.
/// </summary>
public sealed class FaultWorkloadFixture(Emulators emulators) : IAsyncLifetime
{
    private ProductHost? _host;

    public FaultWorkload Workload { get; private set; } = null!;

    public IReadOnlyList<string> Clean { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _host = new ProductHost(emulators);
        await _host.InitializeAsync();
        Workload = await FaultWorkload.CreateAsync(_host);
        var trigger = _host.Services.GetRequiredService<Composition>().Function(FunctionName.Trigger);
        await TriggerInvoker.RunCleanAsync(trigger, Workload.Messages);
        using var dynamo = emulators.CreateDynamoDbClient();
        Clean = await TableDump.CanonicalAsync(dynamo, _host.Options.TableName);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}
