using System.Text.RegularExpressions;
using ServerlessInApp.Core.Campaigns;

namespace ServerlessInApp.Core.Validation;

/// <summary>
/// What makes an in-app campaign deliverable. A campaign the rules accept can fire; one they reject gets a message
/// that says which member is wrong (Pinpoint silently never fired a campaign without a start time, for example).
/// </summary>
public static partial class CampaignRules
{
    public static string? Validate(CampaignDefinition c, DateTimeOffset now)
    {
        var error = Check.First(
            Check.Required("Name", c.Name),
            Check.MaxLength("Name", c.Name, 256),
            Check.MaxLength("Description", c.Description, 1000),
            Check.MaxLength("TreatmentName", c.TreatmentName, 256),
            Check.MaxLength("TreatmentDescription", c.TreatmentDescription, 1000),
            Check.Id("SegmentId", c.SegmentId),
            Check.Range("SegmentVersion", c.SegmentVersion, 1, int.MaxValue),
            Check.Range("Priority", c.Priority, 1, 5),
            Check.Range("HoldoutPercent", c.HoldoutPercent, 0, 100),
            Limits(c.Limits, "Limits"),
            Message(c.TemplateConfiguration, c.MessageConfiguration, ""),
            Treatments(c.AdditionalTreatments),
            Schedule(c.Schedule, now));
        return error;
    }

    public static string? Limits(CampaignLimits? limits, string field) => limits is null
        ? null
        : Check.First(
            Check.Range($"{field}.Daily", limits.Daily, 0, 100),
            Check.Range($"{field}.Total", limits.Total, 0, 100),
            Check.Range($"{field}.Session", limits.Session, 0, 100),
            Check.Range($"{field}.MessagesPerSecond", limits.MessagesPerSecond, 1, 20_000),
            Check.Range($"{field}.MaximumDuration", limits.MaximumDuration, 60, int.MaxValue));

    public const int MaxTreatments = 4;

    private static string? Message(CampaignTemplateConfiguration? templates, CampaignMessageConfiguration? messages, string prefix)
    {
        var template = templates?.InAppTemplate;
        var inline = messages?.InAppMessage;
        if (template is null && inline is null)
            return $"{(prefix.Length == 0 ? "The campaign" : prefix.TrimEnd('.'))} needs a message: {prefix}TemplateConfiguration.InAppTemplate or {prefix}MessageConfiguration.InAppMessage.";
        if (template is not null && inline is not null)
            return $"Give either {prefix}TemplateConfiguration.InAppTemplate or {prefix}MessageConfiguration.InAppMessage, not both.";
        if (template is not null)
        {
            return Check.First(
                Check.Required($"{prefix}TemplateConfiguration.InAppTemplate.Name", template.Name),
                template.Name is not null && !Templates.TemplateName.IsValid(template.Name)
                    ? $"{prefix}TemplateConfiguration.InAppTemplate.Name is not a valid template name." : null,
                template.Version is not null && !(int.TryParse(template.Version, out var v) && v >= 1)
                    ? $"{prefix}TemplateConfiguration.InAppTemplate.Version must be a version number such as \"1\"." : null);
        }
        return Check.First(
            Check.NoSubstitution($"{prefix}MessageConfiguration.InAppMessage.Body", inline!.Body),
            InAppContentRules.Validate(inline.Layout, inline.Content, inline.CustomConfig, $"{prefix}MessageConfiguration.InAppMessage."));
    }

