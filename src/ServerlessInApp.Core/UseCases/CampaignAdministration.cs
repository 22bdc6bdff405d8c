using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Messages;
using ServerlessInApp.Core.Outcomes;
using ServerlessInApp.Core.Stores;
using ServerlessInApp.Core.Validation;

namespace ServerlessInApp.Core.UseCases;

/// <summary>
/// Campaigns of one app. Every write resolves the message (a template's content is copied in as of that write) and
/// checks the segment, so a stored campaign is always deliverable as written.
/// </summary>
public sealed class CampaignAdministration(
    IAppStore apps, ICampaignStore campaigns, ISegmentStore segments, ICatalogStore catalogs, ITemplateStore templates,
    TimeProvider clock)
{
    public async Task<Outcome<LiveCampaign>> CreateAsync(string appId, CampaignDefinition? definition, CancellationToken ct)
    {
        if (definition is null) return Outcome<LiveCampaign>.BadRequest("The request body must be a WriteCampaignRequest object.");
        var now = clock.GetUtcNow();
        var error = CampaignRules.Validate(definition, now) ?? TagRules.Validate(definition.Tags);
        if (error is not null) return Outcome<LiveCampaign>.BadRequest(error);
        if (await apps.GetAsync(appId, ct) is null) return AppAdministration.NotFound(appId).As<LiveCampaign>();

        var resolved = await ResolveAsync(appId, definition, ct);
        if (!resolved.IsSuccess) return resolved.As<LiveCampaign>();
        var (messages, segment) = resolved.Value;
        var campaign = new Campaign(appId, Ids.New(), 1, definition, messages[0], now, now) { TreatmentMessages = messages.Skip(1).ToList() };
        if (!campaigns.Fits(campaign)) return TooLarge();
        if (!await campaigns.PutAsync(campaign, null, ct)) return AppAdministration.NotFound(appId).As<LiveCampaign>();
        return LiveCampaign.From(campaign, segment);
    }

    public async Task<Outcome<LiveCampaign>> GetAsync(string appId, string campaignId, CancellationToken ct)
    {
        var campaign = await campaigns.GetAsync(appId, campaignId, ct);
        if (campaign is null) return NotFound(appId, campaignId);
        var segment = await segments.GetAsync(appId, campaign.Definition.SegmentId!, ct);
        return LiveCampaign.From(campaign, segment);
    }

    public async Task<Outcome<Page<LiveCampaign>>> ListAsync(string appId, string? pageSize, string? token, CancellationToken ct)
    {
        var size = Paging.PageSize(pageSize);
        if (!size.IsSuccess) return size.As<Page<LiveCampaign>>();
        var offset = 0;
        if (token is not null && (!int.TryParse(token, out offset) || offset < 0))
            return Outcome<Page<LiveCampaign>>.BadRequest("token is not a token this API returned.");

        var catalog = await catalogs.LoadAsync(appId, ct);
        if (catalog is null) return AppAdministration.NotFound(appId).As<Page<LiveCampaign>>();
        var all = catalog.Campaigns.Values.OrderBy(c => c.Campaign.CreationDate).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var items = all.Skip(offset).Take(size.Value).ToList();
        var next = offset + items.Count < all.Count ? (offset + items.Count).ToString() : null;
        return new Page<LiveCampaign>(items, next);
    }

    /// <summary>
    /// Members present in the request replace the stored ones; absent members keep their values, so
    /// <c>{"IsPaused":true}</c> pauses a campaign. The version increases by one.
    /// </summary>
    public async Task<Outcome<LiveCampaign>> UpdateAsync(string appId, string campaignId, CampaignDefinition? update, CancellationToken ct)
    {
        if (update is null) return Outcome<LiveCampaign>.BadRequest("The request body must be a WriteCampaignRequest object.");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var current = await campaigns.GetAsync(appId, campaignId, ct);
            if (current is null) return NotFound(appId, campaignId);
            var merged = Merge(current.Definition, update);
            var now = clock.GetUtcNow();
            var error = CampaignRules.Validate(merged, now);
            if (error is not null) return Outcome<LiveCampaign>.BadRequest(error);

            var resolved = await ResolveAsync(appId, merged, ct);
            if (!resolved.IsSuccess) return resolved.As<LiveCampaign>();
            var (messages, segment) = resolved.Value;
            var updated = current with
            {
                Version = current.Version + 1,
                Definition = merged,
                Message = messages[0],
                TreatmentMessages = messages.Skip(1).ToList(),
                LastModifiedDate = now,
            };
            if (!campaigns.Fits(updated)) return TooLarge();
            if (await campaigns.PutAsync(updated, current.Version, ct)) return LiveCampaign.From(updated, segment);
        }
        return Outcome<LiveCampaign>.Fail(ErrorKind.Conflict, $"Campaign '{campaignId}' is being changed by another request; try again.");
    }

    public async Task<Outcome<LiveCampaign>> DeleteAsync(string appId, string campaignId, CancellationToken ct)
    {
        var current = await GetAsync(appId, campaignId, ct);
        if (!current.IsSuccess) return current;
        return await campaigns.DeleteAsync(appId, campaignId, ct) ? current : NotFound(appId, campaignId);
    }

    /// <summary>The segment, and the message of every treatment: the default first, then each additional one.</summary>
    private async Task<Outcome<(List<InAppMessage> Messages, Segments.Segment Segment)>> ResolveAsync(
        string appId, CampaignDefinition definition, CancellationToken ct)
    {
        var segment = await segments.GetAsync(appId, definition.SegmentId!, ct);
        if (segment is null)
            return Outcome<(List<InAppMessage>, Segments.Segment)>.BadRequest($"SegmentId: segment '{definition.SegmentId}' does not exist in this application.");
        if (definition.SegmentVersion is { } v && v > segment.Version)
            return Outcome<(List<InAppMessage>, Segments.Segment)>.BadRequest($"SegmentVersion: segment '{segment.Id}' has no version {v} (latest is {segment.Version}).");

        var sources = new List<(string Prefix, CampaignTemplateConfiguration? Template, CampaignMessageConfiguration? Inline)>
        {
            ("", definition.TemplateConfiguration, definition.MessageConfiguration),
        };
        var treatments = definition.AdditionalTreatments ?? [];
        for (var i = 0; i < treatments.Count; i++)
        {
            sources.Add(($"AdditionalTreatments[{i}].", treatments[i].TemplateConfiguration, treatments[i].MessageConfiguration));
        }

        var messages = new List<InAppMessage>(sources.Count);
        foreach (var (prefix, template, inline) in sources)
        {
            if (template?.InAppTemplate is { } reference)
            {
                var summary = await templates.GetSummaryAsync(reference.Name!, ct);
                var version = reference.Version is null ? summary?.ActiveVersion : int.Parse(reference.Version);
                var found = summary is null || version is null ? null : await templates.GetVersionAsync(reference.Name!, version.Value, ct);
                if (found is null)
                {
                    return Outcome<(List<InAppMessage>, Segments.Segment)>.BadRequest(
                        $"{prefix}TemplateConfiguration.InAppTemplate: in-app template '{reference.Name}'" +
                        (reference.Version is null ? "" : $" version {reference.Version}") + " does not exist.");
                }
                messages.Add(found.Definition.ToMessage());
            }
            else
            {
                messages.Add(inline!.InAppMessage!.ToMessage());
            }
        }
        return (messages, segment);
    }

    private static CampaignDefinition Merge(CampaignDefinition current, CampaignDefinition update)
    {
        var template = update.TemplateConfiguration ?? (update.MessageConfiguration is null ? current.TemplateConfiguration : null);
        var inline = update.MessageConfiguration ?? (update.TemplateConfiguration is null ? current.MessageConfiguration : null);
        return new CampaignDefinition
        {
            Name = update.Name ?? current.Name,
            Description = update.Description ?? current.Description,
            SegmentId = update.SegmentId ?? current.SegmentId,
            SegmentVersion = update.SegmentId is null ? update.SegmentVersion ?? current.SegmentVersion : update.SegmentVersion,
            MessageConfiguration = inline,
            TemplateConfiguration = template,
            Schedule = update.Schedule ?? current.Schedule,
            Limits = update.Limits ?? current.Limits,
            Priority = update.Priority ?? current.Priority,
            IsPaused = update.IsPaused ?? current.IsPaused,
            HoldoutPercent = update.HoldoutPercent ?? current.HoldoutPercent,
            TreatmentName = update.TreatmentName ?? current.TreatmentName,
            TreatmentDescription = update.TreatmentDescription ?? current.TreatmentDescription,
            AdditionalTreatments = update.AdditionalTreatments ?? current.AdditionalTreatments,
            // Pinpoint ignores tags on updates (deprecated since 2023-05-22).
            Tags = current.Tags,
        };
    }

    // Each member has its own limit, but a definition stored as JSON can be several times its text: the store decides.
    private static Outcome<LiveCampaign> TooLarge() => Outcome<LiveCampaign>.BadRequest(
        "The campaign is too large to store (400 KB with its message): shorten its message content, Schedule.EventFilter.Dimensions or tags.");

    public static Outcome<LiveCampaign> NotFound(string appId, string campaignId) =>
        Outcome<LiveCampaign>.NotFound($"Campaign '{campaignId}' does not exist in application '{appId}'.");
}
