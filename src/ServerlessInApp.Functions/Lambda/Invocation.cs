namespace ServerlessInApp.Functions.Lambda;

/// <summary>What the Lambda Runtime API tells us about one invocation (the Lambda-Runtime-* headers).</summary>
public sealed record Invocation(string RequestId, DateTimeOffset Deadline, string? InvokedFunctionArn, string? TraceId)
{
    public static Invocation Local(string requestId) =>
        new(requestId, DateTimeOffset.UtcNow.AddSeconds(30), null, null);
}
