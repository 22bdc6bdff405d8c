using System.Text;

namespace ServerlessInApp.Core.Treatments;

/// <summary>
/// Which treatment an endpoint gets: a hash of endpoint and campaign id picks one of 10,000 buckets, so the same
/// endpoint always lands in the same place for the same campaign, whatever the campaign's version. The first
/// HoldoutPercent of buckets is the holdout; the rest is split among the treatments by their share.
/// </summary>
public static class TreatmentAssignment
{
    public const string Holdout = "HOLDOUT";
    public const int Buckets = 10_000;

    /// <param name="shares">Percent of the non-holdout audience per treatment, in treatment id order ("0", "1", …).</param>
    public static string Assign(string endpointId, string campaignId, int holdoutPercent, IReadOnlyList<int> shares)
    {
        var bucket = Bucket(endpointId, campaignId);
        var holdoutBuckets = holdoutPercent * (Buckets / 100);
        if (bucket < holdoutBuckets) return Holdout;

        var total = shares.Sum();
        if (total <= 0) return "0";
        // Scale the remaining buckets onto the shares: position 0..(total*k) across the non-holdout range.
        var position = (long)(bucket - holdoutBuckets) * total / (Buckets - holdoutBuckets);
        var cumulative = 0;
        for (var i = 0; i < shares.Count; i++)
        {
            cumulative += shares[i];
            if (position < cumulative) return i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return (shares.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>FNV-1a over "campaign/endpoint", mixed so that nearby ids spread evenly.</summary>
    public static int Bucket(string endpointId, string campaignId)
    {
        var hash = 14695981039346656037UL;
        // The UTF-8 bytes of campaignId + "/" + endpointId, on the stack for ids of ordinary length.
        var length = campaignId.Length + 1 + endpointId.Length;
        Span<char> chars = length <= 512 ? stackalloc char[length] : new char[length];
        campaignId.CopyTo(chars);
        chars[campaignId.Length] = '/';
        endpointId.CopyTo(chars[(campaignId.Length + 1)..]);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(length);
        Span<byte> bytes = maxBytes <= 1600 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        foreach (var b in bytes[..Encoding.UTF8.GetBytes(chars, bytes)])
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return (int)(hash % Buckets);
    }
}
