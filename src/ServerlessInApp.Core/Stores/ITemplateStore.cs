using ServerlessInApp.Core.Templates;

namespace ServerlessInApp.Core.Stores;

public interface ITemplateStore
{
    /// <summary>Creates version 1; false when a template of that name exists.</summary>
    Task<bool> CreateAsync(InAppTemplate template, CancellationToken ct);
    /// <summary>False when the template version is larger than one stored item may be.</summary>
    bool Fits(InAppTemplate template);

    Task<TemplateSummary?> GetSummaryAsync(string name, CancellationToken ct);
    Task<InAppTemplate?> GetVersionAsync(string name, int version, CancellationToken ct);

    /// <summary>Writes <paramref name="template"/> as a new latest version; false when the latest is no longer <paramref name="expectedLatest"/>.</summary>
    Task<bool> AddVersionAsync(InAppTemplate template, int expectedLatest, CancellationToken ct);

    /// <summary>Overwrites an existing version in place.</summary>
    Task<bool> ReplaceVersionAsync(InAppTemplate template, CancellationToken ct);
    Task<bool> SetActiveVersionAsync(string name, int version, CancellationToken ct);

    /// <summary>Null when <paramref name="token"/> is not a token this store issued for this list.</summary>
    Task<Page<TemplateSummary>?> ListAsync(string? prefix, int pageSize, string? token, CancellationToken ct);

    /// <summary>Null when <paramref name="token"/> is not a token this store issued for this list.</summary>
    Task<Page<InAppTemplate>?> ListVersionsAsync(string name, int pageSize, string? token, CancellationToken ct);
    Task<bool> DeleteAsync(string name, CancellationToken ct);

    /// <summary>Deletes one version; the summary's latest and active versions move to the newest remaining one when needed.</summary>
    Task<bool> DeleteVersionAsync(string name, int version, CancellationToken ct);
}
