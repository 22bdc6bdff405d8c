namespace ServerlessInApp.Bench;

/// <summary>
/// What <see cref="PipelineThroughput"/> measured: wall time and CPU time of this process and of each emulator
/// (<see cref="StackCpu"/>), for the pipeline and for its floor.
/// </summary>
public sealed record ThroughputResult(int Events, TimeSpan Pipeline, TimeSpan Floor, int Writers, TimeSpan CpuTime,
    IReadOnlyDictionary<string, TimeSpan> StackCpuTime, TimeSpan FloorCpuTime, IReadOnlyDictionary<string, TimeSpan> FloorStackCpuTime)
{
    public double EventsPerSecond => Events / Pipeline.TotalSeconds;
    public double FloorItemsPerSecond => Events / Floor.TotalSeconds;

    /// <summary>CPU milliseconds an event costs, summed over this process and the emulators.</summary>
    public double CpuMsPerEvent => (CpuTime + StackCpuTime.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b)).TotalMilliseconds / Events;

    public double FloorCpuMsPerItem => (FloorCpuTime + FloorStackCpuTime.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b)).TotalMilliseconds / Events;
}
