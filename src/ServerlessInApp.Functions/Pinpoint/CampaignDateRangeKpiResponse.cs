namespace ServerlessInApp.Functions.Pinpoint;

/// <summary>Pinpoint's KPI date range response: one row per UTC day and treatment.</summary>
public sealed record CampaignDateRangeKpiResponse(
    string ApplicationId, string CampaignId, string EndTime, string KpiName, BaseKpiResult KpiResult, string? NextToken, string StartTime);
