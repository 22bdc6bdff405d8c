using ServerlessInApp.Core.Endpoints;

namespace ServerlessInApp.Core.Validation;

/// <summary>Pinpoint's documented endpoint limits (names ≤ 50, values ≤ 100, ≤ 50 values per attribute, ≤ 250 keys).</summary>
public static class EndpointRules
{
    public const int MaxEndpointIdLength = 128;
    public const int MaxNameLength = 50;
    public const int MaxValueLength = 100;
    public const int MaxValuesPerAttribute = 50;
    public const int MaxKeys = 250;

    /// <summary>Pinpoint's 15 KB per endpoint, counted as the characters of names and values.</summary>
    public const int MaxEndpointSize = 15 * 1024;

    /// <summary>Limits that hold for the stored endpoint after an update is merged into it, not just for the update.</summary>
    public static string? ValidateStored(Endpoint endpoint)
    {
        var keys = endpoint.Attributes.Count + endpoint.Metrics.Count + (endpoint.User?.UserAttributes?.Count ?? 0);
        if (keys > MaxKeys)
            return $"The endpoint would have {keys} attribute, metric and user attribute keys; at most {MaxKeys} are allowed.";
        var size = Size(endpoint.Attributes) + Size(endpoint.User?.UserAttributes) + endpoint.Metrics.Keys.Sum(k => k.Length + 8)
            + (endpoint.Address?.Length ?? 0) + (endpoint.User?.UserId?.Length ?? 0);
        return size > MaxEndpointSize ? $"The endpoint would be larger than {MaxEndpointSize / 1024} KB of attributes." : null;
    }

    private static int Size(IReadOnlyDictionary<string, IReadOnlyList<string>>? attributes) =>
        attributes?.Sum(a => a.Key.Length + a.Value.Sum(v => v.Length)) ?? 0;

    public static string? Id(string? endpointId) => Check.Id("EndpointId", endpointId, MaxEndpointIdLength);

    public static string? Validate(EndpointUpdate e, string prefix = "")
    {
        var keys = (e.Attributes?.Count ?? 0) + (e.Metrics?.Count ?? 0) + (e.User?.UserAttributes?.Count ?? 0);
        return Check.First(
            Check.OneOf(prefix + "ChannelType", e.ChannelType, WireValues.ChannelTypes),
            Check.OneOf(prefix + "OptOut", e.OptOut, WireValues.OptOut),
            Check.OneOf(prefix + "EndpointStatus", e.EndpointStatus, WireValues.EndpointStatus),
            Check.IsoInstant(prefix + "EffectiveDate", e.EffectiveDate),
            Check.MaxLength(prefix + "Address", e.Address, 1000),
            Check.MaxLength(prefix + "User.UserId", e.User?.UserId, 256),
            keys > MaxKeys ? $"{prefix}Attributes, Metrics and User.UserAttributes have at most {MaxKeys} keys together (got {keys})." : null,
            Attributes(prefix + "Attributes", e.Attributes),
            Attributes(prefix + "User.UserAttributes", e.User?.UserAttributes),
            Metrics(prefix + "Metrics", e.Metrics));
    }

    private static string? Attributes(string field, IReadOnlyDictionary<string, IReadOnlyList<string>>? attributes)
    {
        if (attributes is null) return null;
        foreach (var (name, values) in attributes)
        {
            var error = Check.First(
                string.IsNullOrEmpty(name) ? $"{field} names must not be empty." : null,
                Check.MaxLength($"{field} name '{name}'", name, MaxNameLength),
                values is null ? $"{field}.{name} must be a list of strings." : null,
                values?.Count > MaxValuesPerAttribute ? $"{field}.{name} has at most {MaxValuesPerAttribute} values." : null);
            if (error is not null) return error;
            foreach (var value in values!)
            {
                error = Check.First(
                    value is null ? $"{field}.{name} values must be strings." : null,
                    Check.MaxLength($"{field}.{name} value", value, MaxValueLength));
                if (error is not null) return error;
            }
        }
        return null;
    }

    private static string? Metrics(string field, IReadOnlyDictionary<string, double>? metrics)
    {
        if (metrics is null) return null;
        foreach (var (name, value) in metrics)
        {
            var error = Check.First(
                string.IsNullOrEmpty(name) ? $"{field} names must not be empty." : null,
                Check.MaxLength($"{field} name '{name}'", name, MaxNameLength),
                double.IsFinite(value) ? null : $"{field}.{name} must be a finite number.");
            if (error is not null) return error;
        }
        return null;
    }
}
