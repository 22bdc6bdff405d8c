using System.Text.Json.Nodes;
using ServerlessInApp.Functions.Logging;

namespace ServerlessInApp.Functions.Tests.Lambda;

public sealed class JsonLogTests
{
    private static readonly DateTimeOffset At = new(2024, 3, 12, 19, 3, 58, 390, TimeSpan.FromHours(2));

    [Fact]
    public void FormatsOneJsonObjectWithTheFixedKeys()
    {
        var line = JsonLog.Format(At, LogLevel.Info, "Campaign entitled", "req-1",
            appId: "app-1", campaignId: "camp-1", endpointId: "user-42/phone");

        Assert.DoesNotContain('\n', line);
        var json = JsonNode.Parse(line)!.AsObject();
        Assert.Equal(
            ["timestamp", "level", "message", "requestId", "appId", "campaignId", "endpointId"],
            json.Select(p => p.Key));
        Assert.Equal("2024-03-12T17:03:58.390Z", (string?)json["timestamp"]);
        Assert.Equal("INFO", (string?)json["level"]);
        Assert.Equal("Campaign entitled", (string?)json["message"]);
        Assert.Equal("req-1", (string?)json["requestId"]);
        Assert.Equal("app-1", (string?)json["appId"]);
        Assert.Equal("camp-1", (string?)json["campaignId"]);
        Assert.Equal("user-42/phone", (string?)json["endpointId"]);
    }

    [Fact]
    public void LeavesOutAbsentIds()
    {
        var json = JsonNode.Parse(JsonLog.Format(At, LogLevel.Warn, "no request", null))!.AsObject();

        Assert.Equal(["timestamp", "level", "message"], json.Select(p => p.Key));
        Assert.Equal("WARN", (string?)json["level"]);
    }

    [Fact]
    public void KeepsAMultiLineExceptionOnOneLine()
    {
        var exception = new InvalidOperationException("outer", new TimeoutException("inner"));

        var line = JsonLog.Format(At, LogLevel.Error, "Invocation failed", "req-2", exception: exception);

        Assert.DoesNotContain('\n', line);
        var json = JsonNode.Parse(line)!;
        Assert.Equal("System.InvalidOperationException", (string?)json["errorType"]);
        Assert.Equal("outer", (string?)json["errorMessage"]);
        Assert.Contains(json["stackTrace"]!.AsArray(), frame => ((string?)frame)!.Contains("TimeoutException: inner"));
    }

    [Fact]
    public void EscapesWhatWouldBreakTheLine()
    {
        var line = JsonLog.Format(At, LogLevel.Info, "quote \" and newline \n and tab \t", null);

        Assert.DoesNotContain('\n', line);
        Assert.Equal("quote \" and newline \n and tab \t", (string?)JsonNode.Parse(line)!["message"]);
    }

    [Fact]
    public void KeepsPunctuationReadable()
    {
        var line = JsonLog.Format(At, LogLevel.Info, "Unknown handler 'x' <admin & co>", null);

        Assert.Contains("Unknown handler 'x' <admin & co>", line);
    }

    [Theory]
    [InlineData("TRACE", LogLevel.Trace)]
    [InlineData("debug", LogLevel.Debug)]
    [InlineData("INFO", LogLevel.Info)]
    [InlineData("Warn", LogLevel.Warn)]
    [InlineData("ERROR", LogLevel.Error)]
    [InlineData("FATAL", LogLevel.Fatal)]
    [InlineData(null, LogLevel.Info)]
    [InlineData("", LogLevel.Info)]
    [InlineData("verbose", LogLevel.Info)]
    public void ReadsLambdasLogLevelNames(string? value, LogLevel expected)
    {
        Assert.Equal(expected, JsonLog.ParseLevel(value));
    }

    [Fact]
    public async Task TheRequestIdFlowsWithTheAsyncContext()
    {
        var seen = await Task.Run(async () =>
        {
            JsonLog.RequestId = "req-flow";
            await Task.Yield();
            return JsonLog.RequestId;
        });

        Assert.Equal("req-flow", seen);
        Assert.NotEqual("req-flow", JsonLog.RequestId);
    }
}
