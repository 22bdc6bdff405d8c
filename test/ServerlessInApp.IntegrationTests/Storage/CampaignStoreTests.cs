using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.Storage;
using static ServerlessInApp.IntegrationTests.Storage.StoreData;

namespace ServerlessInApp.IntegrationTests.Storage;

[Collection("emulators")]
public sealed class CampaignStoreTests(StorageTable table) : IClassFixture<StorageTable>
{
    private readonly AppStore _apps = new(table.Dynamo, table.Name);
    private readonly CampaignStore _campaigns = new(table.Dynamo, table.Name);

    private async Task<string> CatalogVersionAsync(string appId) =>
        (await table.GetRawAsync(Keys.App(appId), Keys.AppItem))!["CatalogVersion"].N;

    [Fact]
    public async Task Put_writes_the_campaign_and_bumps_the_apps_catalog_version()
    {
        var app = App();
        await _apps.CreateAsync(app, default);

        Assert.True(await _campaigns.PutAsync(Campaign(app.Id, "c1", 1, "first"), null, default));
        Assert.Equal("1", await CatalogVersionAsync(app.Id));
        Assert.True(await _campaigns.PutAsync(Campaign(app.Id, "c2", 1, "second"), null, default));
        Assert.Equal("2", await CatalogVersionAsync(app.Id));

        var item = await table.GetRawAsync(Keys.App(app.Id), Keys.Campaign("c1"));
        Assert.NotNull(item);
        Assert.Equal("1", item["Version"].N);
        Assert.Equal("Campaign", item["Type"].S);
        Assert.Equal("first", (await _campaigns.GetAsync(app.Id, "c1", default))!.Definition.Name);
    }

    [Fact]
    public async Task Put_for_a_deleted_app_fails_and_writes_nothing()
    {
        var app = App();
        await _apps.CreateAsync(app, default);
        await _apps.DeleteAsync(app.Id, default);

        Assert.False(await _campaigns.PutAsync(Campaign(app.Id, "c1", 1, "orphan"), null, default));

        Assert.Empty(await table.QueryRawAsync(Keys.App(app.Id)));
    }

    [Fact]
    public async Task Put_of_a_new_campaign_fails_when_the_id_is_taken_and_leaves_the_stamp()
    {
        var app = App();
        await _apps.CreateAsync(app, default);
        await _campaigns.PutAsync(Campaign(app.Id, "c1", 1, "original"), null, default);
        var before = RawItems.Describe(await table.GetRawAsync(Keys.App(app.Id), Keys.Campaign("c1")));

        Assert.False(await _campaigns.PutAsync(Campaign(app.Id, "c1", 1, "impostor"), null, default));

        Assert.Equal(before, RawItems.Describe(await table.GetRawAsync(Keys.App(app.Id), Keys.Campaign("c1"))));
        Assert.Equal("1", await CatalogVersionAsync(app.Id));
    }

    [Fact]
    public async Task Update_with_the_stored_version_succeeds_and_a_stale_version_changes_nothing()
    {
        var app = App();
        await _apps.CreateAsync(app, default);
        await _campaigns.PutAsync(Campaign(app.Id, "c1", 1, "v1"), null, default);

        Assert.True(await _campaigns.PutAsync(Campaign(app.Id, "c1", 2, "v2"), expectedVersion: 1, default));
        var afterUpdate = RawItems.Describe(await table.GetRawAsync(Keys.App(app.Id), Keys.Campaign("c1")));
        Assert.Equal("2", await CatalogVersionAsync(app.Id));

        // A writer that read version 1 before the update above lost the race.
        Assert.False(await _campaigns.PutAsync(Campaign(app.Id, "c1", 2, "stale"), expectedVersion: 1, default));

        Assert.Equal(afterUpdate, RawItems.Describe(await table.GetRawAsync(Keys.App(app.Id), Keys.Campaign("c1"))));
        Assert.Equal("2", await CatalogVersionAsync(app.Id));
        Assert.Equal("v2", (await _campaigns.GetAsync(app.Id, "c1", default))!.Definition.Name);
    }

    [Fact]
    public async Task Update_of_a_missing_campaign_fails_and_does_not_create_it()
    {
        var app = App();
        await _apps.CreateAsync(app, default);

        Assert.False(await _campaigns.PutAsync(Campaign(app.Id, "ghost", 2, "ghost"), expectedVersion: 1, default));

        Assert.Null(await table.GetRawAsync(Keys.App(app.Id), Keys.Campaign("ghost")));
        Assert.Equal("0", await CatalogVersionAsync(app.Id));
    }

    [Fact]
    public async Task Delete_removes_the_campaign_bumps_the_stamp_and_reports_a_missing_one()
    {
        var app = App();
        await _apps.CreateAsync(app, default);
        await _campaigns.PutAsync(Campaign(app.Id, "c1", 1, "doomed"), null, default);

        Assert.True(await _campaigns.DeleteAsync(app.Id, "c1", default));
        Assert.Null(await table.GetRawAsync(Keys.App(app.Id), Keys.Campaign("c1")));
        Assert.Equal("2", await CatalogVersionAsync(app.Id));

        Assert.False(await _campaigns.DeleteAsync(app.Id, "c1", default));
        Assert.Equal("2", await CatalogVersionAsync(app.Id));
    }
}
