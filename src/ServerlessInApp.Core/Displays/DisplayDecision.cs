namespace ServerlessInApp.Core.Displays;

/// <summary>What one display event does: the counters to write, whether it was within every cap (what the server would have let the device show), whether it was the endpoint's first display of the campaign that day.</summary>
public sealed record DisplayDecision(DisplayCounter Campaign, DisplayCounter App, bool Counted, bool FirstToday);
