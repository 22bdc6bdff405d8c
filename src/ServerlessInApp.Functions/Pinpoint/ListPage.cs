namespace ServerlessInApp.Functions.Pinpoint;

/// <summary>Pinpoint's list pages (ApplicationsResponse, CampaignsResponse, TemplatesResponse): <c>Item</c> is singular.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Item, string? NextToken);
