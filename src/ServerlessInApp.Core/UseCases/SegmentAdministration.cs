using ServerlessInApp.Core.Outcomes;
using ServerlessInApp.Core.Segments;
using ServerlessInApp.Core.Stores;
using ServerlessInApp.Core.Validation;

namespace ServerlessInApp.Core.UseCases;

public sealed class SegmentAdministration(IAppStore apps, ISegmentStore segments, TimeProvider clock)
{
    public async Task<Outcome<Segment>> CreateAsync(string appId, SegmentDefinition? definition, CancellationToken ct)
    {
        if (definition is null) return Outcome<Segment>.BadRequest("The request body must be a WriteSegmentRequest object.");
        var error = SegmentRules.Validate(definition) ?? TagRules.Validate(definition.Tags);
        if (error is not null) return Outcome<Segment>.BadRequest(error);
        if (await apps.GetAsync(appId, ct) is null) return AppAdministration.NotFound(appId).As<Segment>();

        var now = clock.GetUtcNow();
        var segment = new Segment(appId, Ids.New(), 1, definition, now, now);
        if (!segments.Fits(segment)) return TooLarge();
        return await segments.PutAsync(segment, null, ct) ? segment : AppAdministration.NotFound(appId).As<Segment>();
    }

    public async Task<Outcome<Segment>> GetAsync(string appId, string segmentId, CancellationToken ct) =>
        await segments.GetAsync(appId, segmentId, ct) is { } segment ? segment : NotFound(appId, segmentId);

    public async Task<Outcome<Segment>> UpdateAsync(string appId, string segmentId, SegmentDefinition? definition, CancellationToken ct)
    {
        if (definition is null) return Outcome<Segment>.BadRequest("The request body must be a WriteSegmentRequest object.");
        var error = SegmentRules.Validate(definition);
        if (error is not null) return Outcome<Segment>.BadRequest(error);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var current = await segments.GetAsync(appId, segmentId, ct);
            if (current is null) return NotFound(appId, segmentId);
            var updated = current with
            {
                Version = current.Version + 1,
                Definition = definition with { Tags = current.Definition.Tags },
                LastModifiedDate = clock.GetUtcNow(),
            };
            if (!segments.Fits(updated)) return TooLarge();
            if (await segments.PutAsync(updated, current.Version, ct)) return updated;
        }
        return Outcome<Segment>.Fail(ErrorKind.Conflict, $"Segment '{segmentId}' is being changed by another request; try again.");
    }

    public async Task<Outcome<Segment>> DeleteAsync(string appId, string segmentId, CancellationToken ct)
    {
        var current = await segments.GetAsync(appId, segmentId, ct);
        if (current is null || !await segments.DeleteAsync(appId, segmentId, ct)) return NotFound(appId, segmentId);
        return current;
    }

    private static Outcome<Segment> TooLarge() =>
        Outcome<Segment>.BadRequest("The segment is too large to store (400 KB): shorten its Dimensions or tags.");

    public static Outcome<Segment> NotFound(string appId, string segmentId) =>
        Outcome<Segment>.NotFound($"Segment '{segmentId}' does not exist in application '{appId}'.");
}
