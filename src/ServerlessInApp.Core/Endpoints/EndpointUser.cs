namespace ServerlessInApp.Core.Endpoints;

public sealed record EndpointUser
{
    public string? UserId { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? UserAttributes { get; init; }
}
