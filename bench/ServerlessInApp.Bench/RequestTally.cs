namespace ServerlessInApp.Bench;

/// <summary>Requests of one operation and kind (what they touch), and the capacity they consumed.</summary>
public sealed class RequestTally(string operation, string kind)
{
    private readonly Lock _gate = new();

    public string Operation { get; } = operation;
    public string Kind { get; } = kind;
    public long Requests { get; private set; }
    public long Failed { get; private set; }
    public double ReadUnits { get; private set; }
    public double WriteUnits { get; private set; }

    /// <summary>Units computed from item sizes because DynamoDB Local returned none (failed conditions, cancelled transactions).</summary>
    public double EstimatedUnits { get; private set; }

    public void Add(double readUnits, double writeUnits, bool estimated, bool failed)
    {
        lock (_gate)
        {
            Requests++;
            if (failed) Failed++;
            ReadUnits += readUnits;
            WriteUnits += writeUnits;
            if (estimated) EstimatedUnits += readUnits + writeUnits;
        }
    }
}
