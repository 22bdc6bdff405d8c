namespace ServerlessInApp.Core.Metrics;

public sealed record DailyMetrics(string Day, string TreatmentId, MetricCounts Counts);
