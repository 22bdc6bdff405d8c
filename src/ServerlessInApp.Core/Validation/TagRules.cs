namespace ServerlessInApp.Core.Validation;

public static class TagRules
{
    public const int MaxTags = 50;

    public static string? Validate(IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is null) return null;
        if (tags.Count > MaxTags) return $"tags has at most {MaxTags} entries (got {tags.Count}).";
        foreach (var (key, value) in tags)
        {
            var error = Check.First(
                string.IsNullOrEmpty(key) || key.Length > 128 ? "tags keys must have 1 to 128 characters." : null,
                value is null ? $"tags.{key} must be a string." : Check.MaxLength($"tags.{key}", value, 256));
            if (error is not null) return error;
        }
        return null;
    }
}
