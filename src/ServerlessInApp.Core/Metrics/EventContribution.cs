namespace ServerlessInApp.Core.Metrics;

/// <summary>
/// What one event adds to the metrics, recorded once per event (by its id) so that a redelivered or concurrently
/// delivered event is added exactly once. Recorded says whether the record is stored already (a display's is stored
/// with its counters; the others are stored by the same write that adds them); Applied whether the addition has been
/// made.
/// </summary>
public sealed record EventContribution(string ApplicationId, string EndpointId, string EventId, IReadOnlyList<MetricContribution> Contributions, bool Applied)
{
    public bool Recorded { get; init; } = true;

    /// <summary>A contribution neither stored nor added yet: the batch's apply stores and adds it in one write.</summary>
    public static EventContribution New(string applicationId, string endpointId, string eventId, IReadOnlyList<MetricContribution> contributions) =>
        new(applicationId, endpointId, eventId, contributions, Applied: false) { Recorded = false };
}
