namespace ServerlessInApp.Core.Displays;

/// <summary>
/// How often one endpoint was shown one campaign (Scope = the campaign id), or any in-app message (Scope = "*"):
/// in total, on <see cref="Day"/> (the endpoint's local day), and in <see cref="Session"/>. Each count stops at its own cap,
/// so they say whether the cap is reached, not how often a device over-showed. <see cref="SeenDay"/> is the last day
/// with any display, counted or not (for unique displays per day). Revision guards concurrent writers.
/// </summary>
public sealed record DisplayCounter(
    string Scope,
    long Total,
    string? Day,
    int DayCount,
    string? Session,
    int SessionCount,
    string? SeenDay,
    long Revision)
{
    public const string AllMessages = "*";

    public static DisplayCounter Empty(string scope) => new(scope, 0, null, 0, null, 0, null, 0);
}
