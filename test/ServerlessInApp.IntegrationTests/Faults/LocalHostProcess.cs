using System.Diagnostics;
using ServerlessInApp.IntegrationTests.Fixtures;

namespace ServerlessInApp.IntegrationTests.Faults;

/// <summary>
/// The local host as ./run.sh runs it, in a process of its own (ServerlessInApp.LocalHost.dll, built beside the
/// tests), so that a test can kill it outright, in the middle of a batch, and start another on the same table and queues.
/// </summary>
public sealed class LocalHostProcess(Emulators emulators, IReadOnlyDictionary<string, string> environment) : IAsyncDisposable
{
    private Process? _host;

    public async Task StartAsync()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ServerlessInApp.LocalHost.dll");
        var port = LoopbackPort.Free();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "--urls", $"http://127.0.0.1:{port}" }) startInfo.ArgumentList.Add(argument);
        foreach (var (name, value) in emulators.Variables) startInfo.Environment[name] = value;
        foreach (var (name, value) in environment) startInfo.Environment[name] = value;
        startInfo.Environment["AWS_LAMBDA_LOG_LEVEL"] = "WARN";
        _host = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start the local host");
        _host.OutputDataReceived += (_, _) => { };
        _host.ErrorDataReceived += (_, _) => { };
        _host.BeginOutputReadLine();
        _host.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            Assert.False(_host.HasExited, $"the local host exited with {(_host.HasExited ? _host.ExitCode : 0)} before it was ready");
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{port}/_local/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            Assert.True(DateTime.UtcNow < deadline, "the local host did not answer its health check within 90 s");
            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL: no shutdown, no answer to the batch in hand, as a Lambda environment that crashes or times out.</summary>
    public async Task KillAsync()
    {
        if (_host is null) return;
        _host.Kill(entireProcessTree: true);
        await _host.WaitForExitAsync();
        _host.Dispose();
        _host = null;
    }

    public async ValueTask DisposeAsync() => await KillAsync();
}
