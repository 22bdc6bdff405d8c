namespace ServerlessInApp.Functions.Pinpoint;

public sealed record TemplateActiveVersionRequest
{
    public string? Version { get; init; }
}
