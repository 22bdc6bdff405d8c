namespace ServerlessInApp.Functions.Http;

/// <summary>
/// Every route of the HTTP API, in Pinpoint's paths. template.yaml declares the same list (a test compares them),
/// and the local host routes requests with it.
/// </summary>
public static class HttpRoutes
{
    public static readonly IReadOnlyList<HttpRoute> All =
    [
        // App routes: what a device calls.
        new("POST", "/v1/apps/{ApplicationId}/events", FunctionName.Ingest),
        new("PUT", "/v1/apps/{ApplicationId}/endpoints/{EndpointId}", FunctionName.Ingest),
        new("GET", "/v1/apps/{ApplicationId}/endpoints/{EndpointId}/inappmessages", FunctionName.Fetch),

        // Owner routes.
        new("POST", "/v1/apps", FunctionName.Admin),
        new("GET", "/v1/apps", FunctionName.Admin),
        new("GET", "/v1/apps/{ApplicationId}", FunctionName.Admin),
        new("DELETE", "/v1/apps/{ApplicationId}", FunctionName.Admin),
        new("GET", "/v1/apps/{ApplicationId}/settings", FunctionName.Admin),
        new("PUT", "/v1/apps/{ApplicationId}/settings", FunctionName.Admin),
        new("GET", "/v1/apps/{ApplicationId}/campaigns/{CampaignId}/kpis/daterange/{KpiName}", FunctionName.Admin),
        new("GET", "/v1/apps/{ApplicationId}/endpoints/{EndpointId}", FunctionName.Admin),
        new("DELETE", "/v1/apps/{ApplicationId}/endpoints/{EndpointId}", FunctionName.Admin),
        new("POST", "/v1/apps/{ApplicationId}/campaigns", FunctionName.Admin),
        new("GET", "/v1/apps/{ApplicationId}/campaigns", FunctionName.Admin),
        new("GET", "/v1/apps/{ApplicationId}/campaigns/{CampaignId}", FunctionName.Admin),
        new("PUT", "/v1/apps/{ApplicationId}/campaigns/{CampaignId}", FunctionName.Admin),
        new("DELETE", "/v1/apps/{ApplicationId}/campaigns/{CampaignId}", FunctionName.Admin),
        new("POST", "/v1/apps/{ApplicationId}/segments", FunctionName.Admin),
        new("GET", "/v1/apps/{ApplicationId}/segments/{SegmentId}", FunctionName.Admin),
        new("PUT", "/v1/apps/{ApplicationId}/segments/{SegmentId}", FunctionName.Admin),
        new("DELETE", "/v1/apps/{ApplicationId}/segments/{SegmentId}", FunctionName.Admin),
        new("GET", "/v1/templates", FunctionName.Admin),
        new("POST", "/v1/templates/{TemplateName}/inapp", FunctionName.Admin),
        new("GET", "/v1/templates/{TemplateName}/inapp", FunctionName.Admin),
        new("PUT", "/v1/templates/{TemplateName}/inapp", FunctionName.Admin),
        new("DELETE", "/v1/templates/{TemplateName}/inapp", FunctionName.Admin),
        new("GET", "/v1/templates/{TemplateName}/{TemplateType}/versions", FunctionName.Admin),
        new("PUT", "/v1/templates/{TemplateName}/{TemplateType}/active-version", FunctionName.Admin),
    ];

    /// <summary>
    /// A route a device may call (PutEvents, UpdateEndpoint, GetInAppMessages): the routes of the ingest and fetch
    /// functions. In AWS, AppApiPolicy grants exactly these (the Cognito identity pool's roles); locally the app key.
    /// Every other route is the owner's.
    /// </summary>
    public static bool IsAppRoute(HttpRoute route) => route.Function is FunctionName.Ingest or FunctionName.Fetch;

    public static HttpRoute? Match(string method, string rawPath, out Dictionary<string, string> pathParameters)
    {
        foreach (var route in All)
        {
            if (route.TryMatch(method, rawPath, out pathParameters)) return route;
        }
        pathParameters = new Dictionary<string, string>();
        return null;
    }
}
