namespace ServerlessInApp.Core.Endpoints;

/// <summary>A device's registration as stored: what segments are evaluated against.</summary>
public sealed record Endpoint
{
    public required string ApplicationId { get; init; }
    public required string Id { get; init; }
    public string? Address { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public string? ChannelType { get; init; }
    public string CohortId { get; init; } = "0";
    public required string CreationDate { get; init; }
    public EndpointDemographic? Demographic { get; init; }
    public string? EffectiveDate { get; init; }
    public string EndpointStatus { get; init; } = "ACTIVE";
    public EndpointLocation? Location { get; init; }
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
    public string? OptOut { get; init; }
    public string? RequestId { get; init; }
    public EndpointUser? User { get; init; }

    /// <summary>An endpoint nobody registered: events may still be posted for it, and segments see no attributes.</summary>
    public static Endpoint Unregistered(string applicationId, string id) =>
        new() { ApplicationId = applicationId, Id = id, CreationDate = "" };
}
