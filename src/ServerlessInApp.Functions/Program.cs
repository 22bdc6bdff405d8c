using System.Runtime.InteropServices;
using ServerlessInApp.Functions;
using ServerlessInApp.Functions.Http;
using ServerlessInApp.Functions.Lambda;
using ServerlessInApp.Functions.Logging;

// The Lambda entry point of all four functions (executable mode: no Amazon.Lambda.* package, see docs/design.md).
// Which function this process serves is configuration: SERVERLESSINAPP_HANDLER, set per function in template.yaml,
// or else _HANDLER (the function's Handler setting on provided.al2023; on the managed dotnet10 runtime in
// executable mode _HANDLER is the assembly name, hence the product's own variable wins).

using var cancellation = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

LambdaRuntime runtime;
try
{
    runtime = LambdaRuntime.FromEnvironment();
}
catch (InvalidOperationException exception)
{
    // Nowhere to report an init error to: say it on stdout and fail.
    JsonLog.Fatal(exception.Message);
    return LambdaRuntime.InitFailedExitCode;
}

using (runtime)
{
    return await runtime.RunAsync(CreateFunction, cancellation.Token);
}

static IFunction CreateFunction()
{
    var handlerName = FirstSet("SERVERLESSINAPP_HANDLER", "_HANDLER")
        ?? throw new InvalidOperationException(
            $"No handler configured: set SERVERLESSINAPP_HANDLER (or _HANDLER) to one of {string.Join(", ", FunctionName.All)}.");
    // Checked before Settings are read so that a wrong name is the error reported, not a consequence of it.
    if (!FunctionName.All.Contains(handlerName, StringComparer.Ordinal))
    {
        throw new InvalidOperationException(
            $"Unknown handler '{handlerName}': expected one of {string.Join(", ", FunctionName.All)}.");
    }
    return Composition.CreateFunction(handlerName, Settings.FromEnvironment());
}

static string? FirstSet(params string[] names) =>
    names.Select(Environment.GetEnvironmentVariable).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value))?.Trim();
