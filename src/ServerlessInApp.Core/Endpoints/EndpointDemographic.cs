namespace ServerlessInApp.Core.Endpoints;

public sealed record EndpointDemographic
{
    public string? AppVersion { get; init; }
    public string? Locale { get; init; }
    public string? Make { get; init; }
    public string? Model { get; init; }
    public string? ModelVersion { get; init; }
    public string? Platform { get; init; }
    public string? PlatformVersion { get; init; }
    public string? Timezone { get; init; }
}
