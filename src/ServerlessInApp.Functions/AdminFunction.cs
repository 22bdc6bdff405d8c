using ServerlessInApp.Core.Outcomes;
using ServerlessInApp.Core.UseCases;
using ServerlessInApp.Functions.Http;
using ServerlessInApp.Functions.Lambda;
using ServerlessInApp.Functions.Pinpoint;

namespace ServerlessInApp.Functions;

/// <summary>The owner's routes: apps, endpoints (read and delete), segments, campaigns and in-app templates.</summary>
public sealed class AdminFunction(
    AppAdministration apps,
    EndpointRegistration endpoints,
    SegmentAdministration segments,
    CampaignAdministration campaigns,
    CampaignMetricsQuery metrics,
    TemplateAdministration templates,
    WireMapping wire) : IFunction
{
    private static PinpointJsonContext Wire => PinpointJsonContext.Default;

    public Task<Stream> Handle(Stream input, Invocation context) => HttpExchange.HandleAsync(input, request => Route(request, CancellationToken.None));

    private async Task<HttpApiResponse> Route(HttpApiRequest r, CancellationToken ct)
    {
        string P(string name) => HttpExchange.Path(r, name);
        string? Q(string name) => HttpExchange.Query(r, name);

        switch (r.RouteKey)
        {
            case "POST /v1/apps":
            {
                if (!HttpExchange.TryReadBody(r, Wire.CreateApplicationRequest, out var body, out var error)) return error!;
                return Reply(r, 201, await apps.CreateAsync(body!.Name, body.Tags, ct), wire.App, Wire.ApplicationResponse);
            }
            case "GET /v1/apps":
                return Reply(r, 200, await apps.ListAsync(Q("page-size"), Q("token"), ct),
                    page => new ListPage<ApplicationResponse>(page.Items.Select(wire.App).ToList(), page.NextToken), Wire.ListPageApplicationResponse);
            case "GET /v1/apps/{ApplicationId}":
                return Reply(r, 200, await apps.GetAsync(P("ApplicationId"), ct), wire.App, Wire.ApplicationResponse);
            case "DELETE /v1/apps/{ApplicationId}":
                return Reply(r, 200, await apps.DeleteAsync(P("ApplicationId"), ct), wire.App, Wire.ApplicationResponse);

            case "GET /v1/apps/{ApplicationId}/settings":
                return Reply(r, 200, await apps.GetSettingsAsync(P("ApplicationId"), ct), WireMapping.Settings, Wire.ApplicationSettingsResource);
            case "PUT /v1/apps/{ApplicationId}/settings":
            {
                if (!HttpExchange.TryReadBody(r, Wire.ApplicationSettings, out var body, out var error)) return error!;
                return Reply(r, 200, await apps.UpdateSettingsAsync(P("ApplicationId"), body, ct), WireMapping.Settings, Wire.ApplicationSettingsResource);
            }
            case "GET /v1/apps/{ApplicationId}/campaigns/{CampaignId}/kpis/daterange/{KpiName}":
                return Reply(r, 200, await metrics.GetAsync(P("ApplicationId"), P("CampaignId"), P("KpiName"), Q("start-time"), Q("end-time"), ct),
                    result => WireMapping.Kpis(P("ApplicationId"), P("CampaignId"), result), Wire.CampaignDateRangeKpiResponse);

            case "GET /v1/apps/{ApplicationId}/endpoints/{EndpointId}":
                return Reply(r, 200, await endpoints.GetAsync(P("ApplicationId"), P("EndpointId"), ct), e => e, Wire.Endpoint);
            case "DELETE /v1/apps/{ApplicationId}/endpoints/{EndpointId}":
                return Reply(r, 202, await endpoints.DeleteAsync(P("ApplicationId"), P("EndpointId"), ct), e => e, Wire.Endpoint);

            case "POST /v1/apps/{ApplicationId}/segments":
            {
                if (!HttpExchange.TryReadBody(r, Wire.SegmentDefinition, out var body, out var error)) return error!;
                return Reply(r, 201, await segments.CreateAsync(P("ApplicationId"), body, ct), wire.Segment, Wire.SegmentResponse);
            }
            case "GET /v1/apps/{ApplicationId}/segments/{SegmentId}":
                return Reply(r, 200, await segments.GetAsync(P("ApplicationId"), P("SegmentId"), ct), wire.Segment, Wire.SegmentResponse);
            case "PUT /v1/apps/{ApplicationId}/segments/{SegmentId}":
            {
                if (!HttpExchange.TryReadBody(r, Wire.SegmentDefinition, out var body, out var error)) return error!;
                return Reply(r, 200, await segments.UpdateAsync(P("ApplicationId"), P("SegmentId"), body, ct), wire.Segment, Wire.SegmentResponse);
            }
            case "DELETE /v1/apps/{ApplicationId}/segments/{SegmentId}":
                return Reply(r, 200, await segments.DeleteAsync(P("ApplicationId"), P("SegmentId"), ct), wire.Segment, Wire.SegmentResponse);

            case "POST /v1/apps/{ApplicationId}/campaigns":
            {
                if (!HttpExchange.TryReadBody(r, Wire.CampaignDefinition, out var body, out var error)) return error!;
                return Reply(r, 201, await campaigns.CreateAsync(P("ApplicationId"), body, ct), wire.Campaign, Wire.CampaignResponse);
            }
            case "GET /v1/apps/{ApplicationId}/campaigns":
                return Reply(r, 200, await campaigns.ListAsync(P("ApplicationId"), Q("page-size"), Q("token"), ct),
                    page => new ListPage<CampaignResponse>(page.Items.Select(wire.Campaign).ToList(), page.NextToken), Wire.ListPageCampaignResponse);
            case "GET /v1/apps/{ApplicationId}/campaigns/{CampaignId}":
                return Reply(r, 200, await campaigns.GetAsync(P("ApplicationId"), P("CampaignId"), ct), wire.Campaign, Wire.CampaignResponse);
            case "PUT /v1/apps/{ApplicationId}/campaigns/{CampaignId}":
            {
                if (!HttpExchange.TryReadBody(r, Wire.CampaignDefinition, out var body, out var error)) return error!;
                return Reply(r, 200, await campaigns.UpdateAsync(P("ApplicationId"), P("CampaignId"), body, ct), wire.Campaign, Wire.CampaignResponse);
            }
            case "DELETE /v1/apps/{ApplicationId}/campaigns/{CampaignId}":
                return Reply(r, 200, await campaigns.DeleteAsync(P("ApplicationId"), P("CampaignId"), ct), wire.Campaign, Wire.CampaignResponse);

            case "GET /v1/templates":
                return Reply(r, 200, await templates.ListAsync(Q("prefix"), Q("page-size"), Q("next-token"), Q("template-type"), ct),
                    page => new ListPage<TemplateResponse>(page.Items.Select(wire.TemplateListItem).ToList(), page.NextToken), Wire.ListPageTemplateResponse);
            case "POST /v1/templates/{TemplateName}/inapp":
            {
                if (!HttpExchange.TryReadBody(r, Wire.TemplateDefinition, out var body, out var error)) return error!;
                return Reply(r, 201, await templates.CreateAsync(P("TemplateName"), body, ct),
                    t => new TemplateCreateMessageBody(wire.Template(t).Arn!, "Created", r.RequestContext.RequestId), Wire.TemplateCreateMessageBody);
            }
            case "GET /v1/templates/{TemplateName}/inapp":
                return Reply(r, 200, await templates.GetAsync(P("TemplateName"), Q("version"), ct), wire.Template, Wire.InAppTemplateResponse);
            case "PUT /v1/templates/{TemplateName}/inapp":
            {
                if (!HttpExchange.TryReadBody(r, Wire.TemplateDefinition, out var body, out var error)) return error!;
                var outcome = await templates.UpdateAsync(P("TemplateName"), body, Q("create-new-version"), Q("version"), ct);
                return outcome.IsSuccess ? HttpExchange.Message(r, 202, "Accepted") : HttpExchange.Error(r, outcome);
            }
            case "DELETE /v1/templates/{TemplateName}/inapp":
            {
                var outcome = await templates.DeleteAsync(P("TemplateName"), Q("version"), ct);
                return outcome.IsSuccess ? HttpExchange.Message(r, 202, "Accepted") : HttpExchange.Error(r, outcome);
            }
            case "GET /v1/templates/{TemplateName}/{TemplateType}/versions":
                return Reply(r, 200, await templates.ListVersionsAsync(P("TemplateName"), P("TemplateType"), Q("page-size"), Q("next-token"), ct),
                    page => new TemplateVersionsResponse(page.Items.Select(WireMapping.TemplateVersion).ToList(), page.NextToken, null, r.RequestContext.RequestId),
                    Wire.TemplateVersionsResponse);
            case "PUT /v1/templates/{TemplateName}/{TemplateType}/active-version":
            {
                if (!HttpExchange.TryReadBody(r, Wire.TemplateActiveVersionRequest, out var body, out var error)) return error!;
                var outcome = await templates.SetActiveVersionAsync(P("TemplateName"), P("TemplateType"), body!.Version, ct);
                return outcome.IsSuccess ? HttpExchange.Message(r, 200, "Accepted") : HttpExchange.Error(r, outcome);
            }
            default:
                return HttpExchange.UnknownRoute(r);
        }
    }

    private static HttpApiResponse Reply<T, TWire>(HttpApiRequest r, int status, Outcome<T> outcome, Func<T, TWire> map,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<TWire> type) =>
        outcome.IsSuccess ? HttpExchange.Json(r, status, map(outcome.Value!), type) : HttpExchange.Error(r, outcome);
}
