using ServerlessInApp.Core.Campaigns;

namespace ServerlessInApp.Core.Displays;

/// <summary>A campaign's caps per endpoint; null or 0 means no cap (as Pinpoint's clients read them).</summary>
public sealed record Caps(int? Total, int? Daily, int? Session)
{
    public static readonly Caps None = new(null, null, null);

    /// <summary>The campaign's own Limits, falling back member by member to the app's (ApplicationSettings.Limits).</summary>
    public static Caps For(CampaignLimits? campaign, CampaignLimits? app) => new(
        Positive(campaign?.Total) ?? Positive(app?.Total),
        Positive(campaign?.Daily) ?? Positive(app?.Daily),
        Positive(campaign?.Session) ?? Positive(app?.Session));

    private static int? Positive(int? value) => value is > 0 ? value : null;
}
