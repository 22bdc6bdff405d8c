using System.Text.Json.Serialization;
using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Endpoints;
using ServerlessInApp.Core.Events;
using ServerlessInApp.Core.Segments;
using ServerlessInApp.Core.Templates;

namespace ServerlessInApp.Functions.Pinpoint;

/// <summary>
/// The Pinpoint wire (restJson1): member names are the C# names, which are Pinpoint's PascalCase model names; the
/// exceptions (<c>tags</c>) are pinned with [JsonPropertyName]. Matching is case-sensitive and a member named twice in
/// one object is an error, so a mistyped or duplicated member is never silently taken for another.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(MessageBody))]
[JsonSerializable(typeof(CreateApplicationRequest))]
[JsonSerializable(typeof(ApplicationResponse))]
[JsonSerializable(typeof(ListPage<ApplicationResponse>))]
[JsonSerializable(typeof(EndpointUpdate))]
[JsonSerializable(typeof(Endpoint))]
[JsonSerializable(typeof(EventsSubmission))]
[JsonSerializable(typeof(EventsResponse))]
[JsonSerializable(typeof(InAppMessagesResponse))]
[JsonSerializable(typeof(TemplateDefinition))]
[JsonSerializable(typeof(InAppTemplateResponse))]
[JsonSerializable(typeof(TemplateCreateMessageBody))]
[JsonSerializable(typeof(ListPage<TemplateResponse>))]
[JsonSerializable(typeof(TemplateVersionsResponse))]
[JsonSerializable(typeof(TemplateActiveVersionRequest))]
[JsonSerializable(typeof(CampaignDefinition))]
[JsonSerializable(typeof(CampaignResponse))]
[JsonSerializable(typeof(ListPage<CampaignResponse>))]
[JsonSerializable(typeof(SegmentDefinition))]
[JsonSerializable(typeof(SegmentResponse))]
[JsonSerializable(typeof(ServerlessInApp.Core.Settings.ApplicationSettings))]
[JsonSerializable(typeof(ApplicationSettingsResource))]
[JsonSerializable(typeof(CampaignDateRangeKpiResponse))]
public sealed partial class PinpointJsonContext : JsonSerializerContext;
