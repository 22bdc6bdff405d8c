namespace ServerlessInApp.Core.Segments;

/// <summary>
/// Demographic dimensions, compared case-insensitively with the endpoint's Demographic (Channel with its ChannelType).
/// <c>Locale</c> is our addition to Pinpoint's set; <c>DeviceType</c> is accepted and matched against Platform.
/// </summary>
public sealed record SegmentDemographics
{
    public SetDimension? AppVersion { get; init; }
    public SetDimension? Channel { get; init; }
    public SetDimension? DeviceType { get; init; }
    public SetDimension? Make { get; init; }
    public SetDimension? Model { get; init; }
    public SetDimension? Platform { get; init; }
    public SetDimension? Locale { get; init; }
}
