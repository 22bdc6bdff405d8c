using ServerlessInApp.Core.Segments;

namespace ServerlessInApp.Core.Validation;

public static class SegmentRules
{
    public const int MaxDimensions = 100;

    public static string? Validate(SegmentDefinition definition)
    {
        var error = Check.First(
            Check.Required("Name", definition.Name),
            Check.MaxLength("Name", definition.Name, 256),
            definition.SegmentGroups is { ValueKind: not System.Text.Json.JsonValueKind.Null }
                ? "SegmentGroups is not supported; describe the segment with Dimensions." : null);
        if (error is not null) return error;

        var d = definition.Dimensions;
        if (d is null) return null;
        var count = (d.Attributes?.Count ?? 0) + (d.UserAttributes?.Count ?? 0) + (d.Metrics?.Count ?? 0);
        var demographic = d.Demographic;
        if (demographic is not null)
        {
            count += new[] { demographic.AppVersion, demographic.Channel, demographic.DeviceType, demographic.Make,
                demographic.Model, demographic.Platform, demographic.Locale }.Count(x => x is not null);
        }
        return Check.First(
            count > MaxDimensions ? $"Dimensions has at most {MaxDimensions} dimensions (got {count})." : null,
            d.Location is { ValueKind: not System.Text.Json.JsonValueKind.Null }
                ? "Dimensions.Location is not supported for in-app segments." : null,
            d.Behavior is { ValueKind: not System.Text.Json.JsonValueKind.Null }
                ? "Dimensions.Behavior is not supported for in-app segments." : null,
            DimensionRules.Attributes("Dimensions.Attributes", d.Attributes),
            DimensionRules.Attributes("Dimensions.UserAttributes", d.UserAttributes),
            DimensionRules.Metrics("Dimensions.Metrics", d.Metrics),
            Demographic("Dimensions.Demographic", demographic));
    }

    private static string? Demographic(string field, SegmentDemographics? d) => d is null
        ? null
        : Check.First(
            DimensionRules.Set($"{field}.AppVersion", d.AppVersion),
            DimensionRules.Set($"{field}.Channel", d.Channel),
            DimensionRules.Set($"{field}.DeviceType", d.DeviceType),
            DimensionRules.Set($"{field}.Make", d.Make),
            DimensionRules.Set($"{field}.Model", d.Model),
            DimensionRules.Set($"{field}.Platform", d.Platform),
            DimensionRules.Set($"{field}.Locale", d.Locale));
}
