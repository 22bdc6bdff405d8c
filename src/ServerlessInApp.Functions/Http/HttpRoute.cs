namespace ServerlessInApp.Functions.Http;

/// <summary>One HTTP API route: its route key as API Gateway writes it, and the function that serves it.</summary>
public sealed record HttpRoute(string Method, string PathTemplate, string Function)
{
    public string RouteKey => $"{Method} {PathTemplate}";

    /// <summary>
    /// Matches a raw (still percent-encoded) path. Segments are split before decoding, so an id containing
    /// an encoded slash (%2F) stays one path parameter, as API Gateway does it.
    /// </summary>
    public bool TryMatch(string method, string rawPath, out Dictionary<string, string> pathParameters)
    {
        pathParameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.Equals(method, Method, StringComparison.OrdinalIgnoreCase)) return false;
        var template = PathTemplate.Split('/');
        var actual = rawPath.Split('/');
        if (template.Length != actual.Length) return false;
        for (var i = 0; i < template.Length; i++)
        {
            var t = template[i];
            if (t.StartsWith('{') && t.EndsWith('}'))
            {
                if (actual[i].Length == 0) return false;
                pathParameters[t[1..^1]] = Uri.UnescapeDataString(actual[i]);
            }
            else if (!string.Equals(t, actual[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }
}
