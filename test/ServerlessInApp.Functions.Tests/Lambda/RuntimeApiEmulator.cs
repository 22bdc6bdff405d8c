using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace ServerlessInApp.Functions.Tests.Lambda;

// A small Lambda Runtime API (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html) for tests: it queues
// invocations for GET /invocation/next and records what the runtime posts back (responses, invocation errors,
// init errors). Self-contained on purpose (HttpListener, no test framework, no project types) so the integration
// tests can compile-link this same file and point a published executable's AWS_LAMBDA_RUNTIME_API at it.

/// <summary>One invocation to hand to the runtime; every Lambda-Runtime-* header it will receive.</summary>
public sealed record EmulatedInvocation(
    string RequestId, string Event, DateTimeOffset Deadline, string FunctionArn, string? TraceId);

/// <summary>What the runtime posted for one invocation: its response, or its error.</summary>
public sealed record EmulatedOutcome(string RequestId, bool IsError, string Body, string? FunctionErrorType);

/// <summary>A POST to /init/error.</summary>
public sealed record EmulatedInitError(string Body, string? FunctionErrorType);

public sealed class RuntimeApiEmulator : IDisposable
{
    /// <summary>Lambda's limit on a synchronous response; a bigger one is refused with 413.</summary>
    public const int MaxResponseBytes = 6 * 1024 * 1024;

    private const string Prefix = "/2018-06-01/runtime/";

    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<EmulatedInvocation> _queue = Channel.CreateUnbounded<EmulatedInvocation>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<EmulatedOutcome>> _pending = new();
    private readonly ConcurrentQueue<EmulatedOutcome> _outcomes = new();
    private readonly ConcurrentQueue<EmulatedInitError> _initErrors = new();
    private readonly TaskCompletionSource<EmulatedInitError> _firstInitError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _serving;
    private int _nextRequests;

    private RuntimeApiEmulator(HttpListener listener, int port)
    {
        _listener = listener;
        RuntimeApi = $"127.0.0.1:{port}";
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>host:port, the value for AWS_LAMBDA_RUNTIME_API.</summary>
    public string RuntimeApi { get; }

    /// <summary>Outcomes in the order the runtime posted them.</summary>
    public IReadOnlyList<EmulatedOutcome> Outcomes => [.. _outcomes];

    public IReadOnlyList<EmulatedInitError> InitErrors => [.. _initErrors];

    /// <summary>Completes when the runtime reports a failed initialisation.</summary>
    public Task<EmulatedInitError> FirstInitError => _firstInitError.Task;

    /// <summary>How many GET /invocation/next requests arrived (including one still waiting).</summary>
    public int NextRequests => Volatile.Read(ref _nextRequests);

    /// <summary>Listens on a free loopback port.</summary>
    public static RuntimeApiEmulator Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new RuntimeApiEmulator(listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Queues one invocation; the task completes when the runtime posts its response or error.</summary>
    public Task<EmulatedOutcome> Invoke(
        string eventJson, string? requestId = null, DateTimeOffset? deadline = null,
        string? functionArn = null, string? traceId = "Root=1-65f0a5de-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=0") =>
        Invoke(new EmulatedInvocation(
            requestId ?? Guid.NewGuid().ToString(),
            eventJson,
            deadline ?? DateTimeOffset.UtcNow.AddSeconds(30),
            functionArn ?? "arn:aws:lambda:us-east-1:123456789012:function:serverlessinapp-test",
            traceId));

    public Task<EmulatedOutcome> Invoke(EmulatedInvocation invocation)
    {
        var outcome = new TaskCompletionSource<EmulatedOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(invocation.RequestId, outcome))
        {
            throw new InvalidOperationException($"Request id {invocation.RequestId} is already in flight.");
        }
        _queue.Writer.TryWrite(invocation);
        return outcome.Task;
    }

    private async Task ServeAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            // GET next blocks until there is work: serve every request on its own task.
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            var path = request.Url?.AbsolutePath ?? "";
            if (!path.StartsWith(Prefix, StringComparison.Ordinal))
            {
                await Reply(response, 404, "{\"errorMessage\":\"Unknown path\",\"errorType\":\"NotFound\"}");
                return;
            }
            var route = path[Prefix.Length..];
            if (request.HttpMethod == "GET" && route == "invocation/next")
            {
                await ServeNextAsync(response);
            }
            else if (request.HttpMethod == "POST" && route == "init/error")
            {
                var error = new EmulatedInitError(await ReadBody(request), request.Headers["Lambda-Runtime-Function-Error-Type"]);
                _initErrors.Enqueue(error);
                _firstInitError.TrySetResult(error);
                await Reply(response, 202, "{\"status\":\"OK\"}");
            }
            else if (request.HttpMethod == "POST" && route.StartsWith("invocation/", StringComparison.Ordinal)
                && (route.EndsWith("/response", StringComparison.Ordinal) || route.EndsWith("/error", StringComparison.Ordinal)))
            {
                var isError = route.EndsWith("/error", StringComparison.Ordinal);
                var requestId = Uri.UnescapeDataString(route["invocation/".Length..route.LastIndexOf('/')]);
                var body = await ReadBody(request);
                if (!isError && Encoding.UTF8.GetByteCount(body) > MaxResponseBytes)
                {
                    await Reply(response, 413, "{\"errorMessage\":\"Response payload too large\",\"errorType\":\"RequestEntityTooLarge\"}");
                    Complete(requestId, new EmulatedOutcome(requestId, true, body, "Function.ResponseSizeTooLarge"));
                    return;
                }
                if (!_pending.ContainsKey(requestId))
                {
                    await Reply(response, 400, "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                await Reply(response, 202, "{\"status\":\"OK\"}");
                Complete(requestId, new EmulatedOutcome(
                    requestId, isError, body, isError ? request.Headers["Lambda-Runtime-Function-Error-Type"] : null));
            }
            else
            {
                await Reply(response, 404, "{\"errorMessage\":\"Unknown path\",\"errorType\":\"NotFound\"}");
            }
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: the runtime on the other side is being stopped too.
        }
        catch (HttpListenerException)
        {
            // The runtime went away mid-request (a cancelled GET next, or a killed process).
        }
    }

    private async Task ServeNextAsync(HttpListenerResponse response)
    {
        Interlocked.Increment(ref _nextRequests);
        var invocation = await _queue.Reader.ReadAsync(_stopping.Token);
        response.Headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        response.Headers["Lambda-Runtime-Deadline-Ms"] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = invocation.FunctionArn;
        if (invocation.TraceId is not null)
        {
            response.Headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
        }
        try
        {
            await Reply(response, 200, invocation.Event);
        }
        catch (HttpListenerException)
        {
            // The runtime stopped waiting before the invocation reached it: keep it for the next GET.
            _queue.Writer.TryWrite(invocation);
        }
    }

    private void Complete(string requestId, EmulatedOutcome outcome)
    {
        _outcomes.Enqueue(outcome);
        if (_pending.TryRemove(requestId, out var pending))
        {
            pending.TrySetResult(outcome);
        }
    }

    private static async Task<string> ReadBody(HttpListenerRequest request)
    {
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static async Task Reply(HttpListenerResponse response, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
        foreach (var pending in _pending.Values)
        {
            pending.TrySetCanceled();
        }
        _stopping.Dispose();
    }
}
