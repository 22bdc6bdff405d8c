using ServerlessInApp.Core.Metrics;
using ServerlessInApp.Core.Outcomes;
using ServerlessInApp.Core.Schedules;
using ServerlessInApp.Core.Stores;
using ServerlessInApp.Core.Validation;

namespace ServerlessInApp.Core.UseCases;

/// <summary>A campaign's metrics per UTC day and treatment, over a date range (Pinpoint's KPI date range route).</summary>
public sealed class CampaignMetricsQuery(ICampaignStore campaigns, IAnalyticsStore analytics, TimeProvider clock)
{
    public const string AllMetrics = "in-app-messages";
    public static readonly IReadOnlySet<string> KpiNames = new HashSet<string>
    {
        AllMetrics, "entitled", "holdout", "displayed", "unique-displayed", "clicked", "dismissed", "click-through-rate",
    };
    public const int MaxDays = 90;

    public sealed record Result(DateTimeOffset Start, DateTimeOffset End, string KpiName, IReadOnlyList<DailyMetrics> Days);

    public async Task<Outcome<Result>> GetAsync(string appId, string campaignId, string kpiName, string? startTime, string? endTime, CancellationToken ct)
    {
        var error = Check.OneOf("KpiName", kpiName, KpiNames) ?? Check.IsoInstant("start-time", startTime) ?? Check.IsoInstant("end-time", endTime);
        if (error is not null) return Outcome<Result>.BadRequest(error);
        var end = endTime is not null && Check.TryParseInstant(endTime, out var e) ? e : clock.GetUtcNow();
        var start = startTime is not null && Check.TryParseInstant(startTime, out var s) ? s : end.AddDays(-7);
        if (start > end) return Outcome<Result>.BadRequest("start-time must be before end-time.");
        if (end - start > TimeSpan.FromDays(MaxDays)) return Outcome<Result>.BadRequest($"The date range is at most {MaxDays} days.");

        if (await campaigns.GetAsync(appId, campaignId, ct) is null) return CampaignAdministration.NotFound(appId, campaignId).As<Result>();
        var days = await analytics.GetMetricsAsync(appId, campaignId, LocalTime.Day(start, TimeZoneInfo.Utc), LocalTime.Day(end, TimeZoneInfo.Utc), ct);
        return new Result(start, end, kpiName, days);
    }
}
