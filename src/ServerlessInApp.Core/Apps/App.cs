namespace ServerlessInApp.Core.Apps;

/// <summary>An application (Pinpoint "project"): the scope of endpoints, segments and campaigns.</summary>
public sealed record App(string Id, string Name, IReadOnlyDictionary<string, string> Tags, DateTimeOffset CreationDate);
