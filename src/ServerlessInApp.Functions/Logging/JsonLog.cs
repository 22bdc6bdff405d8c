using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ServerlessInApp.Functions.Logging;

public enum LogLevel
{
    Trace,
    Debug,
    Info,
    Warn,
    Error,
    Fatal,
}

/// <summary>
/// Structured logs for an executable-mode Lambda: stdout goes to CloudWatch line by line, so each entry is one JSON
/// object on one line with fixed keys (timestamp, level, message, requestId, then the product ids that apply).
/// The request id is ambient: the runtime loop sets <see cref="RequestId"/> for each invocation and it flows
/// through awaits (AsyncLocal), so handlers never pass it around.
/// </summary>
public static class JsonLog
{
    private static readonly AsyncLocal<string?> CurrentRequestId = new();

    // Lines are read by people in CloudWatch, never embedded in HTML: keep ' < > & readable instead of \u0027.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Entries below this level are dropped. Read once from AWS_LAMBDA_LOG_LEVEL (default INFO).</summary>
    public static LogLevel MinimumLevel { get; set; } = ParseLevel(Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_LEVEL"));

    /// <summary>The Lambda request id of the invocation running on this async flow, if any.</summary>
    public static string? RequestId
    {
        get => CurrentRequestId.Value;
        set => CurrentRequestId.Value = value;
    }

    public static bool IsEnabled(LogLevel level) => level >= MinimumLevel;

    public static void Trace(string message, string? appId = null, string? campaignId = null, string? endpointId = null) =>
        Write(LogLevel.Trace, message, appId, campaignId, endpointId);

    public static void Debug(string message, string? appId = null, string? campaignId = null, string? endpointId = null) =>
        Write(LogLevel.Debug, message, appId, campaignId, endpointId);

    public static void Info(string message, string? appId = null, string? campaignId = null, string? endpointId = null) =>
        Write(LogLevel.Info, message, appId, campaignId, endpointId);

    public static void Warn(string message, string? appId = null, string? campaignId = null, string? endpointId = null, Exception? exception = null) =>
        Write(LogLevel.Warn, message, appId, campaignId, endpointId, exception);

    public static void Error(string message, string? appId = null, string? campaignId = null, string? endpointId = null, Exception? exception = null) =>
        Write(LogLevel.Error, message, appId, campaignId, endpointId, exception);

    public static void Fatal(string message, Exception? exception = null) =>
        Write(LogLevel.Fatal, message, exception: exception);

    public static void Write(
        LogLevel level, string message,
        string? appId = null, string? campaignId = null, string? endpointId = null, Exception? exception = null)
    {
        if (!IsEnabled(level)) return;
        var line = Format(DateTimeOffset.UtcNow, level, message, RequestId, appId, campaignId, endpointId, exception);
        // One Write of a whole line: Console.Out is synchronized, so concurrent entries never interleave.
        Console.Out.Write(line + "\n");
    }

    /// <summary>One log line without its newline. Absent ids are left out rather than written as null.</summary>
    public static string Format(
        DateTimeOffset timestamp, LogLevel level, string message, string? requestId,
        string? appId = null, string? campaignId = null, string? endpointId = null, Exception? exception = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("level", LevelName(level));
            json.WriteString("message", message);
            if (requestId is not null) json.WriteString("requestId", requestId);
            if (appId is not null) json.WriteString("appId", appId);
            if (campaignId is not null) json.WriteString("campaignId", campaignId);
            if (endpointId is not null) json.WriteString("endpointId", endpointId);
            if (exception is not null)
            {
                json.WriteString("errorType", exception.GetType().FullName);
                json.WriteString("errorMessage", exception.Message);
                json.WriteStartArray("stackTrace");
                foreach (var frame in exception.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    json.WriteStringValue(frame);
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Lambda's level names (TRACE, DEBUG, INFO, WARN, ERROR, FATAL), any case; anything else is INFO.</summary>
    public static LogLevel ParseLevel(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "WARN" => LogLevel.Warn,
        "ERROR" => LogLevel.Error,
        "FATAL" => LogLevel.Fatal,
        _ => LogLevel.Info,
    };

    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Info => "INFO",
        LogLevel.Warn => "WARN",
        LogLevel.Error => "ERROR",
        LogLevel.Fatal => "FATAL",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };
}
