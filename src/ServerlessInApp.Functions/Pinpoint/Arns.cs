namespace ServerlessInApp.Functions.Pinpoint;

/// <summary>ARNs in Pinpoint's resource format, so clients that parse them keep working.</summary>
public sealed record Arns(string Region, string AccountId)
{
    private string Prefix => $"arn:aws:mobiletargeting:{Region}:{AccountId}:";

    public string App(string appId) => $"{Prefix}apps/{appId}";
    public string Campaign(string appId, string campaignId) => $"{Prefix}apps/{appId}/campaigns/{campaignId}";
    public string Segment(string appId, string segmentId) => $"{Prefix}apps/{appId}/segments/{segmentId}";
    public string InAppTemplate(string name) => $"{Prefix}templates/{name}/INAPP";
}
