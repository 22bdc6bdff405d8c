using ServerlessInApp.Core.Campaigns;

namespace ServerlessInApp.Core.Stores;

public interface ICampaignStore
{
    /// <summary>
    /// Writes the campaign and bumps the app's catalog version in one transaction. Fails (false) when the app is gone,
    /// or, for an update, when the stored version is no longer <paramref name="expectedVersion"/>.
    /// </summary>
    Task<bool> PutAsync(Campaign campaign, int? expectedVersion, CancellationToken ct);

    /// <summary>False when the campaign, its definition and resolved message together, is larger than one stored item may be.</summary>
    bool Fits(Campaign campaign);
    Task<Campaign?> GetAsync(string appId, string campaignId, CancellationToken ct);
    Task<bool> DeleteAsync(string appId, string campaignId, CancellationToken ct);
}
