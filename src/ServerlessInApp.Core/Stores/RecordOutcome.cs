namespace ServerlessInApp.Core.Stores;

public enum RecordOutcome
{
    Recorded,
    Duplicate,
    Conflict,
    ClaimTaken,
}
