namespace ServerlessInApp.Core.Events;

/// <summary>A PutEvents request: batches by endpoint id.</summary>
public sealed record EventsSubmission
{
    public IReadOnlyDictionary<string, EventsBatch?>? BatchItem { get; init; }
}
