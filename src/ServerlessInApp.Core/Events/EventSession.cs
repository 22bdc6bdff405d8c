namespace ServerlessInApp.Core.Events;

public sealed record EventSession
{
    public string? Id { get; init; }
    public string? StartTimestamp { get; init; }
    public string? StopTimestamp { get; init; }
    public int? Duration { get; init; }
}
