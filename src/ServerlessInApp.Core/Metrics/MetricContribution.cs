namespace ServerlessInApp.Core.Metrics;

public sealed record MetricContribution(MetricKey Key, MetricCounts Counts);
