namespace ServerlessInApp.Core.Displays;

/// <summary>The endpoint's current session, from its latest _session.start (or in-app event) by session start time.</summary>
public sealed record SessionMarker(string SessionId, DateTimeOffset StartedAt);
