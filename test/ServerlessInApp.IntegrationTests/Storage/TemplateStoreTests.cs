using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.Storage;
using static ServerlessInApp.IntegrationTests.Storage.StoreData;

namespace ServerlessInApp.IntegrationTests.Storage;

[Collection("emulators")]
public sealed class TemplateStoreTests(StorageTable table) : IClassFixture<StorageTable>
{
    private readonly TemplateStore _templates = new(table.Dynamo, table.Name);

    private static string NewName() => "tpl-" + NewId();

    private async Task<(string Latest, string Active)> SummaryAsync(string name)
    {
        var item = await table.GetRawAsync(Keys.TemplateList, Keys.TemplateSummary(name));
        Assert.NotNull(item);
        return (item["LatestVersion"].N, item["ActiveVersion"].N);
    }

    private async Task<string> WithVersionsAsync(int count)
    {
        var name = NewName();
        Assert.True(await _templates.CreateAsync(Template(name, 1), default));
        for (var version = 2; version <= count; version++)
        {
            Assert.True(await _templates.AddVersionAsync(Template(name, version), version - 1, default));
        }
        return name;
    }

    [Fact]
    public async Task Create_writes_version_one_as_latest_and_active_and_refuses_a_second_create()
    {
        var name = NewName();

        Assert.True(await _templates.CreateAsync(Template(name, 1), default));
        Assert.False(await _templates.CreateAsync(Template(name, 1) with { Definition = Template(name, 9).Definition }, default));

        Assert.Equal(("1", "1"), await SummaryAsync(name));
        var version = await table.GetRawAsync(Keys.Template(name), Keys.TemplateVersion(1));
        Assert.NotNull(version);
        Assert.Equal("VERSION#0000000001", version["SK"].S);
        Assert.Contains("version 1", version["Definition"].S);
    }

    [Fact]
    public async Task Add_version_moves_latest_only_and_a_stale_expected_latest_writes_nothing()
    {
        var name = await WithVersionsAsync(2);
        Assert.Equal(("2", "1"), await SummaryAsync(name));

        Assert.False(await _templates.AddVersionAsync(Template(name, 3), expectedLatest: 1, default));

        Assert.Equal(("2", "1"), await SummaryAsync(name));
        Assert.Null(await table.GetRawAsync(Keys.Template(name), Keys.TemplateVersion(3)));
        var versions = (await _templates.ListVersionsAsync(name, 10, null, default))!;
        Assert.Equal([1, 2], versions.Items.Select(t => t.Version));
    }

    [Fact]
    public async Task Set_active_version_needs_an_existing_version()
    {
        var name = await WithVersionsAsync(3);

        Assert.True(await _templates.SetActiveVersionAsync(name, 2, default));
        Assert.Equal(("3", "2"), await SummaryAsync(name));

        Assert.False(await _templates.SetActiveVersionAsync(name, 7, default));
        Assert.Equal(("3", "2"), await SummaryAsync(name));
    }

    [Fact]
    public async Task Deleting_the_latest_and_active_version_moves_both_to_the_newest_remaining()
    {
        var name = await WithVersionsAsync(3);
        Assert.True(await _templates.SetActiveVersionAsync(name, 3, default));

        Assert.True(await _templates.DeleteVersionAsync(name, 3, default));

        Assert.Equal(("2", "2"), await SummaryAsync(name));
        Assert.Null(await table.GetRawAsync(Keys.Template(name), Keys.TemplateVersion(3)));
        Assert.Equal(2, (await table.QueryRawAsync(Keys.Template(name))).Count);
    }

    [Fact]
    public async Task Deleting_the_active_version_that_is_not_latest_makes_the_latest_active()
    {
        var name = await WithVersionsAsync(3);
        Assert.Equal(("3", "1"), await SummaryAsync(name));

        Assert.True(await _templates.DeleteVersionAsync(name, 1, default));

        Assert.Equal(("3", "3"), await SummaryAsync(name));
        Assert.Null(await table.GetRawAsync(Keys.Template(name), Keys.TemplateVersion(1)));
    }

    [Fact]
    public async Task Deleting_a_middle_version_keeps_latest_and_active()
    {
        var name = await WithVersionsAsync(3);
        Assert.True(await _templates.SetActiveVersionAsync(name, 3, default));

        Assert.True(await _templates.DeleteVersionAsync(name, 2, default));

        Assert.Equal(("3", "3"), await SummaryAsync(name));
        var versions = (await _templates.ListVersionsAsync(name, 10, null, default))!;
        Assert.Equal([1, 3], versions.Items.Select(t => t.Version));
    }

    [Fact]
    public async Task Deleting_the_only_version_deletes_the_template()
    {
        var name = await WithVersionsAsync(1);

        Assert.True(await _templates.DeleteVersionAsync(name, 1, default));

        Assert.Null(await table.GetRawAsync(Keys.TemplateList, Keys.TemplateSummary(name)));
        Assert.Empty(await table.QueryRawAsync(Keys.Template(name)));
        Assert.False(await _templates.DeleteVersionAsync(name, 1, default));
    }

    [Fact]
    public async Task Deleting_a_missing_version_changes_nothing()
    {
        var name = await WithVersionsAsync(2);
        var before = RawItems.Describe(await table.GetRawAsync(Keys.TemplateList, Keys.TemplateSummary(name)));

        Assert.False(await _templates.DeleteVersionAsync(name, 5, default));

        Assert.Equal(before, RawItems.Describe(await table.GetRawAsync(Keys.TemplateList, Keys.TemplateSummary(name))));
        Assert.Equal(2, (await table.QueryRawAsync(Keys.Template(name))).Count);
    }

    [Fact]
    public async Task Delete_removes_the_summary_and_every_version()
    {
        var name = await WithVersionsAsync(3);

        Assert.True(await _templates.DeleteAsync(name, default));

        Assert.Null(await table.GetRawAsync(Keys.TemplateList, Keys.TemplateSummary(name)));
        Assert.Empty(await table.QueryRawAsync(Keys.Template(name)));
        Assert.False(await _templates.DeleteAsync(name, default));
    }

    [Fact]
    public async Task List_pages_through_a_prefix_and_refuses_a_token_of_another_list()
    {
        var prefix = "pg" + NewId()[..8];
        foreach (var suffix in new[] { "-a", "-b", "-c" }) Assert.True(await _templates.CreateAsync(Template(prefix + suffix, 1), default));
        var first = (await _templates.ListAsync(prefix, 2, null, default))!;
        Assert.Equal(2, first.Items.Count);
        Assert.NotNull(first.NextToken);

        var rest = (await _templates.ListAsync(prefix, 2, first.NextToken, default))!;
        Assert.Equal([prefix + "-c"], rest.Items.Select(t => t.Name));

        // The same token under another prefix, or for a template's versions, is outside that query's key condition.
        Assert.Null(await _templates.ListAsync("other", 2, first.NextToken, default));
        Assert.Null(await _templates.ListVersionsAsync(prefix + "-a", 2, first.NextToken, default));
        Assert.Null(await _templates.ListVersionsAsync(prefix + "-a", 2, "zzzz", default));
    }
}
