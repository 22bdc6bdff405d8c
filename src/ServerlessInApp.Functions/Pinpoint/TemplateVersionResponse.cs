namespace ServerlessInApp.Functions.Pinpoint;

public sealed record TemplateVersionResponse
{
    public required string CreationDate { get; init; }
    public required string LastModifiedDate { get; init; }
    public string? TemplateDescription { get; init; }
    public required string TemplateName { get; init; }
    public required string TemplateType { get; init; }
    public string? Version { get; init; }
}
