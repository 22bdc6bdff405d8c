using System.Text.Json.Serialization;

namespace ServerlessInApp.LocalHost;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class LocalJsonContext : JsonSerializerContext;
