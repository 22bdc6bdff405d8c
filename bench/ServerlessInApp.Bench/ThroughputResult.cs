namespace ServerlessInApp.Bench;

/// <summary>What <see cref="PipelineThroughput"/> measured.</summary>
public sealed record ThroughputResult(int Events, TimeSpan Pipeline, TimeSpan Floor, int Writers, TimeSpan CpuTime)
{
    public double EventsPerSecond => Events / Pipeline.TotalSeconds;
    public double FloorItemsPerSecond => Events / Floor.TotalSeconds;
}
