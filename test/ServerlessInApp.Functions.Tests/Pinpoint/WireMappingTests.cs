using System.Text.Json;
using ServerlessInApp.Core.Campaigns;
using ServerlessInApp.Core.Entitlements;
using ServerlessInApp.Core.Messages;
using ServerlessInApp.Core.Segments;
using ServerlessInApp.Functions.Pinpoint;

namespace ServerlessInApp.Functions.Tests.Pinpoint;

/// <summary>Domain records to the exact member names and types Pinpoint clients read.</summary>
public sealed class WireMappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static LiveCampaign Campaign(CampaignLimits? limits, string? endTime, bool paused = false)
    {
        var definition = new CampaignDefinition
        {
            Name = "promo",
            SegmentId = "seg1",
            Priority = 2,
            IsPaused = paused,
            Limits = limits,
            Schedule = new CampaignSchedule
            {
                StartTime = "IMMEDIATE",
                EndTime = endTime,
                Frequency = "IN_APP_EVENT",
                QuietTime = new QuietTime { Start = "22:00", End = "07:00" },
                EventFilter = new CampaignEventFilter
                {
                    FilterType = "ENDPOINT",
                    Dimensions = new EventDimensions { EventType = new SetDimension { DimensionType = "INCLUSIVE", Values = ["purchase"] } },
                },
            },
        };
        var message = new InAppMessage { Layout = "TOP_BANNER", Content = [new InAppMessageContent { BackgroundColor = "#FFFFFF" }] };
        var campaign = new Campaign("app1", "camp1", 3, definition, message, Now, Now);
        var segment = new Segment("app1", "seg1", 4, new SegmentDefinition { Name = "all" }, Now, Now);
        return LiveCampaign.From(campaign, segment);
    }

    [Fact]
    public void InAppMessagesCarryCapsFromLimitsEndDateAndTheEventFilter()
    {
        var response = WireMapping.InAppMessages([new DeliverableMessage(Campaign(new CampaignLimits { Session = 1, Total = 3 }, "2026-06-01T00:00:00Z"), "0")]);
        var json = JsonDocument.Parse(JsonSerializer.Serialize(response, PinpointJsonContext.Default.InAppMessagesResponse)).RootElement;
        var item = json.GetProperty("InAppMessageCampaigns")[0];

        Assert.Equal("camp1", item.GetProperty("CampaignId").GetString());
        Assert.Equal("0", item.GetProperty("TreatmentId").GetString());
        Assert.Equal(2, item.GetProperty("Priority").GetInt32());
        Assert.Equal(0, item.GetProperty("DailyCap").GetInt32());
        Assert.Equal(1, item.GetProperty("SessionCap").GetInt32());
        Assert.Equal(3, item.GetProperty("TotalCap").GetInt32());
        Assert.Equal("2026-06-01T00:00:00.000Z", item.GetProperty("Schedule").GetProperty("EndDate").GetString());
        Assert.Equal("22:00", item.GetProperty("Schedule").GetProperty("QuietTime").GetProperty("Start").GetString());
        Assert.Equal("purchase", item.GetProperty("Schedule").GetProperty("EventFilter").GetProperty("Dimensions")
            .GetProperty("EventType").GetProperty("Values")[0].GetString());
        Assert.Equal("TOP_BANNER", item.GetProperty("InAppMessage").GetProperty("Layout").GetString());
    }

    [Fact]
    public void ACampaignWithoutEndTimeHasNoEndDate()
    {
        var response = WireMapping.InAppMessages([new DeliverableMessage(Campaign(null, null), "0")]);
        var json = JsonSerializer.Serialize(response, PinpointJsonContext.Default.InAppMessagesResponse);

        Assert.DoesNotContain("EndDate", json);
    }

    [Fact]
    public void CampaignResponseHasPinpointsRequiredMembersAndAStatus()
    {
        var wire = new WireMapping(new Arns("eu-west-1", "123456789012"), new FixedClock(Now));
        var json = JsonDocument.Parse(JsonSerializer.Serialize(wire.Campaign(Campaign(null, null, paused: true)), PinpointJsonContext.Default.CampaignResponse)).RootElement;

        Assert.Equal("arn:aws:mobiletargeting:eu-west-1:123456789012:apps/app1/campaigns/camp1", json.GetProperty("Arn").GetString());
        Assert.Equal("app1", json.GetProperty("ApplicationId").GetString());
        Assert.Equal("2026-05-01T12:00:00.000Z", json.GetProperty("CreationDate").GetString());
        Assert.Equal("seg1", json.GetProperty("SegmentId").GetString());
        Assert.Equal(4, json.GetProperty("SegmentVersion").GetInt32());
        Assert.Equal(3, json.GetProperty("Version").GetInt32());
        Assert.Equal("PAUSED", json.GetProperty("State").GetProperty("CampaignStatus").GetString());
        Assert.Equal(JsonValueKind.Object, json.GetProperty("tags").ValueKind);
    }
}
