// Server-triggered delivery: an event matching a campaign's Schedule.EventFilter entitles the
// endpoint, and GetInAppMessages then returns the campaign in Pinpoint's InAppMessagesResponse shape.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import {
  DeleteCampaignCommand,
  GetCampaignDateRangeKpiCommand,
  GetInAppMessagesCommand,
  UpdateApplicationSettingsCommand,
  UpdateCampaignCommand,
} from "@aws-sdk/client-pinpoint";
import {
  campaignIds,
  campaignRequest,
  content,
  event,
  eventFilter,
  expectError,
  inAppEndpoint,
  inAppMessages,
  newApp,
  newCampaign,
  newSegment,
  newTemplate,
  pollInAppMessages,
  putEvents,
  send,
} from "./helpers.mjs";

const purchaseFilter = eventFilter("purchase", {
  attributes: { sku: { AttributeType: "INCLUSIVE", Values: ["A1", "A2"] } },
  metrics: { price: { ComparisonOperator: "GREATER_THAN", Value: 10 } },
});

const templateRequest = {
  Layout: "MIDDLE_BANNER",
  Content: [
    content({
      header: "Thanks for your purchase",
      body: "Here is 10% off your next order",
      ImageUrl: "https://cdn.example.com/banner.png",
      PrimaryBtn: {
        DefaultConfig: { ButtonAction: "LINK", Text: "Shop", Link: "https://example.com/sale", BorderRadius: 8 },
        IOS: { ButtonAction: "DEEP_LINK", Link: "myapp://sale" },
      },
      SecondaryBtn: { DefaultConfig: { ButtonAction: "CLOSE", Text: "Later" } },
    }),
  ],
  CustomConfig: { promo: "SPRING24" },
};

async function setup(t) {
  const appId = await newApp(t);
  const segmentId = await newSegment(appId);
  const { name: templateName } = await newTemplate(t, templateRequest);
  const endpointId = await inAppEndpoint(appId);
  return { appId, segmentId, templateName, endpointId };
}

const contains = (id) => (campaigns) => campaigns.some((c) => c.CampaignId === id);

/**
 * Proves a negative: sends `events` together with a `sentinel` event that triggers a sentinel
 * campaign, waits until the sentinel campaign is delivered (so the batch has been processed), waits
 * one more second, and returns what GetInAppMessages answers then.
 */
async function afterSentinel({ appId, segmentId, templateName, endpointId }, events) {
  const sentinel = await newCampaign(appId, campaignRequest({ segmentId, templateName, filter: eventFilter("sentinel"), Priority: 5 }));
  await putEvents(appId, endpointId, [...events, event("sentinel")]);
  await pollInAppMessages(appId, endpointId, contains(sentinel.Id), { what: "the sentinel campaign" });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return inAppMessages(appId, endpointId);
}

test("GetInAppMessages is empty before any event, with the InAppMessageCampaigns member", async (t) => {
  const { appId, segmentId, templateName, endpointId } = await setup(t);
  await newCampaign(appId, campaignRequest({ segmentId, templateName, filter: purchaseFilter }));

  const output = await send(new GetInAppMessagesCommand({ ApplicationId: appId, EndpointId: endpointId }));
  assert.equal(output.$metadata.httpStatusCode, 200);
  assert.deepEqual(output.InAppMessagesResponse.InAppMessageCampaigns, []);
});

test("a matching event makes GetInAppMessages return the campaign in InAppMessagesResponse shape", async (t) => {
  const { appId, segmentId, templateName, endpointId } = await setup(t);
  const request = campaignRequest({ segmentId, templateName, filter: purchaseFilter, Priority: 2, Limits: { Daily: 4, Session: 1, Total: 3 } });
  request.Schedule.EndTime = "2098-06-01T00:00:00.000Z";
  const campaign = await newCampaign(appId, request);

  await putEvents(appId, endpointId, [event("purchase", { attributes: { sku: "A2" }, metrics: { price: 25 } })]);
  const campaigns = await pollInAppMessages(appId, endpointId, contains(campaign.Id), { what: `campaign ${campaign.Id}` });

  assert.equal(campaigns.length, 1);
  const m = campaigns[0];
  assert.equal(m.CampaignId, campaign.Id);
  assert.equal(m.TreatmentId, "0");
  assert.equal(m.Priority, 2);
  assert.equal(m.DailyCap, 4);
  assert.equal(m.SessionCap, 1);
  assert.equal(m.TotalCap, 3);
  assert.equal(m.InAppMessage.Layout, "MIDDLE_BANNER");
  assert.deepEqual(m.InAppMessage.Content, templateRequest.Content);
  assert.deepEqual(m.InAppMessage.CustomConfig, templateRequest.CustomConfig);
  assert.equal(m.InAppMessage.Body, undefined, "InAppMessage has no Body member (that is CampaignInAppMessage)");
  assert.equal(Date.parse(m.Schedule.EndDate), Date.parse("2098-06-01T00:00:00.000Z"), "Schedule.EndDate is the campaign's EndTime");
  assert.deepEqual(m.Schedule.EventFilter, purchaseFilter);
  assert.equal(m.Schedule.StartTime, undefined, "InAppCampaignSchedule, not the campaign Schedule");
});

