using Amazon.DynamoDBv2.Model;
using ServerlessInApp.Core.Endpoints;
using ServerlessInApp.Core.Entitlements;
using ServerlessInApp.IntegrationTests.Fixtures;
using ServerlessInApp.Storage;
using static ServerlessInApp.IntegrationTests.Storage.StoreData;

namespace ServerlessInApp.IntegrationTests.Storage;

[Collection("emulators")]
public sealed class EndpointStoreTests(StorageTable table) : IClassFixture<StorageTable>
{
    private static readonly DateTimeOffset GrantedAt = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ExpiresAt = GrantedAt.AddDays(30);

    private readonly EndpointStore _endpoints = new(table.Dynamo, table.Name);

    private static Entitlement Grant(string appId, string endpointId, string eventId, DateTimeOffset at, string campaignId = "c1", int version = 1) =>
        new(appId, endpointId, campaignId, version, eventId, at, ExpiresAt);

    private Task<Dictionary<string, AttributeValue>?> EntitlementItemAsync(string appId, string endpointId, string campaignId = "c1") =>
        table.GetRawAsync(Keys.Endpoint(appId, endpointId), Keys.Entitlement(campaignId));

    [Fact]
    public async Task Concurrent_upserts_of_different_attributes_all_survive()
    {
        var appId = NewId();
        const string endpointId = "ep-concurrent";
        const int writers = 8;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var upserts = Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var update = new EndpointUpdate { Attributes = new Dictionary<string, IReadOnlyList<string>> { [$"attr-{i}"] = [$"value-{i}"] } };
            await _endpoints.UpsertAsync(appId, endpointId,
                current => EndpointMerge.Apply(current, update, appId, endpointId, GrantedAt), default);
        })).ToList();
        start.SetResult();
        await Task.WhenAll(upserts);

        var stored = await _endpoints.GetAsync(appId, endpointId, default);
        Assert.NotNull(stored);
        Assert.Equal(
            Enumerable.Range(0, writers).Select(i => $"attr-{i}=value-{i}"),
            stored.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={string.Join(',', a.Value)}"));
        var raw = await table.GetRawAsync(Keys.Endpoint(appId, endpointId), Keys.ProfileItem);
        Assert.Equal(writers.ToString(), raw!["Revision"].N);
    }

    [Fact]
    public async Task Upsert_keeps_what_an_update_does_not_send()
    {
        var appId = NewId();
        await _endpoints.UpsertAsync(appId, "ep", current => EndpointMerge.Apply(current, new EndpointUpdate
        {
            ChannelType = "IN_APP",
            Attributes = new Dictionary<string, IReadOnlyList<string>> { ["plan"] = ["gold"] },
            Metrics = new Dictionary<string, double> { ["level"] = 9 },
        }, appId, "ep", GrantedAt), default);

        await _endpoints.UpsertAsync(appId, "ep", current => EndpointMerge.Apply(current, new EndpointUpdate
        {
            Metrics = new Dictionary<string, double> { ["level"] = 10 },
        }, appId, "ep", GrantedAt), default);

        var stored = await _endpoints.GetAsync(appId, "ep", default);
        Assert.NotNull(stored);
        Assert.Equal("IN_APP", stored.ChannelType);
        Assert.Equal(["gold"], stored.Attributes["plan"]);
        Assert.Equal(10, stored.Metrics["level"]);
    }

    [Fact]
    public async Task Redelivering_the_same_entitlement_leaves_the_item_identical()
    {
        var appId = NewId();
        var grant = Grant(appId, "ep", "event-1", GrantedAt);
        await _endpoints.GrantAsync(grant, default);
        var first = RawItems.Describe(await EntitlementItemAsync(appId, "ep"));

        await _endpoints.GrantAsync(grant, default);
        await _endpoints.GrantAsync(grant, default);

        Assert.Equal(first, RawItems.Describe(await EntitlementItemAsync(appId, "ep")));
    }

    [Fact]
    public async Task An_older_grant_arriving_late_leaves_the_item_identical()
    {
        var appId = NewId();
        await _endpoints.GrantAsync(Grant(appId, "ep", "event-2", GrantedAt, version: 2), default);
        var stored = RawItems.Describe(await EntitlementItemAsync(appId, "ep"));

        await _endpoints.GrantAsync(Grant(appId, "ep", "event-1", GrantedAt.AddMinutes(-5), version: 1), default);

        Assert.Equal(stored, RawItems.Describe(await EntitlementItemAsync(appId, "ep")));
    }

    [Fact]
    public async Task The_later_grant_wins_whatever_order_the_grants_arrive_in()
    {
        var appId = NewId();
        var earlier = GrantedAt;
        var later = GrantedAt.AddSeconds(1);

        await _endpoints.GrantAsync(Grant(appId, "in-order", "event-1", earlier), default);
        await _endpoints.GrantAsync(Grant(appId, "in-order", "event-2", later, version: 2), default);
        await _endpoints.GrantAsync(Grant(appId, "reversed", "event-2", later, version: 2), default);
        await _endpoints.GrantAsync(Grant(appId, "reversed", "event-1", earlier), default);

        var inOrder = await EntitlementItemAsync(appId, "in-order");
        var reversed = await EntitlementItemAsync(appId, "reversed");
        Assert.Equal("event-2", inOrder!["EventId"].S);
        Assert.Equal("2", inOrder["CampaignVersion"].N);
        // Only the event that newly entitled the endpoint differs: whichever arrived first.
        Assert.Equal(("event-1", "event-2"), (inOrder["FirstEventId"].S, reversed!["FirstEventId"].S));
        foreach (var item in new[] { inOrder, reversed })
        {
            item.Remove("PK");
            item.Remove("FirstEventId");
        }
        Assert.Equal(RawItems.Describe(inOrder), RawItems.Describe(reversed));
    }

    [Fact]
    public async Task Only_the_event_that_found_no_live_entitlement_newly_entitles_the_endpoint_and_its_redeliveries_say_so_again()
    {
        var appId = NewId();

        var first = await _endpoints.GrantAsync(Grant(appId, "ep", "event-1", GrantedAt), default);
        var refresh = await _endpoints.GrantAsync(Grant(appId, "ep", "event-2", GrantedAt.AddMinutes(1)), default);
        var redelivered = await _endpoints.GrantAsync(Grant(appId, "ep", "event-1", GrantedAt), default);
        var lateAndOlder = await _endpoints.GrantAsync(Grant(appId, "ep", "event-0", GrantedAt.AddMinutes(-1)), default);

        Assert.Equal((true, false, true, false), (first, refresh, redelivered, lateAndOlder));
        Assert.Equal("event-2", (await EntitlementItemAsync(appId, "ep"))!["EventId"].S);
    }

    [Fact]
    public async Task A_grant_after_the_entitlement_expired_newly_entitles_the_endpoint_again()
    {
        var appId = NewId();
        var expires = GrantedAt.AddHours(1);
        await _endpoints.GrantAsync(new Entitlement(appId, "ep", "c1", 1, "event-1", GrantedAt, expires), default);

        var whileLive = await _endpoints.GrantAsync(new Entitlement(appId, "ep", "c1", 1, "event-2", expires.AddMinutes(-1), expires.AddMinutes(59)), default);
        var afterExpiry = await _endpoints.GrantAsync(new Entitlement(appId, "ep", "c1", 1, "event-3", expires.AddHours(2), expires.AddHours(3)), default);
        var againAfterExpiry = await _endpoints.GrantAsync(new Entitlement(appId, "ep", "c1", 1, "event-3", expires.AddHours(2), expires.AddHours(3)), default);

        Assert.Equal((false, true, true), (whileLive, afterExpiry, againAfterExpiry));
        Assert.Equal("event-3", (await EntitlementItemAsync(appId, "ep"))!["FirstEventId"].S);
    }

    [Fact]
    public async Task Reading_the_partition_skips_entitlements_whose_expiry_has_passed_before_ttl_deletes_them()
    {
        var appId = NewId();
        var now = DateTimeOffset.UtcNow;
        await _endpoints.UpsertAsync(appId, "ep", current => EndpointMerge.Apply(current, new EndpointUpdate { ChannelType = "IN_APP" }, appId, "ep", now), default);
        // Both expiries lie ahead of the real clock, so DynamoDB's TTL sweep cannot touch them; the read is asked
        // about a moment between the two.
        await _endpoints.GrantAsync(new Entitlement(appId, "ep", "ends-soon", 1, "event-1", now, now.AddDays(1)), default);
        await _endpoints.GrantAsync(new Entitlement(appId, "ep", "ends-later", 1, "event-1", now, now.AddDays(3)), default);

        var (endpoint, entitlements) = await _endpoints.GetWithEntitlementsAsync(appId, "ep", now.AddDays(2), default);

        Assert.Equal("IN_APP", endpoint?.ChannelType);
        Assert.Equal(["ends-later"], entitlements.Select(e => e.CampaignId));
        Assert.NotNull(await EntitlementItemAsync(appId, "ep", "ends-soon"));
        Assert.Equal(2, (await _endpoints.GetWithEntitlementsAsync(appId, "ep", now, default)).Entitlements.Count);
    }

    [Fact]
    public async Task Delete_removes_the_profile_and_every_entitlement()
    {
        var appId = NewId();
        await _endpoints.UpsertAsync(appId, "ep", current => EndpointMerge.Apply(current, new EndpointUpdate { ChannelType = "IN_APP" }, appId, "ep", GrantedAt), default);
        await _endpoints.GrantAsync(Grant(appId, "ep", "event-1", GrantedAt), default);
        await _endpoints.GrantAsync(Grant(appId, "ep", "event-1", GrantedAt, campaignId: "c2"), default);

        Assert.NotNull(await _endpoints.DeleteAsync(appId, "ep", default));

        Assert.Empty(await table.QueryRawAsync(Keys.Endpoint(appId, "ep")));
        Assert.Null(await _endpoints.DeleteAsync(appId, "ep", default));
    }
}
