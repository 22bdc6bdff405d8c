using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessInApp.Functions.Http;
using ServerlessInApp.Functions.Lambda;

namespace ServerlessInApp.Functions.Tests.Lambda;

// The Lambda envelopes against fixture files in AWS's own shapes (Fixtures/*.json): every field we read must parse,
// under the exact, case-sensitive names AWS writes.
public sealed class LambdaJsonTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    [Fact]
    public void SqsEventParsesEveryField()
    {
        var sqs = JsonSerializer.Deserialize(Fixture("sqs-event.json"), LambdaJsonContext.Default.SqsEvent)!;

        Assert.Equal(2, sqs.Records.Count);
        var good = sqs.Records[0];
        Assert.Equal("059f36b4-87a3-44ab-83d2-661975830a7d", good.MessageId);
        Assert.Equal("AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...", good.ReceiptHandle);
        Assert.Equal(
            "{\"ApplicationId\":\"6b1e3a9f0c2d4e5f8a7b9c0d1e2f3a4b\",\"EndpointId\":\"device-1\",\"EventType\":\"level.completed\"}",
            good.Body);
        Assert.Equal("1", good.Attributes!.ApproximateReceiveCount);
        Assert.Equal("1545082649183", good.Attributes.SentTimestamp);
        Assert.Equal("AIDAIENQZJOLO23YVJ4VO", good.Attributes.SenderId);
        Assert.Equal("1545082649185", good.Attributes.ApproximateFirstReceiveTimestamp);
        Assert.Null(good.Attributes.AwsTraceHeader);
        Assert.Equal("451c0149f757257e467b1a95496037b3", good.Md5OfBody);
        Assert.Equal("1f3a2b4c5d6e7f8091a2b3c4d5e6f708", good.Md5OfMessageAttributes);
        Assert.Equal("aws:sqs", good.EventSource);
        Assert.Equal("arn:aws:sqs:us-east-2:123456789012:serverlessinapp-events", good.EventSourceArn);
        Assert.Equal("us-east-2", good.AwsRegion);

        var application = good.MessageAttributes!["ApplicationId"];
        Assert.Equal("String", application.DataType);
        Assert.Equal("6b1e3a9f0c2d4e5f8a7b9c0d1e2f3a4b", application.StringValue);
        Assert.Null(application.BinaryValue);
        Assert.Empty(application.StringListValues!);
        var checksum = good.MessageAttributes["Checksum"];
        Assert.Equal("Binary", checksum.DataType);
        Assert.Equal("c2VydmVybGVzc2luYXBw", checksum.BinaryValue);
        Assert.Empty(checksum.BinaryListValues!);

        var poison = sqs.Records[1];
        Assert.Equal("2e1424d4-f796-459a-8184-9c92662be6da", poison.MessageId);
        Assert.Equal("not json at all", poison.Body);
        Assert.Equal("3", poison.Attributes!.ApproximateReceiveCount);
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", poison.Attributes.AwsTraceHeader);
        Assert.Empty(poison.MessageAttributes!);
        Assert.Null(poison.Md5OfMessageAttributes);
    }

    [Fact]
    public void SqsEventWritesBackWhatItRead()
    {
        // The local host builds SQS events for the trigger function with this same model.
        var fixture = Fixture("sqs-event.json");
        var sqs = JsonSerializer.Deserialize(fixture, LambdaJsonContext.Default.SqsEvent)!;

        var written = JsonSerializer.Serialize(sqs, LambdaJsonContext.Default.SqsEvent);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(fixture), JsonNode.Parse(written)), written);
    }

    [Theory]
    [InlineData("{\"records\":[]}")]
    [InlineData("{\"Records\":[{\"MessageId\":\"m1\",\"body\":\"{}\"}]}")]
    [InlineData("{\"Records\":[{\"messageId\":\"m1\"}]}")]
    public void SqsEventRejectsMisnamedOrMissingMembers(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, LambdaJsonContext.Default.SqsEvent));
    }

    [Fact]
    public void SqsEventRejectsAnHttpApiRequest()
    {
        var http = Fixture("http-api-v2-request-iam-authorizer.json");

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(http, LambdaJsonContext.Default.SqsEvent));
    }

    [Fact]
    public void SqsBatchResponseIsWrittenInLambdasShape()
    {
        var response = SqsBatchResponse.Failing(["2e1424d4-f796-459a-8184-9c92662be6da"]);

        var written = JsonSerializer.Serialize(response, LambdaJsonContext.Default.SqsBatchResponse);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Fixture("sqs-batch-response.json")), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void AnEmptySqsBatchResponseStillNamesTheList()
    {
        var written = JsonSerializer.Serialize(SqsBatchResponse.Failing([]), LambdaJsonContext.Default.SqsBatchResponse);

        Assert.Equal("{\"batchItemFailures\":[]}", written);
    }

    [Fact]
    public void HttpApiRequestWithIamAuthorizerParsesEveryField()
    {
        var request = JsonSerializer.Deserialize(Fixture("http-api-v2-request-iam-authorizer.json"), LambdaJsonContext.Default.HttpApiRequest)!;

        Assert.Equal("2.0", request.Version);
        Assert.Equal("POST /v1/apps/{ApplicationId}/events", request.RouteKey);
        Assert.Equal("/v1/apps/6b1e3a9f0c2d4e5f8a7b9c0d1e2f3a4b/events", request.RawPath);
        Assert.Equal("trace=on&tag=a&tag=b", request.RawQueryString);
        Assert.Equal(["session=abc123", "theme=dark"], request.Cookies!);
        Assert.Equal("application/json", request.Headers!["content-type"]);
        Assert.Equal("20240312T190358Z", request.Header("X-Amz-Date"));
        Assert.Null(request.Header("authorization"));
        Assert.Equal("a,b", request.QueryStringParameters!["tag"]);
        Assert.Equal("on", request.QueryStringParameters["trace"]);
        Assert.Equal("6b1e3a9f0c2d4e5f8a7b9c0d1e2f3a4b", request.PathParameters!["ApplicationId"]);
        Assert.Equal("serverlessinapp", request.StageVariables!["tableName"]);
        Assert.StartsWith("{\"BatchItem\":{\"device-1\"", request.Body);
        Assert.Equal(request.Body, request.BodyText());
        Assert.False(request.IsBase64Encoded);

        var context = request.RequestContext;
        Assert.Equal("123456789012", context.AccountId);
        Assert.Equal("a1b2c3d4e5", context.ApiId);
        Assert.Equal("a1b2c3d4e5.execute-api.us-east-2.amazonaws.com", context.DomainName);
        Assert.Equal("a1b2c3d4e5", context.DomainPrefix);
        Assert.Equal("UmR9_gJ7iYcEMbQ=", context.RequestId);
        Assert.Equal("POST /v1/apps/{ApplicationId}/events", context.RouteKey);
        Assert.Equal("$default", context.Stage);
        Assert.Equal("12/Mar/2024:19:03:58 +0000", context.Time);
        Assert.Equal(1710270238390, context.TimeEpoch);

        Assert.Equal("POST", context.Http.Method);
        Assert.Equal("/v1/apps/6b1e3a9f0c2d4e5f8a7b9c0d1e2f3a4b/events", context.Http.Path);
        Assert.Equal("HTTP/1.1", context.Http.Protocol);
        Assert.Equal("198.51.100.23", context.Http.SourceIp);
        Assert.Equal("aws-amplify/6.0.0 js", context.Http.UserAgent);

        var iam = context.Authorizer!.Iam!;
        Assert.Equal("ASIAEXAMPLEACCESSKEY", iam.AccessKey);
        Assert.Equal("123456789012", iam.AccountId);
        Assert.Equal("AROAEXAMPLEROLEID:CognitoIdentityCredentials", iam.CallerId);
        Assert.Equal("o-exampleorg", iam.PrincipalOrgId);
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/serverlessinapp-app-role/CognitoIdentityCredentials", iam.UserArn);
        Assert.Equal("AROAEXAMPLEROLEID:CognitoIdentityCredentials", iam.UserId);
        Assert.Equal(["unauthenticated"], iam.CognitoIdentity!.Amr!);
        Assert.Equal("us-east-2:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", iam.CognitoIdentity.IdentityId);
        Assert.Equal("us-east-2:1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809", iam.CognitoIdentity.IdentityPoolId);
    }

    [Fact]
    public void HttpApiRequestKeepsAnEncodedSlashRawAndDecodesItsPathParameter()
    {
        var request = JsonSerializer.Deserialize(Fixture("http-api-v2-request-encoded-slash.json"), LambdaJsonContext.Default.HttpApiRequest)!;

        Assert.Equal("/v1/apps/6b1e3a9f0c2d4e5f8a7b9c0d1e2f3a4b/endpoints/user-42%2Fphone/inappmessages", request.RawPath);
        Assert.Equal("user-42/phone", request.PathParameters!["EndpointId"]);
        Assert.Equal("", request.RawQueryString);
        Assert.Null(request.QueryStringParameters);
        Assert.Null(request.Cookies);
        Assert.Null(request.Body);
        Assert.Null(request.BodyText());
        Assert.Null(request.RequestContext.Authorizer!.Iam!.PrincipalOrgId);
        Assert.Equal(
            ["authenticated", "cognito-idp.us-east-2.amazonaws.com/us-east-2_EXAMPLE"],
            request.RequestContext.Authorizer.Iam.CognitoIdentity!.Amr!);

        // Our route table, matching the raw path, must find what API Gateway found.
        var route = HttpRoutes.Match(request.RequestContext.Http.Method, request.RawPath, out var parameters);
        Assert.Equal(request.RouteKey, route?.RouteKey);
        Assert.Equal(request.PathParameters, parameters);
    }

    [Fact]
    public void HttpApiRequestDecodesABase64Body()
    {
        var json = """
            {"version":"2.0","routeKey":"$default","rawPath":"/v1/apps","body":"eyJOYW1lIjoiZ2FtZSJ9","isBase64Encoded":true,
             "requestContext":{"requestId":"r1","http":{"method":"POST"}}}
            """;

        var request = JsonSerializer.Deserialize(json, LambdaJsonContext.Default.HttpApiRequest)!;

        Assert.Equal("{\"Name\":\"game\"}", request.BodyText());
    }

    [Fact]
    public void HttpApiRequestRejectsAnSqsEvent()
    {
        var sqs = Fixture("sqs-event.json");

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(sqs, LambdaJsonContext.Default.HttpApiRequest));
    }

    [Fact]
    public void HttpApiResponseIsWrittenInApiGatewaysShape()
    {
        var response = new HttpApiResponse
        {
            StatusCode = 400,
            Headers = new Dictionary<string, string>
            {
                ["content-type"] = "application/json",
                ["x-amzn-errortype"] = "BadRequestException",
            },
            Body = "{\"Message\":\"EventType is required\",\"RequestID\":\"UmR9_gJ7iYcEMbQ=\"}",
        };

        var written = JsonSerializer.Serialize(response, LambdaJsonContext.Default.HttpApiResponse);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Fixture("http-api-v2-response.json")), JsonNode.Parse(written)), written);
        Assert.DoesNotContain("cookies", written);
    }

    [Fact]
    public void HttpApiResponseWritesCookies()
    {
        var written = JsonSerializer.Serialize(
            new HttpApiResponse { StatusCode = 204, Cookies = ["a=1; Secure"] }, LambdaJsonContext.Default.HttpApiResponse);

        Assert.Equal("{\"statusCode\":204,\"isBase64Encoded\":false,\"cookies\":[\"a=1; Secure\"]}", written);
    }

    [Fact]
    public void RuntimeApiErrorHasTheRuntimeApisNames()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("Unknown handler 'x'");
        }
        catch (InvalidOperationException exception)
        {
            thrown = exception;
        }

        var json = JsonNode.Parse(JsonSerializer.Serialize(RuntimeApiError.From(thrown), LambdaJsonContext.Default.RuntimeApiError))!;

        Assert.Equal("Unknown handler 'x'", (string?)json["errorMessage"]);
        Assert.Equal("InvalidOperationException", (string?)json["errorType"]);
        Assert.StartsWith("at ", (string?)json["stackTrace"]![0]);
    }
}
