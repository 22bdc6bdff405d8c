using ServerlessInApp.Core.Segments;
using ServerlessInApp.Core.Validation;

namespace ServerlessInApp.Core.Campaigns;

/// <summary>A campaign with its schedule parsed and its segment resolved, ready to be evaluated many times.</summary>
public sealed record LiveCampaign(Campaign Campaign, Segment? Segment, DateTimeOffset? Start, DateTimeOffset? End)
{
    public static LiveCampaign From(Campaign campaign, Segment? segment)
    {
        var schedule = campaign.Definition.Schedule;
        DateTimeOffset? start = schedule?.StartTime is { } s && s != "IMMEDIATE" && Check.TryParseInstant(s, out var st) ? st : null;
        DateTimeOffset? end = schedule?.EndTime is { } e && Check.TryParseInstant(e, out var en) ? en : null;
        return new LiveCampaign(campaign, segment, start, end);
    }

    public string Id => Campaign.Id;

    /// <summary>Pinpoint's status: a campaign whose segment was deleted is DELETED and never delivers.</summary>
    public string Status(DateTimeOffset now) =>
        Segment is null ? CampaignStatus.Deleted
        : End is { } end && now >= end ? CampaignStatus.Completed
        : Campaign.Definition.IsPaused == true ? CampaignStatus.Paused
        : Start is { } start && now < start ? CampaignStatus.Scheduled
        : CampaignStatus.Executing;

    public bool IsDeliverable(DateTimeOffset now) => Status(now) == CampaignStatus.Executing;
}
