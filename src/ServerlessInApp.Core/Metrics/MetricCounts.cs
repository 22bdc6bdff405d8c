namespace ServerlessInApp.Core.Metrics;

/// <summary>
/// A campaign's counts (or increments to them): endpoints newly entitled, holdout endpoints whose trigger matched,
/// displays, endpoints shown it for the first time that day, clicks and dismissals.
/// </summary>
public sealed record MetricCounts(long Entitled, long Holdout, long Displayed, long UniqueDisplayed, long Clicked, long Dismissed)
{
    public static readonly MetricCounts Zero = new(0, 0, 0, 0, 0, 0);

    public MetricCounts Add(MetricCounts other) => new(
        Entitled + other.Entitled, Holdout + other.Holdout, Displayed + other.Displayed,
        UniqueDisplayed + other.UniqueDisplayed, Clicked + other.Clicked, Dismissed + other.Dismissed);

    /// <summary>Clicks per display; 0 when nothing was displayed.</summary>
    public double ClickThroughRate => Displayed == 0 ? 0 : (double)Clicked / Displayed;

    public bool IsZero => this == Zero;
}
