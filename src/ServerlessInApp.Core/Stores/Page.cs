namespace ServerlessInApp.Core.Stores;

/// <summary>One page of a list; NextToken is opaque to clients and absent on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextToken);
