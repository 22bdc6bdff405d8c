using ServerlessInApp.Core.Templates;

namespace ServerlessInApp.Core.Validation;

public static class TemplateRules
{
    public static string? Name(string name) => TemplateName.IsValid(name)
        ? null
        : "TemplateName must start with a letter or digit and have at most 128 letters, digits, '_' or '-'.";

    public static string? Validate(TemplateDefinition t) => Check.First(
        Check.MaxLength("TemplateDescription", t.TemplateDescription, 500),
        InAppContentRules.Validate(t.Layout, t.Content, t.CustomConfig));
}
