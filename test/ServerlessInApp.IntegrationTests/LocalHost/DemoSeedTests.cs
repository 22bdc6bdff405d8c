using System.Diagnostics;
using System.Text.Json.Nodes;
using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.LocalHost;

namespace ServerlessInApp.IntegrationTests.LocalHost;

/// <summary>
/// ./run.sh --demo: the seed goes through the signed API with the owner key, and the two curl commands it prints work
/// exactly as printed (curl signs them itself with --aws-sigv4 and the app key, body included).
/// </summary>
[Collection("emulators")]
public sealed class DemoSeedTests(ProductHost host) : IClassFixture<ProductHost>
{
    [Fact]
    public async Task The_printed_curl_commands_post_the_event_and_fetch_the_message_it_triggers()
    {
        var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
        var demo = await DemoSeed.SeedAsync(baseUrl, host.Options.OwnerKey, host.Options.Region);

        var commands = DemoSeed.CurlCommands(baseUrl, demo, host.Options.AppKey, host.Options.Region)
            .Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("curl ", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, commands.Count);
        Assert.All(commands, command => Assert.Contains($"--user '{host.Options.AppKey.AccessKeyId}:", command));
        var posted = JsonNode.Parse(await ShellAsync(commands[0]))!;
        Assert.Equal(202, posted["Results"]![demo.EndpointId]!["EventsItemResponse"]!["event-1"]!["StatusCode"]!.GetValue<int>());
        var fetched = await Poll.UntilAsync(
            async () => JsonNode.Parse(await ShellAsync(commands[1]))!,
            reply => reply["InAppMessageCampaigns"]?.AsArray().Count > 0,
            "the demo campaign in the fetched messages");
        Assert.Equal(demo.CampaignId, fetched["InAppMessageCampaigns"]![0]!["CampaignId"]!.GetValue<string>());
    }

    /// <summary>Runs one printed command line in bash, as a reader pastes it; returns its output.</summary>
    private static async Task<string> ShellAsync(string commandLine)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commandLine);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{commandLine}\nexited with {process.ExitCode}: {await stderr}");
        return stdout;
    }
}
