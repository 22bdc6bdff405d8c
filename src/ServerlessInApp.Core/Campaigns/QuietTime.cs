namespace ServerlessInApp.Core.Campaigns;

/// <summary>Start and end as "HH:MM".</summary>
public sealed record QuietTime
{
    public string? Start { get; init; }
    public string? End { get; init; }
}
