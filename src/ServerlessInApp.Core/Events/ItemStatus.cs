namespace ServerlessInApp.Core.Events;

/// <summary>The per-endpoint or per-event result of PutEvents: 202 accepted, 400 rejected, 500 retry later.</summary>
public sealed record ItemStatus(int StatusCode, string Message)
{
    public static readonly ItemStatus Accepted = new(202, "Accepted");
    public static ItemStatus Rejected(string message) => new(400, message);
    public static readonly ItemStatus RetryLater = new(500, "The event could not be queued; send it again.");
}
