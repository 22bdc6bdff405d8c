namespace ServerlessInApp.Core.Metrics;

/// <summary>
/// What one event adds to the metrics, recorded once per event (by its id) before it is added, so that a redelivered
/// or concurrently delivered event is added exactly once. Applied says whether the addition has been made.
/// </summary>
public sealed record EventContribution(string ApplicationId, string EndpointId, string EventId, IReadOnlyList<MetricContribution> Contributions, bool Applied);
