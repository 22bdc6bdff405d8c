namespace ServerlessInApp.Bench;

/// <summary>What <see cref="StorageWork"/> measured.</summary>
public sealed record StorageResult(int Events, int PutEventsRequests, IReadOnlyList<RequestTally> Tallies, StorageMinimum Minimum,
    TimeSpan Elapsed, TimeSpan CpuTime)
{
    public double ReadUnits => Tallies.Sum(t => t.ReadUnits);
    public double WriteUnits => Tallies.Sum(t => t.WriteUnits);
    public double Units => ReadUnits + WriteUnits;
    public long Requests => Tallies.Sum(t => t.Requests);

    /// <summary>Trigger invocations: the trigger checks the catalog stamp once per app per batch, and this workload has one app.</summary>
    public long TriggerBatches => Tallies.Where(t => t is { Operation: "GetItem", Kind: "APP/#APP (version)" }).Sum(t => t.Requests);

    public long CampaignReads => Tallies.Where(t => RequestClassifier.ReadsCampaigns(t.Operation, t.Kind)).Sum(t => t.Requests);
}
