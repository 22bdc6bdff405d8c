using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace ServerlessInApp.IntegrationTests.Lambda;

/// <summary>
/// src/ServerlessInApp.Functions built once per test run by the Makefile `sam build` runs (Release, Native AOT, one
/// RID), only for this machine's architecture instead of arm64 so it can run here. The tests then start the built
/// <c>bootstrap</c> itself: the deployment artifact, not the handler classes.
/// </summary>
public sealed class PublishedBootstrap : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    // Under this test assembly's own output folder: later runs publish incrementally, and this build never shares
    // an obj folder with anyone else's.
    private readonly string _root = Path.Combine(AppContext.BaseDirectory, "published-bootstrap");

    public string ExecutablePath => Path.Combine(_root, "out", "bootstrap");

    public static string RuntimeIdentifier => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "linux-x64",
        Architecture.Arm64 => "linux-arm64",
        var other => throw new PlatformNotSupportedException($"No Lambda architecture matches {other}."),
    };

    public async Task InitializeAsync()
    {
        // As sam build hands the Makefile an empty ARTIFACTS_DIR: nothing an earlier build left may be run instead.
        if (Directory.Exists(Path.Combine(_root, "out"))) Directory.Delete(Path.Combine(_root, "out"), recursive: true);
        var makefile = Path.Combine(FindRepositoryRoot(), "src", "ServerlessInApp.Functions", "Makefile");
        var startInfo = new ProcessStartInfo("make")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--makefile", makefile, "build-TriggerFunction",
            $"ARTIFACTS_DIR={Path.Combine(_root, "out")}",
            $"DOTNET_ARTIFACTS={Path.Combine(_root, "artifacts")}",
            $"RUNTIME={RuntimeIdentifier}",
            "DOTNET_PUBLISH_FLAGS=--disable-build-servers",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }
        // `dotnet test` hands its MSBuild location to child processes; a nested build must find its own.
        foreach (var inherited in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            startInfo.Environment.Remove(inherited);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start make");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"make build-TriggerFunction did not finish within {PublishTimeout}.");
        }
        if (process.ExitCode != 0 || !File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"make build-TriggerFunction exited with {process.ExitCode} ({ExecutablePath} exists: {File.Exists(ExecutablePath)}):\n{await output}\n{await errors}");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Starts the published executable with exactly the given Lambda-side environment.</summary>
    public BootstrapProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ExecutablePath)!,
        };
        // Nothing of this machine's own configuration may leak in and make a test pass.
        foreach (var name in startInfo.Environment.Keys.ToList())
        {
            if (name.StartsWith("AWS_", StringComparison.Ordinal) || name.StartsWith("SERVERLESSINAPP_", StringComparison.Ordinal)
                || name is "_HANDLER" or "TABLE_NAME" or "EVENTS_QUEUE_URL" or "DYNAMODB_SERVICE_URL" or "SQS_SERVICE_URL")
            {
                startInfo.Environment.Remove(name);
            }
        }
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }
        return new BootstrapProcess(Process.Start(startInfo) ?? throw new InvalidOperationException("could not start bootstrap"));
    }

    private static string FindRepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Environment.GetEnvironmentVariable("SERVERLESSINAPP_REPO_ROOT"), AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(sourceFile) })
        {
            if (string.IsNullOrEmpty(start) || !Directory.Exists(start)) continue;
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "ServerlessInApp.sln"))) return directory.FullName;
            }
        }
        throw new InvalidOperationException("no ServerlessInApp.sln above the test output or the working directory; set SERVERLESSINAPP_REPO_ROOT");
    }
}

/// <summary>A running bootstrap: its output is collected for failure messages; disposing kills it.</summary>
public sealed class BootstrapProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public BootstrapProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything the process wrote so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
    }
}
