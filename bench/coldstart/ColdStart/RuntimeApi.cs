using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServerlessInApp.Bench.ColdStart;

/// <summary>
/// What one cold start did: when the runtime first asked for work and when it posted the outcome of the first
/// invocation; then how long the second (warm) invocation took from being handed over to its outcome.
/// <see cref="Bodies"/> and <see cref="Errors"/> cover every invocation served.
/// </summary>
public sealed record StartTiming(long NextTimestamp, long OutcomeTimestamp, bool IsError, string Body, TimeSpan Warm, bool WarmIsError, string WarmBody,
    IReadOnlyList<string> Bodies, int Errors);

/// <summary>
/// A Lambda Runtime API (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html) for one process at a time
/// that serves it two invocations, the cold one and a warm one, and timestamps what the runtime does: the first
/// GET /invocation/next (initialisation over), the POST of the first response or error (first invocation
/// completed), then the second GET and POST. Timestamps are taken when a request arrives, before it is read.
/// </summary>
public sealed class RuntimeApi : IDisposable
{
    private const string Prefix = "/2018-06-01/runtime/";

    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _serving;
    private readonly object _gate = new();
    private Armed? _armed;

    private RuntimeApi(HttpListener listener, int port)
    {
        _listener = listener;
        Address = $"127.0.0.1:{port}";
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>host:port, the value for AWS_LAMBDA_RUNTIME_API.</summary>
    public string Address { get; }

    public static RuntimeApi Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new RuntimeApi(listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>
    /// Makes <paramref name="eventJson"/> the next invocation and <paramref name="warmEventJson"/> the one after; the
    /// task completes when the runtime has posted both outcomes, or with an exception when it reports an init error.
    /// </summary>
    public Task<StartTiming> Arm(string eventJson, string warmEventJson) => Arm([eventJson, warmEventJson]);

    /// <summary>
    /// Makes <paramref name="events"/> (at least two) the next invocations, in order; the task completes when the
    /// runtime has posted the last outcome, or with an exception when it reports an init error.
    /// </summary>
    public Task<StartTiming> Arm(IReadOnlyList<string> events)
    {
        if (events.Count < 2) throw new ArgumentException("give at least two invocations", nameof(events));
        var armed = new Armed(events.Select(_ => Guid.NewGuid().ToString()).ToArray(), [.. events]);
        lock (_gate) _armed = armed;
        return armed.Outcome.Task;
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
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var arrived = Stopwatch.GetTimestamp();
            _ = Task.Run(() => HandleAsync(context, arrived));
        }
    }

    private async Task HandleAsync(HttpListenerContext context, long arrived)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            var route = request.Url?.AbsolutePath is { } path && path.StartsWith(Prefix, StringComparison.Ordinal) ? path[Prefix.Length..] : "";
            Armed? armed;
            lock (_gate) armed = _armed;
            if (request.HttpMethod == "GET" && route == "invocation/next" && armed is not null)
            {
                var index = Interlocked.Increment(ref armed.Handed) - 1;
                if (index >= armed.Events.Length)
                {
                    // Every invocation is done: keep it waiting until the harness kills the process.
                    await Task.Delay(Timeout.Infinite, _stopping.Token);
                    return;
                }
                armed.Next[index] = arrived;
                response.Headers["Lambda-Runtime-Aws-Request-Id"] = armed.RequestIds[index];
                response.Headers["Lambda-Runtime-Deadline-Ms"] = DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:coldstart";
                response.Headers["Lambda-Runtime-Trace-Id"] = "Root=1-65f0a5de-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=0";
                await Reply(response, 200, armed.Events[index]);
            }
            else if (request.HttpMethod == "POST" && armed is not null && route.StartsWith("invocation/", StringComparison.Ordinal)
                && (route.EndsWith("/response", StringComparison.Ordinal) || route.EndsWith("/error", StringComparison.Ordinal)))
            {
                var body = await ReadBody(request);
                var index = Array.IndexOf(armed.RequestIds, Uri.UnescapeDataString(route["invocation/".Length..route.LastIndexOf('/')]));
                if (index >= 0)
                {
                    // Stored before the reply: once answered, the runtime goes on to the next invocation at once.
                    armed.Posted[index] = arrived;
                    armed.IsError[index] = route.EndsWith("/error", StringComparison.Ordinal);
                    armed.Bodies[index] = body;
                }
                await Reply(response, 202, "{\"status\":\"OK\"}");
                if (index == armed.Events.Length - 1)
                {
                    armed.Outcome.TrySetResult(new StartTiming(
                        armed.Next[0], armed.Posted[0], armed.IsError[0], armed.Bodies[0],
                        Stopwatch.GetElapsedTime(armed.Next[1], armed.Posted[1]), armed.IsError[1], armed.Bodies[1],
                        armed.Bodies, armed.IsError.Count(error => error)));
                }
            }
            else if (request.HttpMethod == "POST" && route == "init/error")
            {
                var body = await ReadBody(request);
                await Reply(response, 202, "{\"status\":\"OK\"}");
                armed?.Outcome.TrySetException(new InvalidOperationException("init/error: " + body));
            }
            else
            {
                await Reply(response, 404, "{\"errorMessage\":\"Unknown path\",\"errorType\":\"NotFound\"}");
            }
        }
        catch (Exception exception) when (exception is HttpListenerException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The process went away (killed after its invocation), or the harness is stopping.
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
        _stopping.Dispose();
    }

    private sealed class Armed(string[] requestIds, string[] events)
    {
        public readonly string[] RequestIds = requestIds;
        public readonly string[] Events = events;
        public readonly long[] Next = new long[events.Length];
        public readonly long[] Posted = new long[events.Length];
        public readonly bool[] IsError = new bool[events.Length];
        public readonly string[] Bodies = new string[events.Length];
        public readonly TaskCompletionSource<StartTiming> Outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Handed;
    }
}
