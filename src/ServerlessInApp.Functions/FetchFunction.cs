using ServerlessInApp.Core.UseCases;
using ServerlessInApp.Functions.Http;
using ServerlessInApp.Functions.Lambda;
using ServerlessInApp.Functions.Pinpoint;

namespace ServerlessInApp.Functions;

/// <summary>GetInAppMessages: the latency-critical read.</summary>
public sealed class FetchFunction(InAppMessageFetch fetch) : IFunction
{
    public Task<Stream> Handle(Stream input, Invocation context) => HttpExchange.HandleAsync(input, async request =>
    {
        if (request.RouteKey != "GET /v1/apps/{ApplicationId}/endpoints/{EndpointId}/inappmessages") return HttpExchange.UnknownRoute(request);
        var outcome = await fetch.GetAsync(HttpExchange.Path(request, "ApplicationId"), HttpExchange.Path(request, "EndpointId"), CancellationToken.None);
        return outcome.IsSuccess
            ? HttpExchange.Json(request, 200, WireMapping.InAppMessages(outcome.Value!), PinpointJsonContext.Default.InAppMessagesResponse)
            : HttpExchange.Error(request, outcome);
    });
}
