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
            c.AdditionalTreatments is { ValueKind: System.Text.Json.JsonValueKind.Array } t && t.GetArrayLength() > 0
                ? "AdditionalTreatments is not supported yet; create one campaign per variant." : null,
            Limits(c.Limits),
            Message(c),
            Schedule(c.Schedule, now));
        return error;
    }

    private static string? Limits(CampaignLimits? limits) => limits is null
        ? null
        : Check.First(
            Check.Range("Limits.Daily", limits.Daily, 0, 100),
            Check.Range("Limits.Total", limits.Total, 0, 100),
            Check.Range("Limits.Session", limits.Session, 0, 100),
            Check.Range("Limits.MessagesPerSecond", limits.MessagesPerSecond, 1, 20_000),
            Check.Range("Limits.MaximumDuration", limits.MaximumDuration, 60, int.MaxValue));

    private static string? Message(CampaignDefinition c)
    {
        var template = c.TemplateConfiguration?.InAppTemplate;
        var inline = c.MessageConfiguration?.InAppMessage;
        if (template is null && inline is null)
            return "The campaign needs a message: TemplateConfiguration.InAppTemplate or MessageConfiguration.InAppMessage.";
        if (template is not null && inline is not null)
            return "Give either TemplateConfiguration.InAppTemplate or MessageConfiguration.InAppMessage, not both.";
        if (template is not null)
        {
            return Check.First(
                Check.Required("TemplateConfiguration.InAppTemplate.Name", template.Name),
                template.Name is not null && !Templates.TemplateName.IsValid(template.Name)
                    ? "TemplateConfiguration.InAppTemplate.Name is not a valid template name." : null,
                template.Version is not null && !(int.TryParse(template.Version, out var v) && v >= 1)
                    ? "TemplateConfiguration.InAppTemplate.Version must be a version number such as \"1\"." : null);
        }
        return Check.First(
            Check.NoSubstitution("MessageConfiguration.InAppMessage.Body", inline!.Body),
            InAppContentRules.Validate(inline.Layout, inline.Content, inline.CustomConfig, "MessageConfiguration.InAppMessage."));
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
            Quiet(s.QuietTime),
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

    private static string? Quiet(QuietTime? quiet)
    {
        if (quiet is null) return null;
        return Check.First(
            quiet.Start is null || !ClockPattern().IsMatch(quiet.Start) ? "Schedule.QuietTime.Start must be HH:MM (00:00 to 23:59)." : null,
            quiet.End is null || !ClockPattern().IsMatch(quiet.End) ? "Schedule.QuietTime.End must be HH:MM (00:00 to 23:59)." : null);
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
