using System.Globalization;
using System.Text;

namespace ServerlessInApp.Core.Endpoints;

/// <summary>
/// Pinpoint's UpdateEndpoint semantics: creates the endpoint if missing; a member sent replaces the stored one, an
/// attribute or metric sent replaces that key's values, and everything not sent is kept (so Amplify's empty
/// <c>"Endpoint": {}</c> in every PutEvents changes nothing).
/// </summary>
public static class EndpointMerge
{
    public static Endpoint Apply(Endpoint? current, EndpointUpdate update, string appId, string endpointId, DateTimeOffset now)
    {
        var stamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var endpoint = current ?? new Endpoint
        {
            ApplicationId = appId,
            Id = endpointId,
            CreationDate = stamp,
            CohortId = Cohort(endpointId).ToString(CultureInfo.InvariantCulture),
        };
        return endpoint with
        {
            Address = update.Address ?? endpoint.Address,
            Attributes = MergeMap(endpoint.Attributes, update.Attributes),
            ChannelType = update.ChannelType ?? endpoint.ChannelType,
            Demographic = MergeDemographic(endpoint.Demographic, update.Demographic),
            EffectiveDate = update.EffectiveDate ?? stamp,
            EndpointStatus = update.EndpointStatus ?? "ACTIVE",
            Location = update.Location ?? endpoint.Location,
            Metrics = MergeMap(endpoint.Metrics, update.Metrics),
            OptOut = update.OptOut ?? endpoint.OptOut,
            RequestId = update.RequestId ?? endpoint.RequestId,
            User = MergeUser(endpoint.User, update.User),
        };
    }

    /// <summary>A stable cohort 0–99 per endpoint id (FNV-1a), the same on every machine and every run.</summary>
    public static int Cohort(string endpointId)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(endpointId))
        {
            hash = (hash ^ b) * 16777619u;
        }
        return (int)(hash % 100);
    }

    private static IReadOnlyDictionary<string, T> MergeMap<T>(IReadOnlyDictionary<string, T> current, IReadOnlyDictionary<string, T>? update)
    {
        if (update is null || update.Count == 0) return current;
        var merged = new Dictionary<string, T>(current, StringComparer.Ordinal);
        foreach (var (key, value) in update) merged[key] = value;
        return merged;
    }

    private static EndpointDemographic? MergeDemographic(EndpointDemographic? current, EndpointDemographic? update)
    {
        if (update is null) return current;
        if (current is null) return update;
        return new EndpointDemographic
        {
            AppVersion = update.AppVersion ?? current.AppVersion,
            Locale = update.Locale ?? current.Locale,
            Make = update.Make ?? current.Make,
            Model = update.Model ?? current.Model,
            ModelVersion = update.ModelVersion ?? current.ModelVersion,
            Platform = update.Platform ?? current.Platform,
            PlatformVersion = update.PlatformVersion ?? current.PlatformVersion,
            Timezone = update.Timezone ?? current.Timezone,
        };
    }

    private static EndpointUser? MergeUser(EndpointUser? current, EndpointUser? update)
    {
        if (update is null) return current;
        if (current is null) return update;
        return new EndpointUser
        {
            UserId = update.UserId ?? current.UserId,
            UserAttributes = MergeMap(current.UserAttributes ?? new Dictionary<string, IReadOnlyList<string>>(), update.UserAttributes),
        };
    }
}
