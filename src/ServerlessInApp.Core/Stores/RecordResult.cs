using ServerlessInApp.Core.Metrics;

namespace ServerlessInApp.Core.Stores;

public sealed record RecordResult(RecordOutcome Outcome, EventContribution? Earlier, IReadOnlyList<string> TakenClaims)
{
    public static readonly RecordResult Recorded = new(RecordOutcome.Recorded, null, []);
    public static readonly RecordResult Conflict = new(RecordOutcome.Conflict, null, []);
    public static RecordResult Duplicate(EventContribution earlier) => new(RecordOutcome.Duplicate, earlier, []);
    public static RecordResult Taken(IReadOnlyList<string> campaigns) => new(RecordOutcome.ClaimTaken, null, campaigns);
}
