using System.Globalization;
using System.Text.RegularExpressions;

namespace ServerlessInApp.Core.Validation;

/// <summary>
/// Small checks shared by every rule set. Each returns null when the value is fine, or a message that names the
/// field (its path as the client wrote it, e.g. <c>Content[1].HeaderConfig.TextColor</c>).
/// </summary>
public static partial class Check
{
    public static string? Required(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? $"{field} is required." : null;

    public static string? MaxLength(string field, string? value, int max) =>
        value is not null && value.Length > max ? $"{field} must be at most {max} characters (got {value.Length})." : null;

    public static string? OneOf(string field, string? value, IReadOnlySet<string> allowed) =>
        value is not null && !allowed.Contains(value)
            ? $"{field} must be one of {WireValues.List(allowed)} (got '{Truncate(value)}')."
            : null;

    public static string? Color(string field, string? value) =>
        value is not null && !ColorPattern().IsMatch(value)
            ? $"{field} must be a hex color such as #1A2B3C (got '{Truncate(value)}')."
            : null;

    /// <summary>An absolute http or https URL.</summary>
    public static string? WebUrl(string field, string? value) =>
        value is not null && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http"))
            ? $"{field} must be an absolute http or https URL (got '{Truncate(value)}')."
            : null;

    /// <summary>
    /// An absolute URI with any scheme, such as myapp://settings. The scheme must be written: on Linux .NET reads
    /// "/settings" as an absolute file:// URI, which no device can open as a deep link.
    /// </summary>
    public static string? DeepLink(string field, string? value) =>
        value is null ? null
        : !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && value.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase))
            ? $"{field} must be an absolute URI with a scheme, such as myapp://home (got '{Truncate(value)}')."
        : ScriptSchemes.Contains(uri.Scheme)
            ? $"{field} must not use the {uri.Scheme}: scheme; a deep link opens a place in the app."
        : null;

    /// <summary>Schemes that run code instead of opening a place; a web view rendering the message would execute them.</summary>
    private static readonly HashSet<string> ScriptSchemes = new(StringComparer.OrdinalIgnoreCase) { "javascript", "vbscript", "data" };

    /// <summary>In-app messages are shown as written: Pinpoint does not substitute variables in them.</summary>
    public static string? NoSubstitution(string field, string? value) =>
        value is not null && SubstitutionPattern().IsMatch(value)
            ? $"{field} contains a substitution variable ({{{{...}}}}); in-app messages do not support substitution variables."
            : null;

    public static string? IsoInstant(string field, string? value) =>
        value is not null && !TryParseInstant(value, out _)
            ? $"{field} must be an ISO 8601 date and time such as 2026-05-01T12:00:00Z (got '{Truncate(value)}')."
            : null;

    /// <summary>Ids in paths and maps: non-empty, bounded, and without '$', '{', '}' or control characters.</summary>
    public static string? Id(string field, string? value, int max = 128)
    {
        if (string.IsNullOrEmpty(value)) return $"{field} is required.";
        if (value.Length > max) return $"{field} must be at most {max} characters.";
        foreach (var c in value)
        {
            if (c is '$' or '{' or '}') return $"{field} must not contain '$', '{{' or '}}'.";
            if (char.IsControl(c)) return $"{field} must not contain control characters.";
        }
        if (string.IsNullOrWhiteSpace(value)) return $"{field} must not be blank.";
        return null;
    }

    public static string? Range(string field, int? value, int min, int max) =>
        value is not null && (value < min || value > max) ? $"{field} must be between {min} and {max} (got {value})." : null;

    /// <summary>
    /// An ISO 8601 date (yyyy-MM-dd) with optional time and offset, no offset meaning UTC. The date prefix is required
    /// because the invariant culture would also read "01/05/2026" month-first, silently giving 5 January.
    /// </summary>
    public static bool TryParseInstant(string value, out DateTimeOffset instant)
    {
        // The form every client and our own writer use (2026-05-01T12:00:00.000Z) parses to the same instant exactly;
        // anything else takes the general path.
        if (value.Length == 24 && value[23] == 'Z' && DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant))
        {
            return true;
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
                   DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant)
               && IsoDatePrefix().IsMatch(value);
    }

    public static string? First(params string?[] results)
    {
        foreach (var r in results)
        {
            if (r is not null) return r;
        }
        return null;
    }

    private static string Truncate(string value) => value.Length <= 60 ? value : value[..60] + "…";

    [GeneratedRegex(@"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})\z")]
    private static partial Regex ColorPattern();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}")]
    private static partial Regex IsoDatePrefix();

    [GeneratedRegex(@"\{\{.*?\}\}", RegexOptions.Singleline)]
    private static partial Regex SubstitutionPattern();
}
