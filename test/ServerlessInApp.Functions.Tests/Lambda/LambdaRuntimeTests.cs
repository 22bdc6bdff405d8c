using System.Text;
using System.Text.Json;
using ServerlessInApp.Functions.Lambda;
using ServerlessInApp.Functions.Logging;

namespace ServerlessInApp.Functions.Tests.Lambda;

// The runtime loop in-process against the Runtime API emulator. One class, so its tests run one at a time:
// the loop sets the process-wide _X_AMZN_TRACE_ID.
public sealed class LambdaRuntimeTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly RuntimeApiEmulator _api = RuntimeApiEmulator.Start();
    private readonly LambdaRuntime _runtime;
    private readonly CancellationTokenSource _stop = new();

    public LambdaRuntimeTests() => _runtime = new LambdaRuntime(_api.RuntimeApi);

    [Fact]
    public async Task PostsAResponseForEachInvocationInOrder()
    {
        var loop = _runtime.RunAsync(() => new Function(body => body.ToUpperInvariant()), _stop.Token);

        var first = _api.Invoke("\"one\"", requestId: "r-1");
        var second = _api.Invoke("\"two\"", requestId: "r-2");
        var third = _api.Invoke("\"three\"", requestId: "r-3");
        await Task.WhenAll(first, second, third).WaitAsync(Patience);

        Assert.Equal(
            [("r-1", "\"ONE\""), ("r-2", "\"TWO\""), ("r-3", "\"THREE\"")],
            _api.Outcomes.Select(o => (o.RequestId, o.Body)));
        Assert.All(_api.Outcomes, o => Assert.False(o.IsError));
        await StopAsync(loop);
    }

    [Fact]
    public async Task ReportsAThrowingInvocationAndGoesOnToTheNext()
    {
        var loop = _runtime.RunAsync(() => new Function(body =>
            body == "\"boom\"" ? throw new InvalidOperationException("the handler broke") : body), _stop.Token);

        var failed = await _api.Invoke("\"boom\"", requestId: "r-boom").WaitAsync(Patience);
        var next = await _api.Invoke("\"fine\"", requestId: "r-fine").WaitAsync(Patience);

        Assert.True(failed.IsError);
        Assert.Equal("Unhandled", failed.FunctionErrorType);
        var error = JsonSerializer.Deserialize(failed.Body, LambdaJsonContext.Default.RuntimeApiError)!;
        Assert.Equal("InvalidOperationException", error.ErrorType);
        Assert.Equal("the handler broke", error.ErrorMessage);
        Assert.NotEmpty(error.StackTrace);

        Assert.False(next.IsError);
        Assert.Equal("\"fine\"", next.Body);
        await StopAsync(loop);
    }

    [Fact]
    public async Task ReportsAFaultedTaskLikeAThrow()
    {
        var loop = _runtime.RunAsync(() => new AsyncThrowingFunction(), _stop.Token);

        var failed = await _api.Invoke("{}").WaitAsync(Patience);

        Assert.True(failed.IsError);
        var error = JsonSerializer.Deserialize(failed.Body, LambdaJsonContext.Default.RuntimeApiError)!;
        Assert.Equal("JsonException", error.ErrorType);
        await StopAsync(loop);
    }

    [Fact]
    public async Task ReportsAFailedInitialisationAndExitsNonZero()
    {
        var exitCode = await _runtime.RunAsync(
            () => throw new InvalidOperationException("TABLE_NAME is not set"), _stop.Token).WaitAsync(Patience);

        Assert.Equal(LambdaRuntime.InitFailedExitCode, exitCode);
        var initError = Assert.Single(_api.InitErrors);
        Assert.Equal("Unhandled", initError.FunctionErrorType);
        var error = JsonSerializer.Deserialize(initError.Body, LambdaJsonContext.Default.RuntimeApiError)!;
        Assert.Equal("InvalidOperationException", error.ErrorType);
        Assert.Equal("TABLE_NAME is not set", error.ErrorMessage);
        Assert.Equal(0, _api.NextRequests);
    }

    [Fact]
    public async Task MapsTheRuntimeHeadersToTheInvocation()
    {
        var seen = new TaskCompletionSource<(Invocation Invocation, string? TraceVariable, string? LogRequestId)>();
        var loop = _runtime.RunAsync(() => new Function((body, invocation) =>
        {
            seen.TrySetResult((invocation, Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"), JsonLog.RequestId));
            return body;
        }), _stop.Token);

        await _api.Invoke(
            "{}",
            requestId: "8476a536-e9f4-11e8-9739-2dfe598c3fcd",
            deadline: DateTimeOffset.FromUnixTimeMilliseconds(1710270268390),
            functionArn: "arn:aws:lambda:us-east-2:123456789012:function:serverlessinapp-fetch",
            traceId: "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1").WaitAsync(Patience);
        var (invocation, traceVariable, logRequestId) = await seen.Task.WaitAsync(Patience);

        Assert.Equal("8476a536-e9f4-11e8-9739-2dfe598c3fcd", invocation.RequestId);
        Assert.Equal(new DateTimeOffset(2024, 3, 12, 19, 4, 28, 390, TimeSpan.Zero), invocation.Deadline);
        Assert.Equal("arn:aws:lambda:us-east-2:123456789012:function:serverlessinapp-fetch", invocation.InvokedFunctionArn);
        Assert.Equal("Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1", invocation.TraceId);
        Assert.Equal(invocation.TraceId, traceVariable);
        Assert.Equal(invocation.RequestId, logRequestId);
        await StopAsync(loop);
    }

    [Fact]
    public async Task CancellationEndsTheLoopWhileItWaitsForWork()
    {
        var loop = _runtime.RunAsync(() => new Function(body => body), _stop.Token);
        await _api.Invoke("{}").WaitAsync(Patience);

        var exitCode = await StopAsync(loop);

        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task ExitsWhenTheRuntimeApiCannotBeReached()
    {
        using var unreachable = new LambdaRuntime("127.0.0.1:1");

        var exitCode = await unreachable.RunAsync(() => new Function(body => body), _stop.Token).WaitAsync(Patience);

        Assert.Equal(LambdaRuntime.RuntimeApiFailedExitCode, exitCode);
    }

    private async Task<int> StopAsync(Task<int> loop)
    {
        // The loop is parked in GET next: wait until it is, so cancelling tests the blocked state.
        var deadline = DateTime.UtcNow + Patience;
        while (_api.NextRequests <= _api.Outcomes.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        await _stop.CancelAsync();
        return await loop.WaitAsync(Patience);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _runtime.Dispose();
        _api.Dispose();
        _stop.Dispose();
    }

    private sealed class Function(Func<string, Invocation, string> handle) : IFunction
    {
        public Function(Func<string, string> handle) : this((body, _) => handle(body))
        {
        }

        public async Task<Stream> Handle(Stream input, Invocation context)
        {
            using var reader = new StreamReader(input, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            return new MemoryStream(Encoding.UTF8.GetBytes(handle(body, context)));
        }
    }

    private sealed class AsyncThrowingFunction : IFunction
    {
        public async Task<Stream> Handle(Stream input, Invocation context)
        {
            await Task.Yield();
            throw new JsonException("not the envelope this function takes");
        }
    }
}
