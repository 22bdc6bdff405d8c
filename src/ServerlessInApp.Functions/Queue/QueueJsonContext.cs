using System.Text.Json.Serialization;
using ServerlessInApp.Core.Events;

namespace ServerlessInApp.Functions.Queue;

/// <summary>The events queue's message body: one accepted event, written by ingest and read by trigger.</summary>
// A body missing any member, or with a null where the record says non-null, is unreadable: it fails to parse
// rather than reaching the trigger path half-filled.
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(AppEvent))]
public sealed partial class QueueJsonContext : JsonSerializerContext;
