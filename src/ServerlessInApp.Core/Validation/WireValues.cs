namespace ServerlessInApp.Core.Validation;

/// <summary>The enum values Pinpoint's wire accepts for the members we read (exact, case-sensitive strings).</summary>
public static class WireValues
{
    public static readonly IReadOnlySet<string> Layouts =
        new HashSet<string> { "BOTTOM_BANNER", "TOP_BANNER", "MIDDLE_BANNER", "OVERLAYS", "MOBILE_FEED", "CAROUSEL" };
    public static readonly IReadOnlySet<string> Alignments = new HashSet<string> { "LEFT", "CENTER", "RIGHT" };
    public static readonly IReadOnlySet<string> ButtonActions = new HashSet<string> { "LINK", "DEEP_LINK", "CLOSE" };
    public static readonly IReadOnlySet<string> Frequencies =
        new HashSet<string> { "ONCE", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "EVENT", "IN_APP_EVENT" };
    public static readonly IReadOnlySet<string> FilterTypes = new HashSet<string> { "SYSTEM", "ENDPOINT" };
    public static readonly IReadOnlySet<string> DimensionTypes = new HashSet<string> { "INCLUSIVE", "EXCLUSIVE" };
    public static readonly IReadOnlySet<string> AttributeTypes =
        new HashSet<string> { "INCLUSIVE", "EXCLUSIVE", "CONTAINS", "BEFORE", "AFTER", "BETWEEN", "ON" };
    public static readonly IReadOnlySet<string> ComparisonOperators =
        new HashSet<string> { "GREATER_THAN", "LESS_THAN", "GREATER_THAN_OR_EQUAL", "LESS_THAN_OR_EQUAL", "EQUAL" };
    public static readonly IReadOnlySet<string> ChannelTypes = new HashSet<string>
    {
        "ADM", "APNS", "APNS_SANDBOX", "APNS_VOIP", "APNS_VOIP_SANDBOX", "BAIDU", "CUSTOM", "EMAIL", "GCM", "IN_APP",
        "PUSH", "SMS", "VOICE",
    };
    public static readonly IReadOnlySet<string> OptOut = new HashSet<string> { "ALL", "NONE" };
    public static readonly IReadOnlySet<string> EndpointStatus = new HashSet<string> { "ACTIVE", "INACTIVE" };

    public static string List(IReadOnlySet<string> values) => string.Join(", ", values.Order(StringComparer.Ordinal));
}
