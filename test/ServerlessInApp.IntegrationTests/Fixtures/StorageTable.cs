using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServerlessInApp.Storage;

namespace ServerlessInApp.IntegrationTests.Fixtures;

/// <summary>A table of its own on DynamoDB Local, created from TableDefinition, for one storage test class.</summary>
public sealed class StorageTable(Emulators emulators) : IAsyncLifetime
{
    public string Name { get; } = "it-store-" + Guid.NewGuid().ToString("N")[..12];

    public IAmazonDynamoDB Dynamo { get; } = emulators.CreateDynamoDbClient();

    public Task InitializeAsync() => TableDefinition.EnsureCreatedAsync(Dynamo, Name);

    public async Task DisposeAsync()
    {
        await Dynamo.DeleteTableAsync(Name);
        Dynamo.Dispose();
    }

    public Task<Dictionary<string, AttributeValue>?> GetRawAsync(string pk, string sk) => RawItems.GetAsync(Dynamo, Name, pk, sk);

    public Task<List<Dictionary<string, AttributeValue>>> QueryRawAsync(string pk) => RawItems.QueryAsync(Dynamo, Name, pk);
}
