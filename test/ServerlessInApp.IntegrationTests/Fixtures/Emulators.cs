using System.Diagnostics;
using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SQS;

namespace ServerlessInApp.IntegrationTests.Fixtures;

/// <summary>
/// One DynamoDB Local and one fauxqs for the whole test run, started and stopped through
/// infra/local/start.sh and stop.sh (the same scripts ./run.sh uses). Tests isolate themselves
/// by creating their own table, queues or app ids.
/// </summary>
public sealed class Emulators : IAsyncLifetime
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(5);

    private readonly string _stateDirectory =
        Path.Combine(Path.GetTempPath(), "serverlessinapp-emulators-" + Guid.NewGuid().ToString("N"));

    private IReadOnlyDictionary<string, string> _variables = new Dictionary<string, string>();

    public string RepositoryRoot { get; } = FindRepositoryRoot();

    public string DynamoDbServiceUrl => _variables["DYNAMODB_SERVICE_URL"];

    public string SqsServiceUrl => _variables["SQS_SERVICE_URL"];

    public string Region => _variables["AWS_REGION"];

    /// <summary>The variables of stack.env, for a child process such as the local host.</summary>
    public IReadOnlyDictionary<string, string> Variables => _variables;

    public AWSCredentials Credentials =>
        new BasicAWSCredentials(_variables["AWS_ACCESS_KEY_ID"], _variables["AWS_SECRET_ACCESS_KEY"]);

    public AmazonDynamoDBClient CreateDynamoDbClient() =>
        new(Credentials, new AmazonDynamoDBConfig { ServiceURL = DynamoDbServiceUrl, AuthenticationRegion = Region });

    public AmazonSQSClient CreateSqsClient() =>
        new(Credentials, new AmazonSQSConfig { ServiceURL = SqsServiceUrl, AuthenticationRegion = Region });

    public async Task InitializeAsync()
    {
        await RunScriptAsync("infra/local/install.sh");
        // STACK_OWNER_PID: if this test process dies without disposing us, the emulators stop by themselves.
        await RunScriptAsync("infra/local/start.sh", _stateDirectory);
        _variables = ParseStackEnv(Path.Combine(_stateDirectory, "stack.env"));
    }

    public async Task DisposeAsync()
    {
        try
        {
            await RunScriptAsync("infra/local/stop.sh", _stateDirectory);
        }
        finally
        {
            try
            {
                Directory.Delete(_stateDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Logs are only diagnostics; a leftover temp folder is harmless.
            }
        }
    }

    private async Task RunScriptAsync(string script, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(RepositoryRoot, script));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        startInfo.Environment["STACK_OWNER_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"could not start bash {script}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {ScriptTimeout}");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{script} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }

    private static Dictionary<string, string> ParseStackEnv(string path)
    {
        const string prefix = "export ";
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path))
        {
            if (!line.StartsWith(prefix, StringComparison.Ordinal) || line.IndexOf('=', StringComparison.Ordinal) < 0)
            {
                continue;
            }
            var assignment = line[prefix.Length..];
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            variables[assignment[..equals]] = assignment[(equals + 1)..];
        }
        foreach (var required in new[] { "DYNAMODB_SERVICE_URL", "SQS_SERVICE_URL", "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY" })
        {
            if (!variables.ContainsKey(required))
            {
                throw new InvalidOperationException($"{path} does not set {required}");
            }
        }
        return variables;
    }

    // The build output may live outside the repository (dotnet build --artifacts-path), so also look
    // above the working directory and above this source file's compile-time path.
    private static string FindRepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        var starts = new[]
        {
            Environment.GetEnvironmentVariable("SERVERLESSINAPP_REPO_ROOT"),
            AppContext.BaseDirectory,
            Directory.GetCurrentDirectory(),
            Path.GetDirectoryName(sourceFile),
        };
        foreach (var start in starts)
        {
            if (string.IsNullOrEmpty(start) || !Directory.Exists(start))
            {
                continue;
            }
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "ServerlessInApp.sln")))
                {
                    return directory.FullName;
                }
            }
        }
        throw new InvalidOperationException(
            $"no ServerlessInApp.sln above {AppContext.BaseDirectory} or the working directory; set SERVERLESSINAPP_REPO_ROOT");
    }
}

[CollectionDefinition("emulators")]
public sealed class EmulatorsCollection : ICollectionFixture<Emulators>;
