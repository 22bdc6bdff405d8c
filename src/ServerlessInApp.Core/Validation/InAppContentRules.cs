using ServerlessInApp.Core.Messages;

namespace ServerlessInApp.Core.Validation;

/// <summary>Rules for what a device will render: layout, 1–5 content items, text lengths, colors, links, buttons.</summary>
public static class InAppContentRules
{
    public const int MaxCarouselItems = 5;
    public const int MaxHeaderLength = 64;
    public const int MaxBodyLength = 150;
    public const int MaxButtonTextLength = 64;
    public const int MaxCustomConfigPairs = 10;
    public const int MaxCustomConfigKeyLength = 100;
    public const int MaxCustomConfigValueLength = 1000;
    public const int MaxUrlLength = 2048;

    public static string? Validate(string? layout, IReadOnlyList<InAppMessageContent?>? content,
        IReadOnlyDictionary<string, string>? customConfig, string prefix = "")
    {
        var error = Check.First(
            Check.Required(prefix + "Layout", layout),
            Check.OneOf(prefix + "Layout", layout, WireValues.Layouts),
            CustomConfig(prefix + "CustomConfig", customConfig));
        if (error is not null) return error;

        if (content is null || content.Count == 0) return $"{prefix}Content must have at least one message.";
        if (layout == "CAROUSEL" && content.Count > MaxCarouselItems)
            return $"{prefix}Content of a CAROUSEL has at most {MaxCarouselItems} messages (got {content.Count}).";
        if (layout != "CAROUSEL" && content.Count != 1)
            return $"{prefix}Content of a {layout} has exactly one message (got {content.Count}); use CAROUSEL for several.";

        for (var i = 0; i < content.Count; i++)
        {
            error = Item($"{prefix}Content[{i}]", content[i]);
            if (error is not null) return error;
        }
        return null;
    }

    private static string? CustomConfig(string field, IReadOnlyDictionary<string, string>? config)
    {
        if (config is null) return null;
        if (config.Count > MaxCustomConfigPairs) return $"{field} has at most {MaxCustomConfigPairs} pairs (got {config.Count}).";
        foreach (var (key, value) in config)
        {
            var error = Check.First(
                string.IsNullOrEmpty(key) ? $"{field} keys must not be empty." : null,
                Check.MaxLength($"{field} key '{key}'", key, MaxCustomConfigKeyLength),
                Check.MaxLength($"{field}.{key}", value, MaxCustomConfigValueLength),
                Check.NoSubstitution($"{field}.{key}", value),
                value is null ? $"{field}.{key} must be a string." : null);
            if (error is not null) return error;
        }
        return null;
    }

    private static string? Item(string field, InAppMessageContent? item)
    {
        if (item is null) return $"{field} must be an object.";
        if (item.HeaderConfig is null && item.BodyConfig is null && item.ImageUrl is null)
            return $"{field} needs a HeaderConfig, a BodyConfig or an ImageUrl.";

        return Check.First(
            Check.Color($"{field}.BackgroundColor", item.BackgroundColor),
            Check.MaxLength($"{field}.ImageUrl", item.ImageUrl, MaxUrlLength),
            Check.WebUrl($"{field}.ImageUrl", item.ImageUrl),
            Check.NoSubstitution($"{field}.ImageUrl", item.ImageUrl),
            Header($"{field}.HeaderConfig", item.HeaderConfig),
            Body($"{field}.BodyConfig", item.BodyConfig),
            Button($"{field}.PrimaryBtn", item.PrimaryBtn),
            Button($"{field}.SecondaryBtn", item.SecondaryBtn));
    }

    private static string? Header(string field, InAppMessageHeaderConfig? header) => header is null
        ? null
        : Check.First(
            Check.Required($"{field}.Header", header.Header),
            Check.MaxLength($"{field}.Header", header.Header, MaxHeaderLength),
            Check.NoSubstitution($"{field}.Header", header.Header),
            Check.Required($"{field}.Alignment", header.Alignment),
            Check.OneOf($"{field}.Alignment", header.Alignment, WireValues.Alignments),
            Check.Required($"{field}.TextColor", header.TextColor),
            Check.Color($"{field}.TextColor", header.TextColor));

    private static string? Body(string field, InAppMessageBodyConfig? body) => body is null
        ? null
        : Check.First(
            Check.Required($"{field}.Body", body.Body),
            Check.MaxLength($"{field}.Body", body.Body, MaxBodyLength),
            Check.NoSubstitution($"{field}.Body", body.Body),
            Check.Required($"{field}.Alignment", body.Alignment),
            Check.OneOf($"{field}.Alignment", body.Alignment, WireValues.Alignments),
            Check.Required($"{field}.TextColor", body.TextColor),
            Check.Color($"{field}.TextColor", body.TextColor));

    private static string? Button(string field, InAppMessageButton? button)
    {
        if (button is null) return null;
        var config = button.DefaultConfig;
        if (config is null) return $"{field}.DefaultConfig is required.";
        return Check.First(
            Check.Required($"{field}.DefaultConfig.Text", config.Text),
            Check.MaxLength($"{field}.DefaultConfig.Text", config.Text, MaxButtonTextLength),
            Check.NoSubstitution($"{field}.DefaultConfig.Text", config.Text),
            Check.Color($"{field}.DefaultConfig.BackgroundColor", config.BackgroundColor),
            Check.Color($"{field}.DefaultConfig.TextColor", config.TextColor),
            Check.Range($"{field}.DefaultConfig.BorderRadius", config.BorderRadius, 0, 1000),
            Action($"{field}.DefaultConfig", config.ButtonAction, config.Link),
            Override($"{field}.Android", button.Android),
            Override($"{field}.IOS", button.IOS),
            Override($"{field}.Web", button.Web));
    }

    private static string? Override(string field, OverrideButtonConfiguration? config) =>
        config is null ? null : Action(field, config.ButtonAction, config.Link);

    private static string? Action(string field, string? action, string? link)
    {
        var error = Check.First(
            Check.Required($"{field}.ButtonAction", action),
            Check.OneOf($"{field}.ButtonAction", action, WireValues.ButtonActions),
            Check.NoSubstitution($"{field}.Link", link),
            Check.MaxLength($"{field}.Link", link, MaxUrlLength));
        if (error is not null) return error;
        return action switch
        {
            "CLOSE" when link is not null => $"{field}.Link must be absent when ButtonAction is CLOSE.",
            "LINK" => Check.Required($"{field}.Link", link) ?? Check.WebUrl($"{field}.Link", link),
            "DEEP_LINK" => Check.Required($"{field}.Link", link) ?? Check.DeepLink($"{field}.Link", link),
            _ => null,
        };
    }
}
