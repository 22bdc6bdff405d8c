using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ServerlessInApp.Functions.Logging;

namespace ServerlessInApp.Functions.Lambda;

/// <summary>
/// The Lambda Runtime API loop (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html), which is what lets
/// this executable be a Lambda function without any Amazon.Lambda.* package: initialise once, then
/// GET next → Handle → POST response (or error), forever. A failed invocation is reported and the loop goes on;
/// a failed initialisation is reported to /init/error and the process exits non-zero.
/// </summary>
public sealed class LambdaRuntime : IDisposable
{
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    public const string RequestIdHeader = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineHeader = "Lambda-Runtime-Deadline-Ms";
    public const string FunctionArnHeader = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceIdHeader = "Lambda-Runtime-Trace-Id";
    public const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    /// <summary>Exit code when initialisation failed (and was reported to /init/error).</summary>
    public const int InitFailedExitCode = 1;

    /// <summary>Exit code when the Runtime API itself could not be reached or answered wrongly.</summary>
    public const int RuntimeApiFailedExitCode = 2;

    // One client for the life of the execution environment. No timeout: GET next blocks until there is work,
    // which can be minutes (the environment is frozen in between).
    private readonly HttpClient _http;

    /// <param name="runtimeApi">host:port, as AWS_LAMBDA_RUNTIME_API gives it.</param>
    public LambdaRuntime(string runtimeApi)
    {
        _http = new HttpClient
        {
            BaseAddress = new Uri($"http://{runtimeApi}/2018-06-01/runtime/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public static LambdaRuntime FromEnvironment()
    {
        var api = Environment.GetEnvironmentVariable(RuntimeApiVariable);
        if (string.IsNullOrWhiteSpace(api))
        {
            throw new InvalidOperationException($"{RuntimeApiVariable} is not set: this executable runs inside Lambda (or against a Runtime API emulator).");
        }
        return new LambdaRuntime(api);
    }

    /// <summary>
    /// Builds the function once, then serves invocations until <paramref name="cancellation"/> fires.
    /// Returns the process exit code: 0 after cancellation, <see cref="InitFailedExitCode"/> when
    /// <paramref name="init"/> threw, <see cref="RuntimeApiFailedExitCode"/> when the Runtime API failed.
    /// </summary>
    public async Task<int> RunAsync(Func<IFunction> init, CancellationToken cancellation)
    {
        IFunction function;
        try
        {
            function = init();
        }
        catch (Exception exception)
        {
            JsonLog.Fatal("Initialisation failed", exception);
            try
            {
                await PostErrorAsync("init/error", exception, cancellation);
            }
            catch (Exception postFailure) when (postFailure is HttpRequestException or OperationCanceledException)
            {
                JsonLog.Fatal("Could not report the initialisation failure to the Runtime API", postFailure);
            }
            return InitFailedExitCode;
        }

        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                await InvokeNextAsync(function, cancellation);
            }
            return 0;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception exception) when (exception is HttpRequestException or RuntimeApiException)
        {
            // Lambda starts a fresh execution environment after the process exits; carrying on here could only spin.
            JsonLog.Fatal("The Runtime API failed", exception);
            return RuntimeApiFailedExitCode;
        }
    }

    // One invocation in its own async method, so the ambient request id set here is gone when it returns.
    private async Task InvokeNextAsync(IFunction function, CancellationToken cancellation)
    {
        using var next = await _http.GetAsync("invocation/next", cancellation);
        if (!next.IsSuccessStatusCode)
        {
            throw new RuntimeApiException($"GET invocation/next answered {(int)next.StatusCode}.");
        }

        var invocation = ReadInvocation(next.Headers);
        JsonLog.RequestId = invocation.RequestId;
        if (invocation.TraceId is not null)
        {
            Environment.SetEnvironmentVariable(TraceIdVariable, invocation.TraceId);
        }
        else
        {
            Environment.SetEnvironmentVariable(TraceIdVariable, null);
        }

        var id = Uri.EscapeDataString(invocation.RequestId);
        Stream result;
        try
        {
            await using var input = await next.Content.ReadAsStreamAsync(cancellation);
            result = await function.Handle(input, invocation);
        }
        catch (Exception exception)
        {
            JsonLog.Error("Invocation failed", exception: exception);
            await PostErrorAsync($"invocation/{id}/error", exception, cancellation);
            return;
        }

        await using (result)
        {
            using var content = new StreamContent(result);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var posted = await _http.PostAsync($"invocation/{id}/response", content, cancellation);
            if (!posted.IsSuccessStatusCode)
            {
                // 413 (response over 6 MB) is the case that matters: Lambda has already failed the invocation
                // and will not take an error for it too. Log it and go on with the next one.
                var detail = await posted.Content.ReadAsStringAsync(cancellation);
                JsonLog.Error($"The Runtime API refused the response with {(int)posted.StatusCode}: {detail}");
            }
        }
    }

    internal static Invocation ReadInvocation(HttpResponseHeaders headers)
    {
        var requestId = Single(headers, RequestIdHeader)
            ?? throw new RuntimeApiException($"GET invocation/next returned no {RequestIdHeader} header.");
        var deadline = Single(headers, DeadlineHeader) is { } ms
            && long.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out var epochMs)
            ? DateTimeOffset.FromUnixTimeMilliseconds(epochMs)
            : DateTimeOffset.MaxValue;
        return new Invocation(requestId, deadline, Single(headers, FunctionArnHeader), Single(headers, TraceIdHeader));
    }

    private static string? Single(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private async Task PostErrorAsync(string path, Exception exception, CancellationToken cancellation)
    {
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(RuntimeApiError.From(exception), LambdaJsonContext.Default.RuntimeApiError);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TryAddWithoutValidation(ErrorTypeHeader, "Unhandled");
        using var posted = await _http.SendAsync(request, cancellation);
        if (!posted.IsSuccessStatusCode)
        {
            JsonLog.Error($"The Runtime API refused the error report at {path} with {(int)posted.StatusCode}.");
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>The Runtime API did not behave as documented; the process should exit and let Lambda start over.</summary>
public sealed class RuntimeApiException(string message) : Exception(message);
