using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.SQS.Model;
using ServerlessInApp.Functions.Tests.Deployment;
using ServerlessInApp.IntegrationTests.Fixtures;
using static ServerlessInApp.Functions.Tests.Deployment.CloudFormationYaml;

namespace ServerlessInApp.IntegrationTests.Deployment;

/// <summary>
/// What the local stack creates on the emulators is what template.yaml deploys: the same table (keys, attribute
/// types, billing, TTL) and the same redrive, read back from DynamoDB Local and fauxqs rather than from our code.
/// </summary>
[Collection("emulators")]
public sealed class TableMatchesTemplateTests(ProductHost host) : IClassFixture<ProductHost>
{
    private readonly SamTemplate _template = SamTemplate.Load();

    private Dictionary<string, object?> TemplateResource(string type) => _template.Properties(Assert.Single(_template.OfType(type)));

    [Fact]
    public async Task Local_table_has_the_keys_attribute_types_billing_and_ttl_of_the_template()
    {
        var declared = TemplateResource("AWS::DynamoDB::Table");
        using var dynamo = host.Emulators.CreateDynamoDbClient();

        var table = (await dynamo.DescribeTableAsync(host.Options.TableName)).Table;
        var ttl = (await dynamo.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = host.Options.TableName })).TimeToLiveDescription;

        Assert.Equal(
            List(declared, "KeySchema").Select(Map).Select(k => $"{String(k, "AttributeName")} {String(k, "KeyType")}"),
            table.KeySchema.Select(k => $"{k.AttributeName} {k.KeyType.Value}"));
        Assert.Equal(
            List(declared, "AttributeDefinitions").Select(Map).Select(a => $"{String(a, "AttributeName")} {String(a, "AttributeType")}").Order(StringComparer.Ordinal),
            table.AttributeDefinitions.Select(a => $"{a.AttributeName} {a.AttributeType.Value}").Order(StringComparer.Ordinal));
        Assert.Equal(String(declared, "BillingMode"), table.BillingModeSummary?.BillingMode?.Value);
        Assert.Equal(List(declared, "GlobalSecondaryIndexes").Count, table.GlobalSecondaryIndexes?.Count ?? 0);
        Assert.Equal(List(declared, "LocalSecondaryIndexes").Count, table.LocalSecondaryIndexes?.Count ?? 0);

        var declaredTtl = Map(declared, "TimeToLiveSpecification");
        Assert.Equal("true", String(declaredTtl, "Enabled"));
        Assert.Equal(TimeToLiveStatus.ENABLED, ttl.TimeToLiveStatus);
        Assert.Equal(String(declaredTtl, "AttributeName"), ttl.AttributeName);
    }

    [Fact]
    public async Task Local_events_queue_redrives_to_its_dead_letter_queue_after_the_templates_receive_count()
    {
        var eventsQueue = Assert.Single(_template.OfType("AWS::SQS::Queue"), id => Map(_template.Properties(id), "RedrivePolicy") is not null);
        var declaredRedrive = Map(_template.Properties(eventsQueue), "RedrivePolicy");
        var deadLetter = _template.Properties(GetAtt(declaredRedrive!["deadLetterTargetArn"])!.Value.LogicalId);
        using var sqs = host.Emulators.CreateSqsClient();

        var eventsAttributes = (await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
        {
            QueueUrl = host.Queues.EventsQueueUrl,
            AttributeNames = ["RedrivePolicy"],
        })).Attributes;
        var deadLetterAttributes = (await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
        {
            QueueUrl = host.Queues.DeadLetterQueueUrl,
            AttributeNames = ["QueueArn", "MessageRetentionPeriod"],
        })).Attributes;

        var redrive = JsonNode.Parse(eventsAttributes["RedrivePolicy"])!;
        Assert.Equal(Int(declaredRedrive, "maxReceiveCount"), int.Parse(redrive["maxReceiveCount"]!.ToString()));
        Assert.Equal(deadLetterAttributes["QueueArn"], redrive["deadLetterTargetArn"]!.GetValue<string>());
        Assert.Equal(String(deadLetter, "MessageRetentionPeriod"), deadLetterAttributes["MessageRetentionPeriod"]);
    }
}
