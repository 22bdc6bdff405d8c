namespace ServerlessInApp.Bench;

public enum LoadEventKind
{
    /// <summary>No campaign listens for its event type.</summary>
    MatchesNothing,

    /// <summary>Entitles its endpoint to one campaign (new, or a refresh of an earlier grant).</summary>
    Grants,

    /// <summary><c>_inapp.message_displayed</c>: counts toward the caps and the metrics.</summary>
    Displayed,

    /// <summary><c>_inapp.message_clicked</c> or <c>_dismissed</c>: counts toward the metrics.</summary>
    ClickedOrDismissed,
}
