namespace ServerlessInApp.Core.Endpoints;

public sealed record EndpointLocation
{
    public string? City { get; init; }
    public string? Country { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? PostalCode { get; init; }
    public string? Region { get; init; }
}