test("an inline-message campaign is delivered with its inline content", async (t) => {
  const { appId, segmentId, endpointId } = await setup(t);
  const inline = { Layout: "CAROUSEL", Content: [content({ header: "One" }), content({ header: "Two" })], CustomConfig: { k: "v" } };
  const request = campaignRequest({ segmentId, filter: eventFilter("level_up"), MessageConfiguration: { InAppMessage: inline } });
  delete request.TemplateConfiguration;
  const campaign = await newCampaign(appId, request);

  await putEvents(appId, endpointId, [event("level_up")]);
  const [m] = await pollInAppMessages(appId, endpointId, contains(campaign.Id), { what: `campaign ${campaign.Id}` });
  assert.equal(m.InAppMessage.Layout, "CAROUSEL");
  assert.deepEqual(m.InAppMessage.Content, inline.Content);
  assert.deepEqual(m.InAppMessage.CustomConfig, inline.CustomConfig);
});

test("events that do not match the filter grant nothing", async (t) => {
  const ctx = await setup(t);
  const campaign = await newCampaign(ctx.appId, campaignRequest({ segmentId: ctx.segmentId, templateName: ctx.templateName, filter: purchaseFilter }));

  const campaigns = await afterSentinel(ctx, [
    event("view_item", { attributes: { sku: "A1" }, metrics: { price: 25 } }), // other event type
    event("purchase", { attributes: { sku: "B9" }, metrics: { price: 25 } }), // attribute value not in the INCLUSIVE list
    event("purchase", { metrics: { price: 25 } }), // attribute missing
    event("purchase", { attributes: { sku: "A1" }, metrics: { price: 5 } }), // metric fails GREATER_THAN 10
    event("purchase", { attributes: { sku: "A1" }, metrics: { price: 10 } }), // equal is not greater
    event("purchase", { attributes: { sku: "A1" } }), // metric missing
  ]);
  assert.ok(!campaignIds(campaigns).includes(campaign.Id), `no non-matching event may trigger ${campaign.Id}: ${JSON.stringify(campaigns)}`);
});

test("an EXCLUSIVE attribute dimension excludes the listed values", async (t) => {
  const ctx = await setup(t);
  const filter = eventFilter("purchase", { attributes: { sku: { AttributeType: "EXCLUSIVE", Values: ["A1"] } } });
  const campaign = await newCampaign(ctx.appId, campaignRequest({ segmentId: ctx.segmentId, templateName: ctx.templateName, filter }));

  const campaigns = await afterSentinel(ctx, [event("purchase", { attributes: { sku: "A1" } })]);
  assert.ok(!campaignIds(campaigns).includes(campaign.Id), "sku A1 is excluded");

  await putEvents(ctx.appId, ctx.endpointId, [event("purchase", { attributes: { sku: "Z9" } })]);
  await pollInAppMessages(ctx.appId, ctx.endpointId, contains(campaign.Id), { what: "the campaign after sku Z9" });
});

test("a paused campaign is not triggered", async (t) => {
  const ctx = await setup(t);
  const paused = await newCampaign(
    ctx.appId,
    campaignRequest({ segmentId: ctx.segmentId, templateName: ctx.templateName, filter: purchaseFilter, IsPaused: true }),
  );

  const campaigns = await afterSentinel(ctx, [event("purchase", { attributes: { sku: "A1" }, metrics: { price: 25 } })]);
  assert.ok(!campaignIds(campaigns).includes(paused.Id), "paused campaign must not be returned");
});

test("pausing a triggered campaign removes it from GetInAppMessages", async (t) => {
  const { appId, segmentId, templateName, endpointId } = await setup(t);
  const request = campaignRequest({ segmentId, templateName, filter: purchaseFilter });
  const campaign = await newCampaign(appId, request);
  await putEvents(appId, endpointId, [event("purchase", { attributes: { sku: "A1" }, metrics: { price: 25 } })]);
  await pollInAppMessages(appId, endpointId, contains(campaign.Id), { what: `campaign ${campaign.Id}` });

  await send(new UpdateCampaignCommand({ ApplicationId: appId, CampaignId: campaign.Id, WriteCampaignRequest: { ...request, IsPaused: true } }));
  await pollInAppMessages(appId, endpointId, (cs) => !contains(campaign.Id)(cs), { what: "no paused campaign" });
});

