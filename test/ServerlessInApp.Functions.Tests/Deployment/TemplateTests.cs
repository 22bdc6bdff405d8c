using System.Diagnostics;
using System.Text.RegularExpressions;
using ServerlessInApp.Functions.Http;
using ServerlessInApp.Storage;
using static ServerlessInApp.Functions.Tests.Deployment.CloudFormationYaml;

namespace ServerlessInApp.Functions.Tests.Deployment;

/// <summary>template.yaml (and the Makefile that builds it) against the code it deploys.</summary>
public sealed class TemplateTests
{
    private const string HandlerVariable = "SERVERLESSINAPP_HANDLER";
    private const string AppPolicy = "AppApiPolicy";
    private const string AdminPolicy = "AdminApiPolicy";
    private const int LambdaDefaultTimeoutSeconds = 3;

    private readonly SamTemplate _template = SamTemplate.Load();

    private string HandlerOf(string function) =>
        _template.FunctionProperty(function, "Handler") as string ?? "";

    private string FunctionWithHandler(string handler) =>
        Assert.Single(_template.Functions, function => HandlerOf(function) == handler);

    [Fact]
    public void Every_function_runs_a_handler_the_executable_knows()
    {
        Assert.NotEmpty(_template.Functions);
        foreach (var function in _template.Functions)
        {
            var handler = HandlerOf(function);
            Assert.True(FunctionName.All.Contains(handler),
                $"{function}: Handler '{handler}' is none of {string.Join(", ", FunctionName.All)}.");
            Assert.True(_template.Environment(function).TryGetValue(HandlerVariable, out var variable),
                $"{function}: {HandlerVariable} is not set.");
            Assert.Equal(handler, variable);
        }
    }

    [Fact]
    public void Every_known_handler_is_deployed_by_exactly_one_function()
    {
        var deployed = _template.Functions.Select(HandlerOf).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(FunctionName.All.Order(StringComparer.Ordinal), deployed);
    }

    [Fact]
    public void Every_function_is_the_arm64_bootstrap_that_the_Makefile_builds()
    {
        var project = File.ReadAllText(RepositoryRoot.File("src", "ServerlessInApp.Functions", "ServerlessInApp.Functions.csproj"));
        Assert.Contains("<AssemblyName>bootstrap</AssemblyName>", project, StringComparison.Ordinal);
        foreach (var function in _template.Functions)
        {
            Assert.Equal("provided.al2023", _template.FunctionProperty(function, "Runtime"));
            Assert.Equal(["arm64"], _template.FunctionProperty(function, "Architectures") as List<object?> ?? []);
            Assert.Equal("src/ServerlessInApp.Functions", _template.FunctionProperty(function, "CodeUri"));
            Assert.Equal("makefile", String(Map(_template.Resource(function), "Metadata"), "BuildMethod"));
        }
    }

