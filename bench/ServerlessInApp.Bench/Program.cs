using System.Net;
using System.Net.Sockets;
using ServerlessInApp.Bench;
using ServerlessInApp.LocalHost;

// Usage: ServerlessInApp.Bench latency [--events N]
//        ServerlessInApp.Bench load [--smoke] [--only storage|fetch|throughput]
// Needs the emulators (./bench.sh and bench/load.sh start them and set DYNAMODB_SERVICE_URL and SQS_SERVICE_URL);
// starts the product in-process on a free port with its own table and queues.
var mode = args.Length > 0 ? args[0] : "";
if (mode == "load")
{
    var sizes = args.Contains("--smoke") ? LoadRun.Smoke : LoadRun.Full;
    var only = Array.IndexOf(args, "--only");
    if (only > 0 && only + 1 < args.Length) sizes = LoadRun.Only(sizes, args[only + 1]);
    return await new LoadRun(Console.Out).RunAsync(sizes, FreePort, CancellationToken.None);
}

var events = 100;
for (var i = 1; i < args.Length; i++)
{
    if (args[i] == "--events" && i + 1 < args.Length) events = int.Parse(args[++i]);
}
if (mode != "latency")
{
    Console.Error.WriteLine("Usage: ServerlessInApp.Bench latency [--events N] | load [--smoke] [--only storage|fetch|throughput]");
    return 2;
}

var port = FreePort();
var suffix = Guid.NewGuid().ToString("N")[..8];
var options = LocalHostOptions.FromEnvironment($"http://127.0.0.1:{port}") with
{
    TableName = $"bench-{suffix}",
    EventsQueueName = $"bench-events-{suffix}",
    DeadLetterQueueName = $"bench-dlq-{suffix}",
};
await using var host = await LocalStack.StartAsync(options);
// Signed with the owner key (SigV4), as every caller of the host must be; the harness seeds an app and posts events.
using var http = SigV4SigningHandler.Client($"http://127.0.0.1:{port}", options.OwnerKey, options.Region);
var harness = new EventToMessageLatency(http, Console.Out);
harness.Report(await harness.RunAsync(events, CancellationToken.None));
await host.StopAsync();
return 0;

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
