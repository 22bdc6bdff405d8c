namespace ServerlessInApp.Functions.Pinpoint;

public sealed record TemplateVersionsResponse(IReadOnlyList<TemplateVersionResponse> Item, string? NextToken, string? Message, string? RequestID);
