namespace ServerlessInApp.Core.Endpoints;

/// <summary>
/// An UpdateEndpoint body, or the Endpoint of a PutEvents batch item. Every member is optional; what is sent
/// replaces what was stored (per attribute and per metric), what is absent is kept.
/// </summary>
public sealed record EndpointUpdate
{
    public string? Address { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Attributes { get; init; }
    public string? ChannelType { get; init; }
    public EndpointDemographic? Demographic { get; init; }
    public string? EffectiveDate { get; init; }
    public string? EndpointStatus { get; init; }
    public EndpointLocation? Location { get; init; }
    public IReadOnlyDictionary<string, double>? Metrics { get; init; }
    public string? OptOut { get; init; }
    public string? RequestId { get; init; }
    public EndpointUser? User { get; init; }

    public bool IsEmpty =>
        Address is null && Attributes is null && ChannelType is null && Demographic is null && EffectiveDate is null &&
        EndpointStatus is null && Location is null && Metrics is null && OptOut is null && RequestId is null && User is null;
}
