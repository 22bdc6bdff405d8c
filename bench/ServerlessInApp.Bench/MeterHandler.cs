using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ServerlessInApp.Bench;

/// <summary>
/// The HTTP handler under the product's DynamoDB client (see <see cref="DynamoDbMeter"/>). While capturing, it adds
/// <c>ReturnConsumedCapacity: TOTAL</c> to the request (DynamoDB Local does not check signatures, and the product reads
/// no capacity, so nothing else changes), reads the units from the response, and for a request that failed its
/// condition (DynamoDB Local then returns no capacity, while DynamoDB bills it) computes them from item sizes.
/// </summary>
public sealed class MeterHandler(DynamoDbMeter meter, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private static readonly MediaTypeHeaderValue AmzJson = new("application/x-amz-json-1.0");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.FirstOrDefault() ?? "" : "";
        var operation = target[(target.LastIndexOf('.') + 1)..];
        meter.CountOperation(operation);
        if (!meter.Capturing || request.Content is null) return await base.SendAsync(request, ct);

        var body = JsonNode.Parse(await request.Content.ReadAsByteArrayAsync(ct)) as JsonObject ?? [];
        var kind = RequestClassifier.Kind(operation, body);
        body["ReturnConsumedCapacity"] ??= "TOTAL";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString()));
        content.Headers.ContentType = request.Content.Headers.ContentType ?? AmzJson;
        request.Content = content;

        var response = await base.SendAsync(request, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        var replaced = new ByteArrayContent(bytes);
        foreach (var header in response.Content.Headers) replaced.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = replaced;

        var isRead = RequestClassifier.IsRead(operation);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var units = ConsumedUnits(bytes);
            meter.Record(operation, kind, isRead ? units : 0, isRead ? 0 : units, estimated: false, failed: false);
        }
        else
        {
            // A failed condition (or cancelled transaction) is billed by DynamoDB as if written; DynamoDB Local returns
            // no capacity for it, so it is computed from the request's item sizes (an upper bound).
            var units = CapacityEstimate.WriteUnits(operation, body);
            meter.Record(operation, kind, isRead ? units : 0, isRead ? 0 : units, estimated: true, failed: true);
        }
        return response;
    }

    private static double ConsumedUnits(byte[] response)
    {
        if (response.Length == 0) return 0;
        var node = JsonNode.Parse(response)?["ConsumedCapacity"];
        return node switch
        {
            JsonArray list => list.Sum(c => c?["CapacityUnits"]?.GetValue<double>() ?? 0),
            JsonObject one => one["CapacityUnits"]?.GetValue<double>() ?? 0,
            _ => 0,
        };
    }
}
