namespace ServerlessInApp.Core.Segments;

public sealed record Segment(
    string ApplicationId,
    string Id,
    int Version,
    SegmentDefinition Definition,
    DateTimeOffset CreationDate,
    DateTimeOffset LastModifiedDate);
