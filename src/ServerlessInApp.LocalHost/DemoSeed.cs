using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessInApp.LocalHost;

/// <summary>
/// Seeds a demo through the public API, as an owner would (signed with the owner key): an app, an in-app template, an
/// "everyone" segment and a campaign that shows the template when an endpoint posts level_reached with level = 10.
/// </summary>
public static class DemoSeed
{
    public sealed record Demo(string AppId, string CampaignId, string EndpointId);

    public static async Task<Demo> SeedAsync(string baseUrl, DevelopmentKey ownerKey, string region, CancellationToken ct = default)
    {
        using var http = SigV4SigningHandler.Client(baseUrl, ownerKey, region);
        var app = await PostAsync(http, "/v1/apps", """{"Name":"demo-game","tags":{"seeded-by":"run.sh --demo"}}""", ct);
        var appId = app["Id"]!.GetValue<string>();

        var templateName = "level-10-reward";
        using (var existing = await http.GetAsync($"/v1/templates/{templateName}/inapp", ct))
        {
            if (!existing.IsSuccessStatusCode)
            {
                await PostAsync(http, $"/v1/templates/{templateName}/inapp", """
                    {"Layout":"MIDDLE_BANNER","TemplateDescription":"Shown when a player reaches level 10",
                     "CustomConfig":{"reward":"gold-100"},
                     "Content":[{"BackgroundColor":"#1B1F3B",
                       "HeaderConfig":{"Alignment":"CENTER","Header":"Level 10!","TextColor":"#FFD700"},
                       "BodyConfig":{"Alignment":"CENTER","Body":"You earned 100 gold. Keep going!","TextColor":"#FFFFFF"},
                       "ImageUrl":"https://example.com/images/trophy.png",
                       "PrimaryBtn":{"DefaultConfig":{"ButtonAction":"DEEP_LINK","Text":"Claim","Link":"mygame://rewards",
                                                      "BackgroundColor":"#FFD700","TextColor":"#1B1F3B","BorderRadius":8},
                                     "Web":{"ButtonAction":"LINK","Link":"https://example.com/rewards"}},
                       "SecondaryBtn":{"DefaultConfig":{"ButtonAction":"CLOSE","Text":"Later"}}}]}
                    """, ct);
            }
        }

        var segment = await PostAsync(http, $"/v1/apps/{appId}/segments", """{"Name":"everyone"}""", ct);
        var campaign = await PostAsync(http, $"/v1/apps/{appId}/campaigns", """
            {"Name":"level-10-reward","SegmentId":"SEGMENT_ID","Priority":1,
             "Limits":{"Session":1,"Total":3},
             "TemplateConfiguration":{"InAppTemplate":{"Name":"TEMPLATE_NAME"}},
             "Schedule":{"StartTime":"IMMEDIATE","Frequency":"IN_APP_EVENT",
               "EventFilter":{"FilterType":"ENDPOINT","Dimensions":{
                 "EventType":{"DimensionType":"INCLUSIVE","Values":["level_reached"]},
                 "Attributes":{"level":{"AttributeType":"INCLUSIVE","Values":["10"]}}}}}}
            """.Replace("SEGMENT_ID", segment["Id"]!.GetValue<string>()).Replace("TEMPLATE_NAME", templateName), ct);
        return new Demo(appId, campaign["Id"]!.GetValue<string>(), "player-1");
    }

    /// <summary>The two commands a newcomer runs, signed with the app key as a device would: post the triggering event, then fetch the message.</summary>
    public static string CurlCommands(string baseUrl, Demo demo, DevelopmentKey appKey, string region)
    {
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var body = """{"BatchItem":{"ENDPOINT":{"Endpoint":{"ChannelType":"IN_APP"},"Events":{"event-1":{"EventType":"level_reached","Timestamp":"NOW","Attributes":{"level":"10"}}}}}}"""
            .Replace("ENDPOINT", demo.EndpointId).Replace("NOW", now);
        var sign = Curl(appKey, region);
        var sb = new StringBuilder();
        sb.AppendLine("Demo seeded: app " + demo.AppId + ", campaign " + demo.CampaignId + ".");
        sb.AppendLine("1. Post the event that triggers the campaign (signed with the app key, as a device would):");
        sb.AppendLine($"   curl -s {sign} -X POST {baseUrl}/v1/apps/{demo.AppId}/events -H 'Content-Type: application/json' -d '{body}'");
        sb.AppendLine("2. Fetch the message the endpoint is now entitled to:");
        sb.AppendLine($"   curl -s {sign} {baseUrl}/v1/apps/{demo.AppId}/endpoints/{demo.EndpointId}/inappmessages");
        return sb.ToString();
    }

    /// <summary>The development keys and how to sign with them: printed when the host starts.</summary>
    public static string SigningHelp(string baseUrl, LocalHostOptions options)
    {
        var (app, owner) = (options.AppKey, options.OwnerKey);
        var width = Math.Max(app.AccessKeyId.Length + app.SecretAccessKey.Length, owner.AccessKeyId.Length + owner.SecretAccessKey.Length) + 3;
        var sb = new StringBuilder();
        sb.AppendLine($"Every request must be signed (AWS Signature Version 4, region {options.Region}, service execute-api or mobiletargeting)");
        sb.AppendLine("with one of the development keys (LOCAL_APP_/LOCAL_OWNER_ACCESS_KEY_ID and _SECRET_ACCESS_KEY change them):");
        sb.AppendLine($"  app    {$"{app.AccessKeyId} / {app.SecretAccessKey}".PadRight(width)}  PutEvents, UpdateEndpoint, GetInAppMessages only");
        sb.AppendLine($"  owner  {$"{owner.AccessKeyId} / {owner.SecretAccessKey}".PadRight(width)}  every route");
        sb.AppendLine($"  JS:    new PinpointClient({{ endpoint: \"{baseUrl}\", region: \"{options.Region}\", credentials: {{ accessKeyId: \"{owner.AccessKeyId}\", secretAccessKey: \"{owner.SecretAccessKey}\" }} }})");
        sb.Append($"  curl:  curl -s {Curl(owner, options.Region)} {baseUrl}/v1/apps");
        return sb.ToString();
    }

    /// <summary>curl's own SigV4 signing (curl 7.75 or later; it signs the body given with -d).</summary>
    private static string Curl(DevelopmentKey key, string region) =>
        $"--aws-sigv4 'aws:amz:{region}:execute-api' --user '{key.AccessKeyId}:{key.SecretAccessKey}'";

    private static async Task<JsonNode> PostAsync(HttpClient http, string path, string json, CancellationToken ct)
    {
        using var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Seeding {path} failed: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"Seeding {path} returned no JSON.");
    }
}
