using ServerlessInApp.Core.Outcomes;
using ServerlessInApp.Core.Stores;
using ServerlessInApp.Core.Templates;
using ServerlessInApp.Core.Validation;

namespace ServerlessInApp.Core.UseCases;

/// <summary>
/// In-app templates with Pinpoint's versioning: a GET without version reads the active version, a PUT overwrites the
/// latest version unless create-new-version is set, and the active version moves only by UpdateTemplateActiveVersion.
/// </summary>
public sealed class TemplateAdministration(ITemplateStore templates, TimeProvider clock)
{
    public const string InAppType = "INAPP";
    private static readonly IReadOnlySet<string> TemplateTypes = new HashSet<string> { "EMAIL", "INAPP", "PUSH", "SMS", "VOICE" };

    public async Task<Outcome<InAppTemplate>> CreateAsync(string name, TemplateDefinition? definition, CancellationToken ct)
    {
        if (definition is null) return Outcome<InAppTemplate>.BadRequest("The request body must be an InAppTemplateRequest object.");
        var error = TemplateRules.Name(name) ?? TemplateRules.Validate(definition) ?? TagRules.Validate(definition.Tags);
        if (error is not null) return Outcome<InAppTemplate>.BadRequest(error);

        var now = clock.GetUtcNow();
        var template = new InAppTemplate(name, 1, definition, definition.Tags ?? new Dictionary<string, string>(), now, now);
        if (!templates.Fits(template)) return TooLarge();
        return await templates.CreateAsync(template, ct)
            ? template
            : Outcome<InAppTemplate>.BadRequest($"A template named '{name}' already exists; update it instead.");
    }

    public async Task<Outcome<InAppTemplate>> GetAsync(string name, string? version, CancellationToken ct)
    {
        var summary = await templates.GetSummaryAsync(name, ct);
        if (summary is null) return NotFound(name);
        var number = ParseVersion(version, summary.ActiveVersion);
        if (!number.IsSuccess) return number.As<InAppTemplate>();
        return await templates.GetVersionAsync(name, number.Value, ct) is { } template ? template : NotFound(name, version);
    }

