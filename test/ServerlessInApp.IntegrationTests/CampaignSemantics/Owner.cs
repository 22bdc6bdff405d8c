using System.Text.Json.Nodes;
using ServerlessInApp.IntegrationTests.Http;

namespace ServerlessInApp.IntegrationTests.CampaignSemantics;

/// <summary>Campaign bodies for the semantics tests: Bodies.Campaign (shown on level_reached) with the limits under test.</summary>
public static class Owner
{
    public static JsonObject Limits(int? total = null, int? daily = null, int? session = null)
    {
        var limits = new JsonObject();
        if (total is not null) limits["Total"] = total;
        if (daily is not null) limits["Daily"] = daily;
        if (session is not null) limits["Session"] = session;
        return limits;
    }

    /// <summary>An inline campaign with header <paramref name="header"/> and exactly <paramref name="limits"/> (none when null).</summary>
    public static JsonObject Campaign(string segmentId, string header, JsonObject? limits, int priority = 3)
    {
        var campaign = Bodies.Campaign(segmentId, header, priority);
        campaign.Remove("Limits");
        if (limits is not null) campaign["Limits"] = limits;
        return campaign;
    }

    /// <summary>The header of the first content item of an InAppMessageCampaign: which message was served.</summary>
    public static string Header(JsonNode? campaign) =>
        campaign!["InAppMessage"]!["Content"]![0]!["HeaderConfig"]!["Header"]!.GetValue<string>();

    /// <summary>An app with the everyone segment; returns both ids.</summary>
    public static async Task<(string AppId, string SegmentId)> AppAsync(PinpointClient api)
    {
        var appId = await api.CreateAppAsync();
        return (appId, await api.CreateSegmentAsync(appId, Bodies.EveryoneSegment()));
    }
}
