namespace ServerlessInApp.Core.Metrics;

/// <summary>One campaign's counters for one treatment on one UTC day.</summary>
public sealed record MetricKey(string CampaignId, string TreatmentId, string Day);
