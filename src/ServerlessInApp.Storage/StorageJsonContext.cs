using System.Text.Json.Serialization;
using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Endpoints;
using ServerlessInApp.Core.Messages;
using ServerlessInApp.Core.Segments;
using ServerlessInApp.Core.Templates;

namespace ServerlessInApp.Storage;

/// <summary>
/// Definitions are stored as one JSON attribute each, in the same member names as the wire: they are only ever read
/// whole, and a new optional member needs no migration.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CampaignDefinition))]
[JsonSerializable(typeof(InAppMessage))]
[JsonSerializable(typeof(List<InAppMessage>))]
[JsonSerializable(typeof(ServerlessInApp.Core.Settings.ApplicationSettings))]
[JsonSerializable(typeof(List<ServerlessInApp.Core.Metrics.MetricContribution>))]
[JsonSerializable(typeof(SegmentDefinition))]
[JsonSerializable(typeof(TemplateDefinition))]
[JsonSerializable(typeof(ServerlessInApp.Core.Endpoints.Endpoint))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
