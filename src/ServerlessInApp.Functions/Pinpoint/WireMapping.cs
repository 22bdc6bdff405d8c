using System.Globalization;
using ServerlessInApp.Core.Apps;
using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Entitlements;
using ServerlessInApp.Core.Events;
using ServerlessInApp.Core.Segments;
using ServerlessInApp.Core.Templates;

namespace ServerlessInApp.Functions.Pinpoint;

/// <summary>Domain records to Pinpoint response shapes. Dates leave as ISO 8601 UTC strings with milliseconds.</summary>
public sealed class WireMapping(Arns arns, TimeProvider clock)
{
    public static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public ApplicationResponse App(App app) => new()
    {
        Arn = arns.App(app.Id),
        Id = app.Id,
        Name = app.Name,
        Tags = app.Tags,
        CreationDate = Date(app.CreationDate),
    };

    public CampaignResponse Campaign(LiveCampaign live)
    {
        var c = live.Campaign;
        var d = c.Definition;
        var state = new CampaignState(live.Status(clock.GetUtcNow()));
        var treatments = d.AdditionalTreatments ?? [];
        return new CampaignResponse
        {
            AdditionalTreatments = treatments.Count == 0 ? null : treatments.Select((t, i) => new TreatmentResource
            {
                Id = (i + 1).ToString(CultureInfo.InvariantCulture),
                SizePercent = t.SizePercent ?? 0,
                MessageConfiguration = t.MessageConfiguration,
                TemplateConfiguration = t.TemplateConfiguration,
                TreatmentName = t.TreatmentName,
                TreatmentDescription = t.TreatmentDescription,
                State = state,
            }).ToList(),
            ApplicationId = c.ApplicationId,
            Arn = arns.Campaign(c.ApplicationId, c.Id),
            CreationDate = Date(c.CreationDate),
            DefaultState = state,
            Description = d.Description,
            HoldoutPercent = d.HoldoutPercent,
            Id = c.Id,
            IsPaused = d.IsPaused ?? false,
            LastModifiedDate = Date(c.LastModifiedDate),
            Limits = d.Limits,
            MessageConfiguration = d.MessageConfiguration,
            Name = d.Name,
            Priority = d.Priority,
            Schedule = d.Schedule,
            SegmentId = d.SegmentId ?? "",
            SegmentVersion = d.SegmentVersion ?? live.Segment?.Version ?? 1,
            State = state,
            Tags = d.Tags ?? new Dictionary<string, string>(),
            TemplateConfiguration = d.TemplateConfiguration,
            TreatmentDescription = d.TreatmentDescription,
            TreatmentName = d.TreatmentName,
            Version = c.Version,
        };
    }

    public SegmentResponse Segment(Segment s) => new()
    {
        ApplicationId = s.ApplicationId,
        Arn = arns.Segment(s.ApplicationId, s.Id),
        CreationDate = Date(s.CreationDate),
        Dimensions = s.Definition.Dimensions,
        Id = s.Id,
        LastModifiedDate = Date(s.LastModifiedDate),
        Name = s.Definition.Name,
        SegmentType = "DIMENSIONAL",
        Tags = s.Definition.Tags ?? new Dictionary<string, string>(),
        Version = s.Version,
    };

    public InAppTemplateResponse Template(InAppTemplate t) => new()
    {
        Arn = arns.InAppTemplate(t.Name),
        Content = t.Definition.Content,
        CreationDate = Date(t.CreationDate),
        CustomConfig = t.Definition.CustomConfig,
        LastModifiedDate = Date(t.LastModifiedDate),
        Layout = t.Definition.Layout,
        Tags = t.Tags,
        TemplateDescription = t.Definition.TemplateDescription,
        TemplateName = t.Name,
        TemplateType = "INAPP",
        Version = t.Version.ToString(CultureInfo.InvariantCulture),
    };

