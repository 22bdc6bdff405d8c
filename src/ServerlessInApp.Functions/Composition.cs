using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SQS;
using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.UseCases;
using ServerlessInApp.Functions.Http;
using ServerlessInApp.Functions.Pinpoint;
using ServerlessInApp.Functions.Queue;
using ServerlessInApp.Storage;

namespace ServerlessInApp.Functions;

/// <summary>
/// Builds clients, stores and use cases once per execution environment (and once for the whole local host), then hands
/// out the function a handler name asks for. No container: four functions do not need one.
/// </summary>
public sealed class Composition : IDisposable
{
    private readonly Settings _settings;
    private readonly AmazonDynamoDBClient _dynamo;
    private readonly Lazy<AmazonSQSClient> _sqs;
    private readonly CatalogCache _catalogs;
    private readonly TimeProvider _clock;

    /// <param name="dynamoDbHttp">
    /// How the DynamoDB client makes its HTTP clients; null (Lambda, run.sh) is the SDK's own. Fault tests inject errors
    /// through it and load harnesses count requests, below the SDK's retries, exactly where a real fault would be.
    /// </param>
    public Composition(Settings settings, TimeProvider? clock = null, HttpClientFactory? dynamoDbHttp = null)
    {
        _settings = settings;
        _clock = clock ?? TimeProvider.System;
        var region = RegionEndpoint.GetBySystemName(settings.Region);
        var dynamoConfig = new AmazonDynamoDBConfig { RegionEndpoint = region };
        if (settings.DynamoDbServiceUrl is { } dynamoUrl) dynamoConfig.ServiceURL = dynamoUrl;
        if (dynamoDbHttp is not null) dynamoConfig.HttpClientFactory = dynamoDbHttp;
        _dynamo = new AmazonDynamoDBClient(dynamoConfig);
        _sqs = new Lazy<AmazonSQSClient>(() =>
        {
            var sqsConfig = new AmazonSQSConfig { RegionEndpoint = region };
            if (settings.SqsServiceUrl is { } sqsUrl) sqsConfig.ServiceURL = sqsUrl;
            return new AmazonSQSClient(sqsConfig);
        });
        _catalogs = new CatalogCache(new CatalogStore(_dynamo, settings.TableName));
    }

    public IAmazonDynamoDB DynamoDb => _dynamo;
    public IAmazonSQS Sqs => _sqs.Value;

    public static IFunction CreateFunction(string handlerName, Settings settings) => new Composition(settings).Function(handlerName);

    public IFunction Function(string handlerName)
    {
        var table = _settings.TableName;
        var apps = new AppStore(_dynamo, table);
        var endpoints = new EndpointStore(_dynamo, table);
        var registration = new EndpointRegistration(apps, endpoints, _clock);
        return handlerName switch
        {
            FunctionName.Ingest => new IngestFunction(
                new EventIngestion(apps, registration, new SqsEventQueue(_sqs.Value, _settings.RequireEventsQueueUrl())), registration),
            FunctionName.Trigger => new TriggerFunction(new TriggerEvaluation(_catalogs, endpoints, new AnalyticsStore(_dynamo, table, _clock), _clock)),
            FunctionName.Fetch => new FetchFunction(new InAppMessageFetch(_catalogs, endpoints, _clock)),
            FunctionName.Admin => new AdminFunction(
                new AppAdministration(apps, _clock),
                registration,
                new SegmentAdministration(apps, new SegmentStore(_dynamo, table), _clock),
                new CampaignAdministration(apps, new CampaignStore(_dynamo, table), new SegmentStore(_dynamo, table),
                    new CatalogStore(_dynamo, table), new TemplateStore(_dynamo, table), _clock),
                new CampaignMetricsQuery(new CampaignStore(_dynamo, table), new AnalyticsStore(_dynamo, table, _clock), _clock),
                new TemplateAdministration(new TemplateStore(_dynamo, table), _clock),
                new WireMapping(new Arns(_settings.Region, _settings.AccountId), _clock)),
            _ => throw new ArgumentException(
                $"Unknown handler '{handlerName}'. Set _HANDLER or SERVERLESSINAPP_HANDLER to one of: {string.Join(", ", FunctionName.All)}."),
        };
    }

    public void Dispose()
    {
        _dynamo.Dispose();
        if (_sqs.IsValueCreated) _sqs.Value.Dispose();
    }
}
