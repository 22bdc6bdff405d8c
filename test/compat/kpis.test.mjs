// Campaign metrics: GetCampaignDateRangeKpi (rows per UTC day and treatment) from the in-app analytics events.
import assert from "node:assert/strict";
import { test } from "node:test";
import { GetCampaignDateRangeKpiCommand } from "@aws-sdk/client-pinpoint";
import {
  campaignRequest,
  event,
  eventFilter,
  expectError,
  inAppEndpoint,
  newApp,
  newCampaign,
  newSegment,
  newTemplate,
  pollInAppMessages,
  putEvents,
  send,
} from "./helpers.mjs";

const inApp = (eventType, campaignId) =>
  event(eventType, { attributes: { campaign_id: campaignId, delivery_type: "IN_APP_MESSAGE", treatment_id: "0" } });

const kpi = (appId, campaignId, KpiName, range = {}) =>
  send(new GetCampaignDateRangeKpiCommand({ ApplicationId: appId, CampaignId: campaignId, KpiName, ...range }));

/** The rows as { "date/treatment": { metric: value } }. */
const table = (response) =>
  Object.fromEntries(
    response.KpiResult.Rows.map((row) => [
      row.GroupedBys.map((g) => g.Value).join("/"),
      Object.fromEntries(row.Values.map((v) => [v.Key, v.Value])),
    ]),
  );

test("GetCampaignDateRangeKpi in-app-messages returns a row per day and treatment after display events", async (t) => {
  const appId = await newApp(t);
  const segmentId = await newSegment(appId);
  const { name: templateName } = await newTemplate(t);
  const endpointId = await inAppEndpoint(appId);
  const campaign = await newCampaign(appId, campaignRequest({ segmentId, templateName, filter: eventFilter("level_up") }));
  await putEvents(appId, endpointId, [event("level_up")]);
  await pollInAppMessages(appId, endpointId, (cs) => cs.some((c) => c.CampaignId === campaign.Id), { what: `campaign ${campaign.Id}` });

  const displayed = inApp("_inapp.message_displayed", campaign.Id);
  const clicked = inApp("_inapp.message_clicked", campaign.Id);
  const eventIds = { "display-1": displayed, "click-1": clicked };
  await putEvents(appId, endpointId, eventIds);
  // Amplify resends an event whose answer it did not get: the same ids count once.
  await putEvents(appId, endpointId, eventIds);

  const start = new Date(Date.now() - 24 * 3600 * 1000);
  const end = new Date(Date.now() + 3600 * 1000);
  const today = new Date().toISOString().slice(0, 10);
  const deadline = Date.now() + 15000;
  let output;
  for (;;) {
    output = await kpi(appId, campaign.Id, "in-app-messages", { StartTime: start, EndTime: end });
    const row = table(output.CampaignDateRangeKpiResponse)[`${today}/0`];
    if (row && row.displayed === "1" && row.clicked === "1") break;
    if (Date.now() >= deadline) assert.fail(`no display and click after 15 s: ${JSON.stringify(output.CampaignDateRangeKpiResponse)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  assert.equal(output.$metadata.httpStatusCode, 200);
  const response = output.CampaignDateRangeKpiResponse;
  assert.equal(response.ApplicationId, appId);
  assert.equal(response.CampaignId, campaign.Id);
  assert.equal(response.KpiName, "in-app-messages");
  assert.ok(response.StartTime instanceof Date && response.EndTime instanceof Date, "StartTime and EndTime parse as timestamps");
  assert.equal(response.StartTime.getTime(), start.getTime());
  assert.equal(response.EndTime.getTime(), end.getTime());
  assert.equal(response.KpiResult.Rows.length, 1);
  const [row] = response.KpiResult.Rows;
  assert.deepEqual(row.GroupedBys, [
    { Key: "Date", Type: "String", Value: today },
    { Key: "TreatmentId", Type: "String", Value: "0" },
  ]);
  assert.deepEqual(table(response)[`${today}/0`], {
    entitled: "1",
    holdout: "0",
    displayed: "1",
    "unique-displayed": "1",
    clicked: "1",
    dismissed: "0",
    "click-through-rate": "1",
  });
  for (const value of row.Values) {
    assert.equal(typeof value.Value, "string", `${value.Key} is written as a string`);
    assert.equal(value.Type, value.Key === "click-through-rate" ? "Double" : "Long");
  }

  const single = (await kpi(appId, campaign.Id, "displayed", { StartTime: start, EndTime: end })).CampaignDateRangeKpiResponse;
  assert.deepEqual(single.KpiResult.Rows.map((r) => r.Values), [[{ Key: "displayed", Type: "Long", Value: "1" }]]);
});

test("GetCampaignDateRangeKpi with an unknown KpiName is BadRequestException; an unknown campaign NotFoundException", async (t) => {
  const appId = await newApp(t);
  const segmentId = await newSegment(appId);
  const { name: templateName } = await newTemplate(t);
  const campaign = await newCampaign(appId, campaignRequest({ segmentId, templateName, filter: eventFilter("level_up") }));
  await expectError(kpi(appId, campaign.Id, "sessions"), "BadRequestException", 400, /KpiName/);
  await expectError(kpi(appId, "0123456789abcdef0123456789abcdef", "displayed"), "NotFoundException", 404);
});
