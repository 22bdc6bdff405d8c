using ServerlessInApp.Core.Messages;

namespace ServerlessInApp.Core.Campaigns;

/// <summary>
/// A stored campaign. <see cref="Message"/> is what devices are shown: the inline message, or the template's content
/// resolved when the campaign was last written (so a fetch never reads templates). <see cref="TreatmentMessages"/>
/// holds the same for each additional treatment, in order (treatment "1" first).
/// </summary>
public sealed record Campaign(
    string ApplicationId,
    string Id,
    int Version,
    CampaignDefinition Definition,
    InAppMessage Message,
    DateTimeOffset CreationDate,
    DateTimeOffset LastModifiedDate)
{
    public IReadOnlyList<InAppMessage> TreatmentMessages { get; init; } = [];

    /// <summary>The message of treatment "0" (the default), "1", "2", …</summary>
    public InAppMessage MessageFor(string treatmentId) =>
        int.TryParse(treatmentId, out var i) && i >= 1 && i <= TreatmentMessages.Count ? TreatmentMessages[i - 1] : Message;

    /// <summary>Shares of the non-holdout audience: the default treatment gets what the additional ones leave.</summary>
    public IReadOnlyList<int> TreatmentShares()
    {
        var additional = (Definition.AdditionalTreatments ?? []).Select(t => t.SizePercent ?? 0).ToList();
        return [Math.Max(0, 100 - additional.Sum()), .. additional];
    }
}
