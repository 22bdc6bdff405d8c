namespace ServerlessInApp.Functions.Pinpoint;

/// <summary>Key, Type ("String", "Long" or "Double") and the value written as a string, as Pinpoint does.</summary>
public sealed record ResultRowValue(string Key, string Type, string Value);
