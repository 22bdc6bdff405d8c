using ServerlessInApp.Core.UseCases;
using ServerlessInApp.Core.Validation;
using ServerlessInApp.Functions.Http;
using ServerlessInApp.Functions.Lambda;
using ServerlessInApp.Functions.Pinpoint;

namespace ServerlessInApp.Functions;

/// <summary>The app's write routes: PutEvents (validated here, queued for the trigger function) and UpdateEndpoint.</summary>
public sealed class IngestFunction(EventIngestion ingestion, EndpointRegistration endpoints) : IFunction
{
    public Task<Stream> Handle(Stream input, Invocation context) => HttpExchange.HandleAsync(input, async request =>
    {
        var ct = CancellationToken.None;
        switch (request.RouteKey)
        {
            case "POST /v1/apps/{ApplicationId}/events":
            {
                if (!HttpExchange.TryReadBody(request, PinpointJsonContext.Default.EventsSubmission, out var body, out var error, EventRules.MaxRequestBytes))
                    return error!;
                var outcome = await ingestion.PutEventsAsync(HttpExchange.Path(request, "ApplicationId"), body, ct);
                return outcome.IsSuccess
                    ? HttpExchange.Json(request, 202, WireMapping.Events(outcome.Value!), PinpointJsonContext.Default.EventsResponse)
                    : HttpExchange.Error(request, outcome);
            }
            case "PUT /v1/apps/{ApplicationId}/endpoints/{EndpointId}":
            {
                if (!HttpExchange.TryReadBody(request, PinpointJsonContext.Default.EndpointUpdate, out var body, out var error))
                    return error!;
                var outcome = await endpoints.UpdateAsync(HttpExchange.Path(request, "ApplicationId"), HttpExchange.Path(request, "EndpointId"), body, ct);
                return outcome.IsSuccess ? HttpExchange.Message(request, 202, "Accepted") : HttpExchange.Error(request, outcome);
            }
            default:
                return HttpExchange.UnknownRoute(request);
        }
    });
}
