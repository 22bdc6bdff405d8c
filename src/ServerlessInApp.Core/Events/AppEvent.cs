namespace ServerlessInApp.Core.Events;

/// <summary>An accepted event on its way through the events queue to trigger evaluation.</summary>
public sealed record AppEvent(string ApplicationId, string EndpointId, string EventId, AppEventBody Body);