    [Fact]
    public void Makefile_builds_every_function_as_a_self_contained_linux_arm64_bootstrap()
    {
        var makefile = RepositoryRoot.File("src", "ServerlessInApp.Functions", "Makefile");
        var project = RepositoryRoot.File("src", "ServerlessInApp.Functions", "ServerlessInApp.Functions.csproj");
        // SAM runs make in a scratch copy of CodeUri; any folder outside the repository stands in for it.
        var scratch = Directory.CreateTempSubdirectory("sam-scratch-");
        try
        {
            foreach (var function in _template.Functions)
            {
                var artifacts = Path.Combine(scratch.FullName, "out", function);
                var (exitCode, output) = Run("make", scratch.FullName,
                    "--dry-run", "--makefile", makefile, $"build-{function}", $"ARTIFACTS_DIR={artifacts}");
                Assert.True(exitCode == 0, $"make build-{function} failed ({exitCode}):\n{output}");
                Assert.Contains("dotnet publish", output, StringComparison.Ordinal);
                Assert.Contains($"\"{project}\"", output, StringComparison.Ordinal);
                Assert.Matches(@"--runtime\s+linux-arm64\b", output);
                Assert.Matches(@"--self-contained(\s+true)?\b", output);
                Assert.Matches(@"--configuration\s+Release\b", output);
                Assert.Contains($"--output \"{artifacts}\"", output, StringComparison.Ordinal);
                Assert.Contains($"chmod 755 \"{artifacts}/bootstrap\"", output, StringComparison.Ordinal);
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    [Fact]
    public void Http_api_routes_are_exactly_HttpRoutes_All()
    {
        var expected = HttpRoutes.All
            .Select(route => $"{route.Method} {route.PathTemplate} -> {route.Function}")
            .Order(StringComparer.Ordinal);
        var actual = _template.Functions
            .SelectMany(function => _template.Events(function)
                .Where(e => e.Type == "HttpApi")
                .Select(e => $"{String(e.Properties, "Method")?.ToUpperInvariant()} {String(e.Properties, "Path")} -> {HandlerOf(function)}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_route_requires_AWS_IAM_authorization()
    {
        var apis = _template.OfType("AWS::Serverless::HttpApi");
        Assert.NotEmpty(apis);
        foreach (var api in apis)
        {
            var auth = Map(_template.Properties(api), "Auth");
            Assert.Equal("true", String(auth, "EnableIamAuthorizer"));
            Assert.Equal("AWS_IAM", String(auth, "DefaultAuthorizer"));
        }

        var routes = 0;
        foreach (var function in _template.Functions)
        {
            foreach (var (name, _, properties) in _template.Events(function).Where(e => e.Type == "HttpApi"))
            {
                routes++;
                // Without ApiId SAM puts the route on an implicit API that has no authorizer at all.
                var api = Ref(properties.GetValueOrDefault("ApiId"));
                Assert.True(api is not null && apis.Contains(api), $"{function}.{name}: ApiId must reference one of {string.Join(", ", apis)}.");
                var authorizer = String(Map(properties, "Auth"), "Authorizer");
                Assert.True(authorizer is null or "AWS_IAM", $"{function}.{name}: Auth.Authorizer is '{authorizer}', not AWS_IAM.");
            }
        }
        Assert.Equal(HttpRoutes.All.Count, routes);
    }

    [Fact]
    public void Table_is_exactly_TableDefinition()
    {
        var table = Assert.Single(_template.OfType("AWS::DynamoDB::Table"));
        var properties = _template.Properties(table);
        var request = TableDefinition.CreateTableRequest("any");

        Assert.Equal(
            request.KeySchema.Select(key => $"{key.AttributeName} {key.KeyType.Value}"),
            List(properties, "KeySchema").Select(Map).Select(key => $"{String(key, "AttributeName")} {String(key, "KeyType")}"));
        Assert.Equal(
            request.AttributeDefinitions.Select(a => $"{a.AttributeName} {a.AttributeType.Value}").Order(StringComparer.Ordinal),
            List(properties, "AttributeDefinitions").Select(Map).Select(a => $"{String(a, "AttributeName")} {String(a, "AttributeType")}").Order(StringComparer.Ordinal));
        Assert.Equal(TableDefinition.BillingMode.Value, String(properties, "BillingMode"));

        var ttl = Map(properties, "TimeToLiveSpecification");
        Assert.Equal(TableDefinition.TimeToLiveAttribute, String(ttl, "AttributeName"));
        Assert.Equal("true", String(ttl, "Enabled"));

        Assert.Empty(request.GlobalSecondaryIndexes ?? []);
        Assert.Empty(List(properties, "GlobalSecondaryIndexes"));
        Assert.Empty(request.LocalSecondaryIndexes ?? []);
        Assert.Empty(List(properties, "LocalSecondaryIndexes"));
    }

    [Fact]
    public void Functions_are_wired_to_the_table_and_the_events_queue()
    {
        var table = Assert.Single(_template.OfType("AWS::DynamoDB::Table"));
        foreach (var function in _template.Functions)
        {
            var environment = _template.Environment(function);
            Assert.Equal(table, Ref(environment.GetValueOrDefault("TABLE_NAME")));
            Assert.Equal("AWS::AccountId", Ref(environment.GetValueOrDefault("ACCOUNT_ID")));
        }

        var queue = TriggerQueue();
        var ingest = FunctionWithHandler(FunctionName.Ingest);
        Assert.Equal(queue, Ref(_template.Environment(ingest).GetValueOrDefault("EVENTS_QUEUE_URL")));
        var send = List(_template.Properties(ingest), "Policies").Select(Map).Select(policy => Map(policy, "SQSSendMessagePolicy")).Single(p => p is not null);
        Assert.Equal((queue, "QueueName"), GetAtt(send!.GetValueOrDefault("QueueName")));
    }

    [Fact]
    public void Fetch_function_has_read_only_table_access()
    {
        var policies = List(_template.Properties(FunctionWithHandler(FunctionName.Fetch)), "Policies").Select(Map).ToList();
        Assert.All(policies, policy => Assert.Equal(["DynamoDBReadPolicy"], policy?.Keys.ToList() ?? []));
        Assert.NotEmpty(policies);
    }

    [Fact]
    public void Trigger_reports_batch_item_failures_and_failing_records_are_redriven_to_the_dead_letter_queue()
    {
        var trigger = FunctionWithHandler(FunctionName.Trigger);
        var sqs = Assert.Single(_template.Events(trigger), e => e.Type == "SQS").Properties;
        Assert.Contains("ReportBatchItemFailures", List(sqs, "FunctionResponseTypes"));
        Assert.InRange(Int(sqs, "BatchSize") ?? 10, 1, 10);

        var queue = Properties("AWS::SQS::Queue", TriggerQueue());
        var redrive = Map(queue, "RedrivePolicy");
        Assert.InRange(Int(redrive, "maxReceiveCount") ?? 0, 1, 10);
        var deadLetter = GetAtt(redrive?.GetValueOrDefault("deadLetterTargetArn"));
        Assert.True(deadLetter is { Attribute: "Arn" }, "The events queue's RedrivePolicy.deadLetterTargetArn must be !GetAtt <queue>.Arn.");
        Assert.NotEqual(TriggerQueue(), deadLetter.Value.LogicalId);

        // A standard queue's messages expire by their first enqueue time: the dead-letter queue must keep them longer.
        var deadLetterQueue = Properties("AWS::SQS::Queue", deadLetter.Value.LogicalId);
        Assert.True(Int(deadLetterQueue, "MessageRetentionPeriod") > (Int(queue, "MessageRetentionPeriod") ?? 345600),
            "The dead-letter queue must retain messages longer than the events queue.");
    }

    [Fact]
    public void Events_queue_visibility_timeout_is_at_least_six_times_the_trigger_timeout()
    {
        var trigger = FunctionWithHandler(FunctionName.Trigger);
        var timeout = _template.FunctionProperty(trigger, "Timeout") is string text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : LambdaDefaultTimeoutSeconds;
        var visibility = Int(Properties("AWS::SQS::Queue", TriggerQueue()), "VisibilityTimeout") ?? 30;
        Assert.True(visibility >= 6 * timeout, $"VisibilityTimeout {visibility}s is less than 6 x the trigger's Timeout {timeout}s.");
    }

    [Fact]
    public void Managed_policies_grant_exactly_the_app_routes_and_the_owner_routes()
    {
        static string Pattern(HttpRoute route) => $"{route.Method} {Regex.Replace(route.PathTemplate, @"\{[^}/]+\}", "*")}";
        var app = HttpRoutes.All.Where(HttpRoutes.IsAppRoute).Select(Pattern);
        var owner = HttpRoutes.All.Where(route => !HttpRoutes.IsAppRoute(route)).Select(Pattern);

        Assert.Equal(app.Order(StringComparer.Ordinal), InvokableRoutes(AppPolicy));
        Assert.Equal(owner.Order(StringComparer.Ordinal), InvokableRoutes(AdminPolicy));
        var outputs = _template.Outputs.Values.Select(output => Ref(Map(output)?.GetValueOrDefault("Value"))).ToList();
        Assert.Contains(AppPolicy, outputs);
        Assert.Contains(AdminPolicy, outputs);
    }

    [Fact]
    public void Identity_pool_roles_trust_only_the_pool_and_reach_only_the_app_routes()
    {
        var pool = Assert.Single(_template.OfType("AWS::Cognito::IdentityPool"));
        var attachment = Properties("AWS::Cognito::IdentityPoolRoleAttachment", Assert.Single(_template.OfType("AWS::Cognito::IdentityPoolRoleAttachment")));
        Assert.Equal(pool, Ref(attachment.GetValueOrDefault("IdentityPoolId")));
        var roles = Map(attachment, "Roles")!;
        var authenticated = GetAtt(roles["authenticated"]);
        // The guest role is attached only when guests are allowed: !If [condition, !GetAtt role.Arn, !Ref AWS::NoValue].
        var guestChoice = List(Map(roles["unauthenticated"]), "Fn::If");
        Assert.Equal(3, guestChoice.Count);
        var unauthenticated = GetAtt(guestChoice[1]);
        Assert.Equal("AWS::NoValue", Ref(guestChoice[2]));
        Assert.True(authenticated is { Attribute: "Arn" } && unauthenticated is { Attribute: "Arn" }, "The attachment maps both roles by !GetAtt <role>.Arn.");
        Assert.Equal(String(_template.Resource(unauthenticated.Value.LogicalId), "Condition"), guestChoice[0] as string);

        // Every role Cognito may hand out: the two attached, and any other role that trusts cognito-identity.
        var federated = _template.OfType("AWS::IAM::Role")
            .Where(role => Statements(Map(_template.Properties(role), "AssumeRolePolicyDocument"))
                .Any(s => String(Map(s, "Principal"), "Federated") == "cognito-identity.amazonaws.com"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(new[] { authenticated.Value.LogicalId, unauthenticated.Value.LogicalId }.Order(StringComparer.Ordinal), federated);

        foreach (var (role, amr) in new[] { (authenticated.Value.LogicalId, "authenticated"), (unauthenticated.Value.LogicalId, "unauthenticated") })
        {
            var properties = Properties("AWS::IAM::Role", role);
            var trust = Assert.Single(Statements(Map(properties, "AssumeRolePolicyDocument")));
            Assert.Equal("Allow", String(trust, "Effect"));
            Assert.Equal("sts:AssumeRoleWithWebIdentity", String(trust, "Action"));
            Assert.Equal(["Federated"], Map(trust, "Principal")!.Keys);
            var condition = Map(trust, "Condition");
            Assert.Equal(pool, Ref(Map(condition, "StringEquals")?.GetValueOrDefault("cognito-identity.amazonaws.com:aud")));
            Assert.Equal(amr, String(Map(condition, "ForAnyValue:StringLike"), "cognito-identity.amazonaws.com:amr"));

            // What the role may do: AppApiPolicy (exactly the app routes, asserted above) and nothing else.
            Assert.Equal([AppPolicy], List(properties, "ManagedPolicyArns").Select(Ref));
            Assert.Empty(List(properties, "Policies"));
            Assert.Null(properties.GetValueOrDefault("PermissionsBoundary"));
            foreach (var policy in _template.OfType("AWS::IAM::Policy").Concat(_template.OfType("AWS::IAM::ManagedPolicy")))
            {
                Assert.DoesNotContain(role, List(_template.Properties(policy), "Roles").Select(Ref));
            }
        }

        var output = Map(_template.Outputs.GetValueOrDefault("IdentityPoolId"));
        Assert.Equal(pool, Ref(output?.GetValueOrDefault("Value")));
        Assert.Equal(String(_template.Resource(pool), "Condition"), String(output, "Condition"));
    }

    private static List<Dictionary<string, object?>?> Statements(Dictionary<string, object?>? document) =>
        List(document, "Statement").Select(Map).ToList();

    /// <summary>"METHOD /path" for every execute-api:Invoke resource of a managed policy.</summary>
    private List<string> InvokableRoutes(string policy)
    {
        var api = Assert.Single(_template.OfType("AWS::Serverless::HttpApi"));
        var prefix = $"arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{{api}}}/*/";
        var statements = List(Map(Properties("AWS::IAM::ManagedPolicy", policy), "PolicyDocument"), "Statement").Select(Map).ToList();
        var routes = new List<string>();
        foreach (var statement in statements)
        {
            Assert.Equal("Allow", String(statement, "Effect"));
            Assert.Equal("execute-api:Invoke", String(statement, "Action"));
            foreach (var resource in List(statement, "Resource").Select(Sub))
            {
                Assert.NotNull(resource);
                Assert.StartsWith(prefix, resource, StringComparison.Ordinal);
                var methodAndPath = resource[prefix.Length..];
                var slash = methodAndPath.IndexOf('/', StringComparison.Ordinal);
                routes.Add($"{methodAndPath[..slash]} {methodAndPath[slash..]}");
            }
        }
        return [.. routes.Order(StringComparer.Ordinal)];
    }

    /// <summary>The queue the trigger function's SQS event reads (its logical id).</summary>
    private string TriggerQueue()
    {
        var trigger = FunctionWithHandler(FunctionName.Trigger);
        var sqs = Assert.Single(_template.Events(trigger), e => e.Type == "SQS").Properties;
        var queue = GetAtt(sqs.GetValueOrDefault("Queue"));
        Assert.True(queue is { Attribute: "Arn" }, "The trigger's SQS event must read !GetAtt <queue>.Arn.");
        return queue.Value.LogicalId;
    }

    private Dictionary<string, object?> Properties(string type, string logicalId)
    {
        Assert.Equal(type, String(_template.Resource(logicalId), "Type"));
        return _template.Properties(logicalId);
    }

    private static (int ExitCode, string Output) Run(string program, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30))) process.Kill(entireProcessTree: true);
        return (process.ExitCode, stdout + stderr.Result);
    }
}
