using ServerlessInApp.LocalHost;

// ./run.sh starts the emulators, sets DYNAMODB_SERVICE_URL and SQS_SERVICE_URL, and runs this with --urls and --demo.
// `redrive` (infra/local/redrive.sh) moves the dead-letter queue back to the events queue of a running stack.
const string Usage = "Usage: ServerlessInApp.LocalHost [--urls http://127.0.0.1:5080] [--demo]\n       ServerlessInApp.LocalHost redrive";
if (args is ["redrive"])
{
    return await DeadLetterRedrive.RunAsync(LocalHostOptions.FromEnvironment(null), Console.Out);
}

string? urls = null;
var demo = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--urls" when i + 1 < args.Length:
            urls = args[++i];
            break;
        case "--demo":
            demo = true;
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. {Usage}");
            return 2;
    }
}

var options = LocalHostOptions.FromEnvironment(urls);
await using var app = await LocalStack.StartAsync(options);
var baseUrl = options.Urls.Split(';')[0].TrimEnd('/');
Console.WriteLine($"ServerlessInApp is listening on {baseUrl}");
Console.WriteLine($"  table {options.TableName} on {options.DynamoDbServiceUrl}; events queue {options.EventsQueueName} on {options.SqsServiceUrl}");
Console.WriteLine(DemoSeed.SigningHelp(baseUrl, options));
if (demo)
{
    var seeded = await DemoSeed.SeedAsync(baseUrl, options.OwnerKey, options.Region);
    Console.WriteLine(DemoSeed.CurlCommands(baseUrl, seeded, options.AppKey, options.Region));
}
Console.WriteLine("Press Ctrl-C to stop.");
await app.WaitForShutdownAsync();
return 0;