    public async Task<Outcome<InAppTemplate>> UpdateAsync(
        string name, TemplateDefinition? definition, string? createNewVersion, string? version, CancellationToken ct)
    {
        if (definition is null) return Outcome<InAppTemplate>.BadRequest("The request body must be an InAppTemplateRequest object.");
        var error = TemplateRules.Validate(definition);
        if (error is not null) return Outcome<InAppTemplate>.BadRequest(error);
        if (createNewVersion is not null and not "true" and not "false")
            return Outcome<InAppTemplate>.BadRequest("create-new-version must be true or false.");
        var asNewVersion = createNewVersion == "true";
        if (asNewVersion && version is not null)
            return Outcome<InAppTemplate>.BadRequest("Give either create-new-version=true or version, not both.");

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var summary = await templates.GetSummaryAsync(name, ct);
            if (summary is null) return NotFound(name);
            var number = ParseVersion(version, summary.LatestVersion);
            if (!number.IsSuccess) return number.As<InAppTemplate>();
            if (number.Value != summary.LatestVersion)
                return Outcome<InAppTemplate>.BadRequest($"version must be the latest version ({summary.LatestVersion}) to update it.");

            var now = clock.GetUtcNow();
            // Pinpoint ignores tags on updates (deprecated since 2023-05-22): keep the template's tags.
            var stored = definition with { Tags = summary.Tags };
            if (asNewVersion)
            {
                var next = new InAppTemplate(name, summary.LatestVersion + 1, stored, summary.Tags, summary.CreationDate, now);
                if (!templates.Fits(next)) return TooLarge();
                if (await templates.AddVersionAsync(next, summary.LatestVersion, ct)) return next;
                continue;
            }
            var replaced = new InAppTemplate(name, summary.LatestVersion, stored, summary.Tags, summary.CreationDate, now);
            if (!templates.Fits(replaced)) return TooLarge();
            if (await templates.ReplaceVersionAsync(replaced, ct)) return replaced;
        }
        return Outcome<InAppTemplate>.Fail(ErrorKind.Conflict, $"Template '{name}' is being changed by another request; try again.");
    }

    public async Task<Outcome<string>> DeleteAsync(string name, string? version, CancellationToken ct)
    {
        var summary = await templates.GetSummaryAsync(name, ct);
        if (summary is null) return NotFound(name).As<string>();
        if (version is null)
        {
            return await templates.DeleteAsync(name, ct) ? "Deleted" : NotFound(name).As<string>();
        }
        var number = ParseVersion(version, 0);
        if (!number.IsSuccess) return number.As<string>();
        return await templates.DeleteVersionAsync(name, number.Value, ct) ? "Deleted" : NotFound(name, version).As<string>();
    }

    public async Task<Outcome<Page<TemplateSummary>>> ListAsync(string? prefix, string? pageSize, string? token, string? templateType, CancellationToken ct)
    {
        var size = Paging.PageSize(pageSize);
        if (!size.IsSuccess) return size.As<Page<TemplateSummary>>();
        // No template name is longer, and a longer begins_with value would be over DynamoDB's sort key limit (a 500).
        var error = Check.MaxLength("prefix", prefix, 128) ?? Check.OneOf("template-type", templateType, TemplateTypes);
        if (error is not null) return Outcome<Page<TemplateSummary>>.BadRequest(error);
        if (templateType is not null && templateType != InAppType) return new Page<TemplateSummary>([], null);
        return await templates.ListAsync(prefix, size.Value, token, ct) is { } page
            ? page
            : Outcome<Page<TemplateSummary>>.BadRequest("next-token is not a token this API returned for this list.");
    }

    public async Task<Outcome<Page<InAppTemplate>>> ListVersionsAsync(string name, string templateType, string? pageSize, string? token, CancellationToken ct)
    {
        var size = Paging.PageSize(pageSize);
        if (!size.IsSuccess) return size.As<Page<InAppTemplate>>();
        var typeError = TemplateType(templateType);
        if (typeError is not null) return typeError.As<Page<InAppTemplate>>();
        if (templateType != InAppType || await templates.GetSummaryAsync(name, ct) is null) return NotFound(name).As<Page<InAppTemplate>>();
        return await templates.ListVersionsAsync(name, size.Value, token, ct) is { } page
            ? page
            : Outcome<Page<InAppTemplate>>.BadRequest("next-token is not a token this API returned for this list.");
    }

    public async Task<Outcome<string>> SetActiveVersionAsync(string name, string templateType, string? version, CancellationToken ct)
    {
        var typeError = TemplateType(templateType);
        if (typeError is not null) return typeError.As<string>();
        if (version is null) return Outcome<string>.BadRequest("Version is required.");
        var number = ParseVersion(version, 0);
        if (!number.IsSuccess) return number.As<string>();
        if (templateType != InAppType || await templates.GetSummaryAsync(name, ct) is null) return NotFound(name).As<string>();
        return await templates.SetActiveVersionAsync(name, number.Value, ct) ? "OK" : NotFound(name, version).As<string>();
    }

    private static Outcome<string>? TemplateType(string templateType) =>
        TemplateTypes.Contains(templateType)
            ? null
            : Outcome<string>.BadRequest($"TemplateType must be one of {WireValues.List(TemplateTypes)} (got '{templateType}').");

    private static Outcome<int> ParseVersion(string? version, int whenAbsent)
    {
        if (version is null) return whenAbsent;
        return int.TryParse(version, out var number) && number >= 1
            ? number
            : Outcome<int>.BadRequest($"version must be a version number such as 1 (got '{version}').");
    }

    private static Outcome<InAppTemplate> TooLarge() =>
        Outcome<InAppTemplate>.BadRequest("The template is too large to store (400 KB): shorten its Content, CustomConfig or tags.");

    public static Outcome<InAppTemplate> NotFound(string name, string? version = null) => Outcome<InAppTemplate>.NotFound(
        version is null ? $"Template '{name}' does not exist." : $"Template '{name}' has no version {version}.");
}
