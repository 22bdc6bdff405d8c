namespace ServerlessInApp.Core.Settings;

public sealed record ApplicationSettingsRecord(string ApplicationId, ApplicationSettings Settings, DateTimeOffset? LastModifiedDate);
