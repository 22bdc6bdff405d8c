using Amazon.DynamoDBv2.Model;
using Amazon.SQS.Model;
using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.IntegrationTests.Http;

namespace ServerlessInApp.IntegrationTests.BadInput;

/// <summary>
/// The product with one app seeded through its own API: a segment, an in-app template, a campaign using both, and a
/// registered endpoint already entitled to the campaign. Then the event source mapping is stopped, so every event
/// the API accepts afterwards stays in the queue and the queue's depth shows it.
/// </summary>
public sealed class BadInputHost(Emulators emulators) : ProductHost(emulators)
{
    public const string MissingApp = "0123456789abcdef0123456789abcdef";
    public const string TemplateName = "catalog-template";
    public const string EndpointId = "player-1";

    private Dictionary<string, string> _placeholders = new();

    public CatalogFigures Figures { get; } = new();

    /// <summary>{app}, {segment}, {template}, {campaign}, {endpoint}, {missingApp}, {future}, {past}; {unique} is added per case.</summary>
    public IReadOnlyDictionary<string, string> Placeholders(string unique) =>
        new Dictionary<string, string>(_placeholders, StringComparer.Ordinal) { ["unique"] = unique };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var api = new PinpointClient(Http);
        var appId = await api.CreateAppAsync();
        await api.CreateTemplateAsync(TemplateName, Bodies.Template("Welcome back"));
        var segmentId = await api.CreateSegmentAsync(appId, Bodies.EveryoneSegment());
        var campaignId = await api.CreateCampaignAsync(appId, Bodies.TemplateCampaign(segmentId, TemplateName));
        await api.UpdateEndpointAsync(appId, EndpointId, Bodies.Endpoint("gold"));
        await api.PutEventAsync(appId, EndpointId, Bodies.MatchingEvent());
        await api.EventuallyShownAsync(appId, EndpointId, campaignId);
        await EventsHandledAsync();
        await StopEventSourceMappingAsync();

        var now = DateTimeOffset.UtcNow;
        _placeholders = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["app"] = appId,
            ["segment"] = segmentId,
            ["template"] = TemplateName,
            ["campaign"] = campaignId,
            ["endpoint"] = EndpointId,
            ["missingApp"] = MissingApp,
            ["future"] = PinpointClient.Iso(now.AddDays(30)),
            ["past"] = PinpointClient.Iso(now.AddDays(-1)),
        };
    }

    /// <summary>Every item of the table, raw, one per line block in key order, then the events queue's depth.</summary>
    public async Task<(string Table, string Queue)> SnapshotAsync()
    {
        using var dynamo = Emulators.CreateDynamoDbClient();
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.ScanAsync(new ScanRequest { TableName = Options.TableName, ConsistentRead = true, ExclusiveStartKey = start });
            items.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        } while (start is not null);
        var table = string.Join("\n---\n", items
            .OrderBy(i => i["PK"].S, StringComparer.Ordinal).ThenBy(i => i["SK"].S, StringComparer.Ordinal)
            .Select(RawItems.Describe));

        using var sqs = Emulators.CreateSqsClient();
        var attributes = (await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
        {
            QueueUrl = Queues.EventsQueueUrl,
            AttributeNames = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"],
        })).Attributes;
        var queue = string.Join(' ', attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));
        return (table, queue);
    }
}

/// <summary>What the catalog run saw, for the summary at its end.</summary>
public sealed class CatalogFigures
{
    private readonly object _gate = new();

    public int BadInputsTried { get; private set; }
    public int FourXxSeen { get; private set; }
    public int RejectedPerItem { get; private set; }
    public int FiveXxSeen { get; private set; }
    public int TableChanges { get; private set; }
    public int QueueChanges { get; private set; }
    public int AcceptedAsGiven { get; private set; }
    public List<string> FiveXxCases { get; } = [];
    public List<string> ChangedCases { get; } = [];

    public void Record(CatalogCase c, int status, bool tableChanged, bool queueChanged)
    {
        lock (_gate)
        {
            if (c.IsBadInput) BadInputsTried++;
            else AcceptedAsGiven++;
            if (status is >= 400 and < 500) FourXxSeen++;
            if (c.IsBadInput && status is >= 200 and < 300) RejectedPerItem++;
            if (status >= 500)
            {
                FiveXxSeen++;
                FiveXxCases.Add(c.Name);
            }
            if (tableChanged) TableChanges++;
            if (queueChanged) QueueChanges++;
            if (tableChanged || queueChanged) ChangedCases.Add(c.Name);
        }
    }
}
