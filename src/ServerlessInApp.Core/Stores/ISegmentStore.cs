using ServerlessInApp.Core.Segments;

namespace ServerlessInApp.Core.Stores;

public interface ISegmentStore
{
    /// <summary>Same contract as <see cref="ICampaignStore.PutAsync"/>.</summary>
    Task<bool> PutAsync(Segment segment, int? expectedVersion, CancellationToken ct);

    /// <summary>False when the segment is larger than one stored item may be.</summary>
    bool Fits(Segment segment);
    Task<Segment?> GetAsync(string appId, string segmentId, CancellationToken ct);
    Task<bool> DeleteAsync(string appId, string segmentId, CancellationToken ct);
}