    /// <summary>
    /// Additional treatments split the non-holdout audience with the default treatment, which keeps
    /// 100 − ΣSizePercent. Each has its own message; the campaign's schedule applies to all of them.
    /// </summary>
    private static string? Treatments(IReadOnlyList<WriteTreatment?>? treatments)
    {
        if (treatments is null || treatments.Count == 0) return null;
        if (treatments.Count > MaxTreatments) return $"AdditionalTreatments has at most {MaxTreatments} treatments (got {treatments.Count}).";
        for (var i = 0; i < treatments.Count; i++)
        {
            var prefix = $"AdditionalTreatments[{i}].";
            var t = treatments[i];
            if (t is null) return $"AdditionalTreatments[{i}] must be an object.";
            var error = Check.First(
                t.SizePercent is null ? $"{prefix}SizePercent is required." : null,
                Check.Range($"{prefix}SizePercent", t.SizePercent, 0, 100),
                Check.MaxLength($"{prefix}TreatmentName", t.TreatmentName, 256),
                Check.MaxLength($"{prefix}TreatmentDescription", t.TreatmentDescription, 1000),
                t.Schedule is { ValueKind: not System.Text.Json.JsonValueKind.Null }
                    ? $"{prefix}Schedule is not supported for in-app campaigns: the campaign's Schedule applies to every treatment." : null,
                Message(t.TemplateConfiguration, t.MessageConfiguration, prefix));
            if (error is not null) return error;
        }
        var total = treatments.Sum(t => t!.SizePercent ?? 0);
        return total > 100 ? $"AdditionalTreatments' SizePercent add up to {total}; at most 100 (the default treatment gets the rest)." : null;
    }

    private static string? Schedule(CampaignSchedule? s, DateTimeOffset now)
    {
        if (s is null) return "Schedule is required.";
        var error = Check.First(
            Check.Required("Schedule.StartTime", s.StartTime),
            s.StartTime is not null && s.StartTime != "IMMEDIATE" ? Check.IsoInstant("Schedule.StartTime", s.StartTime) : null,
            Check.IsoInstant("Schedule.EndTime", s.EndTime),
            Check.Required("Schedule.Frequency", s.Frequency),
            Check.OneOf("Schedule.Frequency", s.Frequency, WireValues.Frequencies),
            s.Frequency is not null && s.Frequency != "IN_APP_EVENT"
                ? $"Schedule.Frequency must be IN_APP_EVENT for an in-app campaign (got '{s.Frequency}')." : null,
            s.Timezone is not null && !TimezonePattern().IsMatch(s.Timezone)
                ? $"Schedule.Timezone must look like UTC, UTC+01 or UTC-05:30 (got '{s.Timezone}')." : null,
            Quiet(s.QuietTime, "Schedule.QuietTime"),
            Filter(s.EventFilter));
        if (error is not null) return error;

        if (s.EndTime is not null && Check.TryParseInstant(s.EndTime, out var end))
        {
            if (s.StartTime != "IMMEDIATE" && Check.TryParseInstant(s.StartTime!, out var start) && end <= start)
                return "Schedule.EndTime must be after Schedule.StartTime.";
            if (end <= now) return "Schedule.EndTime is in the past; the campaign could never be shown.";
        }
        return null;
    }

    public static string? Quiet(QuietTime? quiet, string field)
    {
        if (quiet is null) return null;
        return Check.First(
            quiet.Start is null || !ClockPattern().IsMatch(quiet.Start) ? $"{field}.Start must be HH:MM (00:00 to 23:59)." : null,
            quiet.End is null || !ClockPattern().IsMatch(quiet.End) ? $"{field}.End must be HH:MM (00:00 to 23:59)." : null);
    }

    private static string? Filter(CampaignEventFilter? filter)
    {
        if (filter is null) return "Schedule.EventFilter is required: it says which event shows the message.";
        return Check.First(
            Check.Required("Schedule.EventFilter.FilterType", filter.FilterType),
            Check.OneOf("Schedule.EventFilter.FilterType", filter.FilterType, WireValues.FilterTypes),
            filter.Dimensions is null ? "Schedule.EventFilter.Dimensions is required." : null,
            DimensionRules.Set("Schedule.EventFilter.Dimensions.EventType", filter.Dimensions?.EventType, required: true),
            DimensionRules.Attributes("Schedule.EventFilter.Dimensions.Attributes", filter.Dimensions?.Attributes),
            DimensionRules.Metrics("Schedule.EventFilter.Dimensions.Metrics", filter.Dimensions?.Metrics));
    }

    [GeneratedRegex(@"^([01][0-9]|2[0-3]):[0-5][0-9]\z")]
    private static partial Regex ClockPattern();

    [GeneratedRegex(@"^UTC([+-]\d{2}(:\d{2})?)?\z")]
    private static partial Regex TimezonePattern();
}
