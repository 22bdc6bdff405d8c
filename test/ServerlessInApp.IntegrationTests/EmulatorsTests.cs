using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using ServerlessInApp.IntegrationTests.Fixtures;

namespace ServerlessInApp.IntegrationTests;

// Checks that the emulator fixture gives working DynamoDB and SQS endpoints with the features the
// product relies on (conditional writes, redrive to a dead-letter queue).
[Collection("emulators")]
public sealed class EmulatorsTests(Emulators emulators)
{
    [Fact]
    public async Task DynamoDbLocal_CreatesTable_AndHonoursConditionalPut()
    {
        using var dynamo = emulators.CreateDynamoDbClient();
        var table = "emulators-smoke-" + Guid.NewGuid().ToString("N");

        await dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions =
            [
                new AttributeDefinition("PK", ScalarAttributeType.S),
                new AttributeDefinition("SK", ScalarAttributeType.S),
            ],
            KeySchema = [new KeySchemaElement("PK", KeyType.HASH), new KeySchemaElement("SK", KeyType.RANGE)],
        });
        var item = new Dictionary<string, AttributeValue>
        {
            ["PK"] = new() { S = "APP#1" },
            ["SK"] = new() { S = "CAMPAIGN#1" },
            ["Name"] = new() { S = "spring-promo" },
        };
        var putIfAbsent = new PutItemRequest
        {
            TableName = table,
            Item = item,
            ConditionExpression = "attribute_not_exists(#pk)",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = "PK" },
        };

        await dynamo.PutItemAsync(putIfAbsent);
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => dynamo.PutItemAsync(putIfAbsent));

        var read = await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new Dictionary<string, AttributeValue> { ["PK"] = item["PK"], ["SK"] = item["SK"] },
            ConsistentRead = true,
        });
        Assert.Equal("spring-promo", read.Item["Name"].S);
        await dynamo.DeleteTableAsync(table);
    }

    [Fact]
    public async Task Fauxqs_DeliversMessage_ThenRedrivesItToDeadLetterQueue()
    {
        using var sqs = emulators.CreateSqsClient();
        var suffix = Guid.NewGuid().ToString("N");

        var deadLetterUrl = (await sqs.CreateQueueAsync("smoke-dlq-" + suffix)).QueueUrl;
        var deadLetterArn = (await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
        {
            QueueUrl = deadLetterUrl,
            AttributeNames = ["QueueArn"],
        })).QueueARN;
        var queueUrl = (await sqs.CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = "smoke-events-" + suffix,
            Attributes = new Dictionary<string, string>
            {
                ["RedrivePolicy"] = $"{{\"deadLetterTargetArn\":\"{deadLetterArn}\",\"maxReceiveCount\":\"1\"}}",
                ["VisibilityTimeout"] = "30",
            },
        })).QueueUrl;

        await sqs.SendMessageAsync(queueUrl, "{\"eventType\":\"purchase\"}");

        var first = await ReceiveOneAsync(sqs, queueUrl);
        Assert.NotNull(first);
        Assert.Equal("{\"eventType\":\"purchase\"}", first.Body);
        Assert.Equal("1", first.Attributes["ApproximateReceiveCount"]);

        // Give the message back without deleting it: its next receive exceeds maxReceiveCount 1.
        await sqs.ChangeMessageVisibilityAsync(queueUrl, first.ReceiptHandle, 0);
        Assert.Null(await ReceiveOneAsync(sqs, queueUrl));

        var redriven = await ReceiveOneAsync(sqs, deadLetterUrl);
        Assert.NotNull(redriven);
        Assert.Equal(first.MessageId, redriven.MessageId);
        Assert.Equal(first.Body, redriven.Body);

        await sqs.DeleteQueueAsync(queueUrl);
        await sqs.DeleteQueueAsync(deadLetterUrl);
    }

    private static async Task<Message?> ReceiveOneAsync(IAmazonSQS sqs, string queueUrl)
    {
        var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = queueUrl,
            MaxNumberOfMessages = 1,
            WaitTimeSeconds = 1,
            MessageSystemAttributeNames = ["ApproximateReceiveCount"],
        });
        // AWSSDK v4 leaves an empty list null.
        return response.Messages is { Count: > 0 } messages ? messages[0] : null;
    }
}
