namespace ServerlessInApp.Core.Entitlements;

/// <summary>
/// An endpoint may be shown a campaign: written when the campaign's trigger matched one of its events.
/// GrantedAt is the matching event's timestamp, so a redelivered event writes the identical entitlement.
/// </summary>
public sealed record Entitlement(
    string ApplicationId,
    string EndpointId,
    string CampaignId,
    int CampaignVersion,
    string EventId,
    DateTimeOffset GrantedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>The endpoint's treatment ("0" default, "1", …), or HOLDOUT: matched, counted, never shown.</summary>
    public string TreatmentId { get; init; } = "0";
}
