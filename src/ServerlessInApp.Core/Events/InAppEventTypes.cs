namespace ServerlessInApp.Core.Events;

/// <summary>The event types with a meaning of their own (sent by Amplify and Pinpoint's other clients).</summary>
public static class InAppEventTypes
{
    public const string Displayed = "_inapp.message_displayed";
    public const string Clicked = "_inapp.message_clicked";
    public const string Dismissed = "_inapp.message_dismissed";
    public const string SessionStart = "_session.start";

    public const string CampaignIdAttribute = "campaign_id";
    public const string TreatmentIdAttribute = "treatment_id";

    public static bool IsAnalytics(string? eventType) => eventType is Displayed or Clicked or Dismissed;
}
