using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.Storage;
using static ServerlessInApp.IntegrationTests.Storage.StoreData;

namespace ServerlessInApp.IntegrationTests.Storage;

[Collection("emulators")]
public sealed class AppStoreTests(StorageTable table) : IClassFixture<StorageTable>
{
    private readonly AppStore _apps = new(table.Dynamo, table.Name);

    [Fact]
    public async Task Create_writes_the_app_item_with_catalog_version_zero_and_a_list_entry()
    {
        var app = App();

        await _apps.CreateAsync(app, default);

        var item = await table.GetRawAsync(Keys.App(app.Id), Keys.AppItem);
        Assert.NotNull(item);
        Assert.Equal("0", item["CatalogVersion"].N);
        Assert.Equal("store-test", item["Name"].S);
        var entry = await table.GetRawAsync(Keys.AppList, Keys.AppListEntry(app.Id));
        Assert.NotNull(entry);
        Assert.Equal(app.Id, entry["Id"].S);
        Assert.False(entry.ContainsKey("CatalogVersion"));

        var read = await _apps.GetAsync(app.Id, default);
        Assert.NotNull(read);
        Assert.Equal((app.Id, app.Name, app.CreationDate), (read.Id, read.Name, read.CreationDate));
        Assert.Equal("games", read.Tags["team"]);
    }

    [Fact]
    public async Task List_pages_through_every_created_app()
    {
        var created = new[] { App(), App(), App() };
        foreach (var app in created) await _apps.CreateAsync(app, default);

        var listed = new List<string>();
        string? token = null;
        do
        {
            var page = (await _apps.ListAsync(2, token, default))!;
            Assert.InRange(page.Items.Count, 0, 2);
            listed.AddRange(page.Items.Select(a => a.Id));
            token = page.NextToken;
        } while (token is not null);

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.All(created, app => Assert.Contains(app.Id, listed));
    }

    [Theory]
    [InlineData("%%%garbage")]
    [InlineData("zzzz")]
    [InlineData("VEVNUExBVEUjeA")] // base64url of TEMPLATE#x: a real sort key, of another list
    [InlineData("QVBQIw")] // base64url of APP# alone
    public async Task A_token_the_store_never_issued_is_refused_not_used_as_a_start_key(string token)
    {
        await _apps.CreateAsync(App(), default);

        Assert.Null(await _apps.ListAsync(10, token, default));
    }

    [Fact]
    public async Task Delete_removes_the_list_entry_and_every_item_of_the_app_partition()
    {
        var app = App();
        await _apps.CreateAsync(app, default);
        await new CampaignStore(table.Dynamo, table.Name).PutAsync(Campaign(app.Id, "c1", 1, "one"), null, default);
        await new SegmentStore(table.Dynamo, table.Name).PutAsync(Segment(app.Id, "s1"), null, default);
        Assert.Equal(3, (await table.QueryRawAsync(Keys.App(app.Id))).Count);

        Assert.True(await _apps.DeleteAsync(app.Id, default));

        Assert.Null(await table.GetRawAsync(Keys.AppList, Keys.AppListEntry(app.Id)));
        Assert.Empty(await table.QueryRawAsync(Keys.App(app.Id)));
        Assert.Null(await _apps.GetAsync(app.Id, default));
        var page = (await _apps.ListAsync(1000, null, default))!;
        Assert.DoesNotContain(page.Items, a => a.Id == app.Id);
    }

    [Fact]
    public async Task Delete_of_a_missing_app_returns_false_and_leaves_other_apps_alone()
    {
        var other = App();
        await _apps.CreateAsync(other, default);

        Assert.False(await _apps.DeleteAsync(NewId(), default));

        Assert.NotNull(await table.GetRawAsync(Keys.App(other.Id), Keys.AppItem));
        Assert.NotNull(await table.GetRawAsync(Keys.AppList, Keys.AppListEntry(other.Id)));
    }
}
