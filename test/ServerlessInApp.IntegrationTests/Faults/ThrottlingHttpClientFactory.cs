using System.Net;
using System.Text;
using Amazon.Runtime;

namespace ServerlessInApp.IntegrationTests.Faults;

/// <summary>
/// Gives the product's DynamoDB client HTTP clients that answer a share of its requests, at random, the way DynamoDB
/// throttles: 400 ThrottlingException, without the request reaching DynamoDB Local. The SDK sees exactly what it
/// would see from AWS and retries with its backoff; what the retries do not absorb fails the record, which SQS delivers
/// again. The test only: the product never sees this type.
/// </summary>
public sealed class ThrottlingHttpClientFactory(double rate, int seed) : HttpClientFactory
{
    private readonly Handler _handler = new(rate, new Random(seed));

    public int Requests => _handler.Requests;

    public int Throttled => _handler.Throttled;

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(_handler, disposeHandler: false);

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

    private sealed class Handler(double rate, Random random) : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _requests;
        private int _throttled;

        public int Requests => _requests;

        public int Throttled => _throttled;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            bool throttle;
            lock (random) throttle = random.NextDouble() < rate;
            if (!throttle) return base.SendAsync(request, cancellationToken);

            Interlocked.Increment(ref _throttled);
            var response = new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                RequestMessage = request,
                Content = new StringContent(
                    """{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"Rate of requests exceeds the allowed throughput."}""",
                    Encoding.UTF8, "application/x-amz-json-1.0"),
            };
            response.Headers.Add("x-amzn-RequestId", Guid.NewGuid().ToString("N"));
            return Task.FromResult(response);
        }
    }
}
