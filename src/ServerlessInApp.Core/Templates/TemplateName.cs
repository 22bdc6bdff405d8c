using System.Text.RegularExpressions;

namespace ServerlessInApp.Core.Templates;

public static partial class TemplateName
{
    /// <summary>Pinpoint's rule: starts with a letter or digit; up to 128 letters, digits, '_' or '-'.</summary>
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]{0,127}\z")]
    private static partial Regex Pattern();
}