test("deleting a triggered campaign removes it from GetInAppMessages", async (t) => {
  const { appId, segmentId, templateName, endpointId } = await setup(t);
  const campaign = await newCampaign(appId, campaignRequest({ segmentId, templateName, filter: eventFilter("level_up") }));
  await putEvents(appId, endpointId, [event("level_up")]);
  await pollInAppMessages(appId, endpointId, contains(campaign.Id), { what: `campaign ${campaign.Id}` });

  await send(new DeleteCampaignCommand({ ApplicationId: appId, CampaignId: campaign.Id }));
  await pollInAppMessages(appId, endpointId, (cs) => !contains(campaign.Id)(cs), { what: "no deleted campaign" });
});

// The analytics events Amplify records when it shows a message (section 13), for one campaign and treatment.
const inApp = (eventType, campaignId, treatmentId = "0") =>
  event(eventType, { attributes: { campaign_id: campaignId, delivery_type: "IN_APP_MESSAGE", treatment_id: treatmentId } });

/** Polls the campaign's KPIs until `metric` (summed over every row) reaches `count`: the events were handled. */
async function metricReaches(appId, campaignId, metric, count) {
  const deadline = Date.now() + 15000;
  for (;;) {
    const { CampaignDateRangeKpiResponse } = await send(
      new GetCampaignDateRangeKpiCommand({ ApplicationId: appId, CampaignId: campaignId, KpiName: metric }),
    );
    const sum = CampaignDateRangeKpiResponse.KpiResult.Rows.flatMap((r) => r.Values).reduce((n, v) => n + Number(v.Value), 0);
    if (sum >= count) return;
    if (Date.now() >= deadline) assert.fail(`${metric} of ${campaignId} did not reach ${count} within 15 s (last ${sum})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// Caps are enforced on the server from the display events (design.md): a capped campaign is no longer returned.
test("once an endpoint has displayed a campaign TotalCap times, it is no longer returned", async (t) => {
  const { appId, segmentId, templateName, endpointId } = await setup(t);
  const campaign = await newCampaign(
    appId,
    campaignRequest({ segmentId, templateName, filter: eventFilter("level_up"), Limits: { Daily: 0, Session: 0, Total: 2 } }),
  );
  await putEvents(appId, endpointId, [event("level_up")]);
  await pollInAppMessages(appId, endpointId, contains(campaign.Id), { what: `campaign ${campaign.Id}` });

  await putEvents(appId, endpointId, [inApp("_inapp.message_displayed", campaign.Id)]);
  await metricReaches(appId, campaign.Id, "displayed", 1);
  assert.ok(contains(campaign.Id)(await inAppMessages(appId, endpointId)), "one display of two allowed: still returned");

  await putEvents(appId, endpointId, [inApp("_inapp.message_displayed", campaign.Id)]);
  await pollInAppMessages(appId, endpointId, (cs) => !contains(campaign.Id)(cs), { what: "no capped campaign" });
});

test("a SessionCap of 1 hides the campaign for the rest of the session; the next _session.start brings it back", async (t) => {
  const { appId, segmentId, templateName, endpointId } = await setup(t);
  const campaign = await newCampaign(
    appId,
    campaignRequest({ segmentId, templateName, filter: eventFilter("level_up"), Limits: { Daily: 0, Session: 1, Total: 0 } }),
  );
  await putEvents(appId, endpointId, [event("level_up")]);
  await pollInAppMessages(appId, endpointId, contains(campaign.Id), { what: `campaign ${campaign.Id}` });

  // event() puts every event in a session of its own that starts at its timestamp.
  await putEvents(appId, endpointId, [inApp("_inapp.message_displayed", campaign.Id)]);
  await pollInAppMessages(appId, endpointId, (cs) => !contains(campaign.Id)(cs), { what: "no campaign capped for this session" });

  await putEvents(appId, endpointId, [event("_session.start", { timestamp: new Date(Date.now() + 1000).toISOString() })]);
  await pollInAppMessages(appId, endpointId, contains(campaign.Id), { what: "the campaign in the new session" });
});

test("GetInAppMessages returns the endpoint's TreatmentId and message, and the caps with the app's Limits as fallback", async (t) => {
  const { appId, segmentId, templateName, endpointId } = await setup(t);
  await send(
    new UpdateApplicationSettingsCommand({ ApplicationId: appId, WriteApplicationSettingsRequest: { Limits: { Daily: 2, Session: 1, Total: 4 } } }),
  );
  // The additional treatment takes 100 % of the audience: every endpoint gets treatment "1" and its message.
  const variant = { Layout: "BOTTOM_BANNER", Content: [content({ header: "Variant", body: "Treatment 1" })] };
  const campaign = await newCampaign(
    appId,
    campaignRequest({
      segmentId,
      templateName,
      filter: eventFilter("level_up"),
      Limits: { Total: 3 },
      HoldoutPercent: 0,
      AdditionalTreatments: [{ SizePercent: 100, TreatmentName: "variant", MessageConfiguration: { InAppMessage: variant } }],
    }),
  );

  await putEvents(appId, endpointId, [event("level_up")]);
  const [m] = await pollInAppMessages(appId, endpointId, contains(campaign.Id), { what: `campaign ${campaign.Id}` });
  assert.equal(m.TreatmentId, "1");
  assert.equal(m.InAppMessage.Layout, "BOTTOM_BANNER");
  assert.deepEqual(m.InAppMessage.Content, variant.Content);
  assert.deepEqual([m.DailyCap, m.SessionCap, m.TotalCap], [2, 1, 3], "Daily and Session from the app, Total from the campaign");
});

test("an endpoint outside the campaign's segment is not entitled", async (t) => {
  const appId = await newApp(t);
  const { name: templateName } = await newTemplate(t, templateRequest);
  const proSegment = await newSegment(appId, {
    Demographic: { Channel: { DimensionType: "INCLUSIVE", Values: ["IN_APP"] } },
    Attributes: { plan: { AttributeType: "INCLUSIVE", Values: ["pro"] } },
  });
  const campaign = await newCampaign(appId, campaignRequest({ segmentId: proSegment, templateName, filter: eventFilter("level_up") }));
  const pro = await inAppEndpoint(appId, randomUUID(), { Attributes: { plan: ["pro"] } });
  const free = await inAppEndpoint(appId, randomUUID(), { Attributes: { plan: ["free"] } });

  await putEvents(appId, free, [event("level_up")]);
  await putEvents(appId, pro, [event("level_up")]);
  await pollInAppMessages(appId, pro, contains(campaign.Id), { what: "the campaign for the pro endpoint" });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.deepEqual(await inAppMessages(appId, free), [], "the free endpoint is not in the segment");
});

test("campaigns are ordered by priority (1 first), then by the earliest end", async (t) => {
  const { appId, segmentId, templateName, endpointId } = await setup(t);
  const make = async (priority, endTime) => {
    const request = campaignRequest({ segmentId, templateName, filter: eventFilter("level_up"), Priority: priority });
    request.Schedule.EndTime = endTime;
    return (await newCampaign(appId, request)).Id;
  };
  const lowPriority = await make(4, "2090-01-01T00:00:00.000Z");
  const highLateEnd = await make(1, "2095-01-01T00:00:00.000Z");
  const midPriority = await make(2, "2080-01-01T00:00:00.000Z");
  const highEarlyEnd = await make(1, "2091-01-01T00:00:00.000Z");

  await putEvents(appId, endpointId, [event("level_up")]);
  const campaigns = await pollInAppMessages(appId, endpointId, (cs) => cs.length >= 4, { what: "all four campaigns" });
  assert.deepEqual(campaignIds(campaigns), [highEarlyEnd, highLateEnd, midPriority, lowPriority]);
  assert.deepEqual(
    campaigns.map((c) => c.Priority),
    [1, 1, 2, 4],
  );
});

test("a campaign whose StartTime is in the future is not delivered", async (t) => {
  const ctx = await setup(t);
  const request = campaignRequest({ segmentId: ctx.segmentId, templateName: ctx.templateName, filter: purchaseFilter });
  request.Schedule.StartTime = "2097-01-01T00:00:00.000Z";
  const future = await newCampaign(ctx.appId, request);

  const campaigns = await afterSentinel(ctx, [event("purchase", { attributes: { sku: "A1" }, metrics: { price: 25 } })]);
  assert.ok(!campaignIds(campaigns).includes(future.Id), "a campaign that has not started is not delivered");
});

test("GetInAppMessages for an unknown app is NotFoundException", async () => {
  await expectError(
    send(new GetInAppMessagesCommand({ ApplicationId: "00000000000000000000000000000000", EndpointId: randomUUID() })),
    "NotFoundException",
    404,
  );
});