    public TemplateResponse TemplateListItem(TemplateSummary s) => new()
    {
        Arn = arns.InAppTemplate(s.Name),
        CreationDate = Date(s.CreationDate),
        LastModifiedDate = Date(s.LastModifiedDate),
        Tags = s.Tags,
        TemplateDescription = s.Description,
        TemplateName = s.Name,
        TemplateType = "INAPP",
        Version = s.ActiveVersion.ToString(CultureInfo.InvariantCulture),
    };

    public static TemplateVersionResponse TemplateVersion(InAppTemplate t) => new()
    {
        CreationDate = Date(t.CreationDate),
        LastModifiedDate = Date(t.LastModifiedDate),
        TemplateDescription = t.Definition.TemplateDescription,
        TemplateName = t.Name,
        TemplateType = "INAPP",
        Version = t.Version.ToString(CultureInfo.InvariantCulture),
    };

    public static ApplicationSettingsResource Settings(ServerlessInApp.Core.Settings.ApplicationSettingsRecord record) => new()
    {
        ApplicationId = record.ApplicationId,
        LastModifiedDate = record.LastModifiedDate is { } modified ? Date(modified) : null,
        Limits = record.Settings.Limits,
        QuietTime = record.Settings.QuietTime,
        InAppMessagesMode = record.Settings.InAppMessagesMode ?? ServerlessInApp.Core.Settings.ApplicationSettings.ServerTriggered,
    };

    public static CampaignDateRangeKpiResponse Kpis(string appId, string campaignId, ServerlessInApp.Core.UseCases.CampaignMetricsQuery.Result result)
    {
        var all = result.KpiName == ServerlessInApp.Core.UseCases.CampaignMetricsQuery.AllMetrics;
        var rows = result.Days
            .OrderBy(d => d.Day, StringComparer.Ordinal).ThenBy(d => d.TreatmentId, StringComparer.Ordinal)
            .Select(d => new ResultRow(
                [new ResultRowValue("Date", "String", d.Day), new ResultRowValue("TreatmentId", "String", d.TreatmentId)],
                KpiValues(d.Counts).Where(v => all || v.Key == result.KpiName).ToList()))
            .ToList();
        return new CampaignDateRangeKpiResponse(appId, campaignId, Date(result.End), result.KpiName, new BaseKpiResult(rows), null, Date(result.Start));
    }

    private static IEnumerable<ResultRowValue> KpiValues(ServerlessInApp.Core.Metrics.MetricCounts c)
    {
        static ResultRowValue Long(string key, long value) => new(key, "Long", value.ToString(CultureInfo.InvariantCulture));
        yield return Long("entitled", c.Entitled);
        yield return Long("holdout", c.Holdout);
        yield return Long("displayed", c.Displayed);
        yield return Long("unique-displayed", c.UniqueDisplayed);
        yield return Long("clicked", c.Clicked);
        yield return Long("dismissed", c.Dismissed);
        yield return new("click-through-rate", "Double", c.ClickThroughRate.ToString("0.####", CultureInfo.InvariantCulture));
    }

    public static EventsResponse Events(IReadOnlyDictionary<string, EndpointEventsResult> results) => new(
        results.ToDictionary(r => r.Key, r => new ItemResponse(r.Value.Endpoint, r.Value.Events), StringComparer.Ordinal));

    public static InAppMessagesResponse InAppMessages(IReadOnlyList<DeliverableMessage> messages) => new(
        messages.Select(m =>
        {
            var campaign = m.Campaign;
            var definition = campaign.Campaign.Definition;
            return new InAppMessageCampaign
            {
                CampaignId = campaign.Id,
                TreatmentId = m.TreatmentId,
                Priority = definition.Priority,
                DailyCap = m.Caps.Daily ?? 0,
                SessionCap = m.Caps.Session ?? 0,
                TotalCap = m.Caps.Total ?? 0,
                InAppMessage = m.Message,
                Schedule = new InAppCampaignSchedule
                {
                    EndDate = m.EndDate is { } end ? Date(end) : null,
                    EventFilter = definition.Schedule?.EventFilter,
                    QuietTime = m.QuietTime,
                },
            };
        }).ToList());
}
