namespace ServerlessInApp.Bench;

/// <summary>The least storage work a workload needs (see <see cref="StandardWorkload.Minimum"/>).</summary>
public sealed record StorageMinimum(double ReadUnits, double WriteUnits, long Requests)
{
    public double Units => ReadUnits + WriteUnits;
}
