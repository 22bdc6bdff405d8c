using System.Diagnostics;
using Amazon.DynamoDBv2;
using ServerlessInApp.IntegrationTests.Fixtures;

namespace ServerlessInApp.IntegrationTests.Faults;

/// <summary>
/// A DynamoDB Local of the test's own (the jar infra/local/install.sh installed), keeping its data on disk (-dbPath)
/// so that it can be stopped in the middle of a workload and started again, on the same port, with its data.
/// </summary>
public sealed class DynamoDbLocalProcess(Emulators emulators) : IAsyncDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "serverlessinapp-ddb-" + Guid.NewGuid().ToString("N"));
    private readonly int _port = LoopbackPort.Free();
    private Process? _java;

    public string ServiceUrl => $"http://127.0.0.1:{_port}";

    public async Task StartAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        var emulator = Path.Combine(emulators.RepositoryRoot, "infra", "local", "node_modules", "amplify-dynamodb-simulator", "emulator");
        var startInfo = new ProcessStartInfo("java")
        {
            // DynamoDB Local writes its metadata file into its working directory.
            WorkingDirectory = _dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     $"-Djava.library.path={Path.Combine(emulator, "DynamoDBLocal_lib")}", "-jar", Path.Combine(emulator, "DynamoDBLocal.jar"),
                     "-dbPath", _dataDirectory, "-port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-disableTelemetry",
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }
        _java = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start java");
        _java.OutputDataReceived += (_, _) => { };
        _java.ErrorDataReceived += (_, _) => { };
        _java.BeginOutputReadLine();
        _java.BeginErrorReadLine();

        using var dynamo = FaultStack.Dynamo(emulators, ServiceUrl);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                await dynamo.ListTablesAsync();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !_java.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Kills the process, as a crash or an outage would; what it had written stays in its data directory.</summary>
    public async Task StopAsync()
    {
        if (_java is null) return;
        _java.Kill(entireProcessTree: true);
        await _java.WaitForExitAsync();
        _java.Dispose();
        _java = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
