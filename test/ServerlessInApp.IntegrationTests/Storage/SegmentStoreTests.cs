using ServerlessInApp.Core.Segments;
using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.Storage;
using static ServerlessInApp.IntegrationTests.Storage.StoreData;

namespace ServerlessInApp.IntegrationTests.Storage;

[Collection("emulators")]
public sealed class SegmentStoreTests(StorageTable table) : IClassFixture<StorageTable>
{
    private readonly SegmentStore _segments = new(table.Dynamo, table.Name);

    private static Segment Named(string appId, string name) =>
        new(appId, "big", 1, new SegmentDefinition { Name = name }, Created, Created);

    [Fact]
    public async Task The_largest_segment_Fits_accepts_is_one_DynamoDB_stores_and_one_character_more_does_not_fit()
    {
        var app = App();
        await new AppStore(table.Dynamo, table.Name).CreateAsync(app, default);
        int low = 1, high = 500 * 1024;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (_segments.Fits(Named(app.Id, new string('n', middle)))) low = middle;
            else high = middle - 1;
        }

        Assert.False(_segments.Fits(Named(app.Id, new string('n', low + 1))));
        Assert.True(await _segments.PutAsync(Named(app.Id, new string('n', low)), null, default));
        Assert.NotNull(await table.GetRawAsync(Keys.App(app.Id), Keys.Segment("big")));
    }
}
