// Campaigns: CreateCampaign (template-based and inline), GetCampaign, GetCampaigns, UpdateCampaign,
// DeleteCampaign, and the request rules.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  CreateCampaignCommand,
  DeleteCampaignCommand,
  GetCampaignCommand,
  GetCampaignsCommand,
  UpdateCampaignCommand,
} from "@aws-sdk/client-pinpoint";
import {
  FUTURE_END,
  assertIsoDate,
  campaignRequest,
  content,
  eventFilter,
  expectError,
  newApp,
  newCampaign,
  newSegment,
  newTemplate,
  send,
  unique,
} from "./helpers.mjs";

const purchaseFilter = eventFilter("purchase", {
  attributes: { sku: { AttributeType: "INCLUSIVE", Values: ["A1", "A2"] } },
  metrics: { price: { ComparisonOperator: "GREATER_THAN", Value: 10 } },
});

/** An app with a segment and a template: what every campaign needs. */
async function setup(t) {
  const appId = await newApp(t);
  const segmentId = await newSegment(appId);
  const { name: templateName } = await newTemplate(t);
  return { appId, segmentId, templateName };
}

const create = (appId, request) => send(new CreateCampaignCommand({ ApplicationId: appId, WriteCampaignRequest: request }));

test("CreateCampaign from a template answers 201 with the CampaignResponse; GetCampaign returns it", async (t) => {
  const { appId, segmentId, templateName } = await setup(t);
  const request = campaignRequest({ segmentId, templateName, filter: purchaseFilter, Priority: 1, Description: "spring promo" });
  request.TemplateConfiguration.InAppTemplate.Version = "1";
  request.Schedule.QuietTime = { Start: "22:00", End: "07:00" };

  const created = await create(appId, request);
  assert.equal(created.$metadata.httpStatusCode, 201);
  const campaign = created.CampaignResponse;
  assert.equal(campaign.ApplicationId, appId);
  assert.equal(typeof campaign.Id, "string");
  assert.ok(campaign.Id.length > 0);
  assert.match(campaign.Arn, /^arn:aws:mobiletargeting:/);
  assert.ok(campaign.Arn.includes(`apps/${appId}/campaigns/${campaign.Id}`), `Arn ${campaign.Arn}`);
  assertIsoDate(campaign.CreationDate, "CreationDate");
  assertIsoDate(campaign.LastModifiedDate, "LastModifiedDate");
  assert.equal(campaign.SegmentId, segmentId);
  assert.equal(campaign.SegmentVersion, 1);
  assert.equal(campaign.Name, request.Name);
  assert.equal(campaign.Description, "spring promo");
  assert.equal(campaign.Version, 1);
  assert.equal(campaign.Priority, 1);
  assert.equal(campaign.IsPaused, false);
  assert.deepEqual(campaign.Limits, request.Limits);
  assert.deepEqual(campaign.TemplateConfiguration, { InAppTemplate: { Name: templateName, Version: "1" } });
  assert.equal(campaign.Schedule.StartTime, "IMMEDIATE");
  assert.equal(Date.parse(campaign.Schedule.EndTime), Date.parse(FUTURE_END));
  assert.equal(campaign.Schedule.Frequency, "IN_APP_EVENT");
  assert.deepEqual(campaign.Schedule.QuietTime, { Start: "22:00", End: "07:00" });
  assert.deepEqual(campaign.Schedule.EventFilter, purchaseFilter);
  assert.ok(["EXECUTING", "SCHEDULED"].includes(campaign.State?.CampaignStatus), `live status, got ${campaign.State?.CampaignStatus}`);

  const fetched = await send(new GetCampaignCommand({ ApplicationId: appId, CampaignId: campaign.Id }));
  assert.equal(fetched.$metadata.httpStatusCode, 200);
  assert.deepEqual(fetched.CampaignResponse, campaign);
});

test("CreateCampaign with an inline MessageConfiguration.InAppMessage keeps the message", async (t) => {
  const { appId, segmentId } = await setup(t);
  const inAppMessage = {
    Layout: "BOTTOM_BANNER",
    Content: [content({ header: "Inline", body: "No template needed" })],
    CustomConfig: { source: "inline" },
  };
  const request = campaignRequest({ segmentId, filter: eventFilter("level_up"), MessageConfiguration: { InAppMessage: inAppMessage } });
  delete request.TemplateConfiguration;

  const campaign = (await create(appId, request)).CampaignResponse;
  assert.equal(campaign.TemplateConfiguration?.InAppTemplate, undefined);
  assert.equal(campaign.MessageConfiguration.InAppMessage.Layout, "BOTTOM_BANNER");
  assert.deepEqual(campaign.MessageConfiguration.InAppMessage.Content, inAppMessage.Content);
  assert.deepEqual(campaign.MessageConfiguration.InAppMessage.CustomConfig, inAppMessage.CustomConfig);

  const fetched = (await send(new GetCampaignCommand({ ApplicationId: appId, CampaignId: campaign.Id }))).CampaignResponse;
  assert.deepEqual(fetched.MessageConfiguration, campaign.MessageConfiguration);
});

test("CreateCampaign accepts an ISO-8601 StartTime", async (t) => {
  const { appId, segmentId, templateName } = await setup(t);
  const request = campaignRequest({ segmentId, templateName, filter: eventFilter("level_up") });
  request.Schedule.StartTime = "2024-05-01T12:00:00.000Z";
  const campaign = (await create(appId, request)).CampaignResponse;
  assert.equal(Date.parse(campaign.Schedule.StartTime), Date.parse("2024-05-01T12:00:00.000Z"));
});

test("GetCampaigns lists the app's campaigns and only those", async (t) => {
  const { appId, segmentId, templateName } = await setup(t);
  const ids = [];
  for (let i = 0; i < 3; i++) {
    ids.push((await newCampaign(appId, campaignRequest({ segmentId, templateName, filter: eventFilter(`e${i}`) }))).Id);
  }
  const other = await setup(t);
  await newCampaign(other.appId, campaignRequest({ segmentId: other.segmentId, templateName: other.templateName, filter: eventFilter("x") }));

  const listed = [];
  let token;
  let pages = 0;
  do {
    const { CampaignsResponse, $metadata } = await send(new GetCampaignsCommand({ ApplicationId: appId, PageSize: "2", Token: token }));
    assert.equal($metadata.httpStatusCode, 200);
    assert.ok(CampaignsResponse.Item.length <= 2);
    listed.push(...CampaignsResponse.Item.map((c) => c.Id));
    for (const c of CampaignsResponse.Item) assert.equal(c.ApplicationId, appId);
    token = CampaignsResponse.NextToken;
    assert.ok(++pages < 10, "pagination terminates");
  } while (token);
  assert.deepEqual(listed.sort(), ids.sort());
});

test("UpdateCampaign changes the campaign and increments Version", async (t) => {
  const { appId, segmentId, templateName } = await setup(t);
  const request = campaignRequest({ segmentId, templateName, filter: purchaseFilter, Priority: 3 });
  const campaign = await newCampaign(appId, request);

  const changed = { ...request, Name: "renamed", Priority: 2, IsPaused: true, Limits: { Daily: 1, Session: 2, Total: 5 } };
  const updated = await send(new UpdateCampaignCommand({ ApplicationId: appId, CampaignId: campaign.Id, WriteCampaignRequest: changed }));
  assert.equal(updated.$metadata.httpStatusCode, 200);
  const u = updated.CampaignResponse;
  assert.equal(u.Id, campaign.Id);
  assert.equal(u.Version, 2);
  assert.equal(u.Name, "renamed");
  assert.equal(u.Priority, 2);
  assert.equal(u.IsPaused, true);
  assert.deepEqual(u.Limits, changed.Limits);
  assert.equal(u.CreationDate, campaign.CreationDate);

  const again = await send(
    new UpdateCampaignCommand({ ApplicationId: appId, CampaignId: campaign.Id, WriteCampaignRequest: { ...changed, IsPaused: false } }),
  );
  assert.equal(again.CampaignResponse.Version, 3);
  const fetched = (await send(new GetCampaignCommand({ ApplicationId: appId, CampaignId: campaign.Id }))).CampaignResponse;
  assert.equal(fetched.Version, 3);
  assert.equal(fetched.IsPaused, false);
});

test("DeleteCampaign returns the campaign, after which GetCampaign is NotFoundException", async (t) => {
  const { appId, segmentId, templateName } = await setup(t);
  const campaign = await newCampaign(appId, campaignRequest({ segmentId, templateName, filter: purchaseFilter }));

  const deleted = await send(new DeleteCampaignCommand({ ApplicationId: appId, CampaignId: campaign.Id }));
  assert.equal(deleted.$metadata.httpStatusCode, 200);
  assert.equal(deleted.CampaignResponse.Id, campaign.Id);
  assert.equal(deleted.CampaignResponse.Name, campaign.Name);

  await expectError(send(new GetCampaignCommand({ ApplicationId: appId, CampaignId: campaign.Id })), "NotFoundException", 404);
  await expectError(send(new DeleteCampaignCommand({ ApplicationId: appId, CampaignId: campaign.Id })), "NotFoundException", 404);
});

test("campaigns of an unknown app, or an unknown campaign, are NotFoundException", async (t) => {
  const { appId, segmentId, templateName } = await setup(t);
  const valid = campaignRequest({ segmentId, templateName, filter: purchaseFilter });
  await expectError(send(new GetCampaignCommand({ ApplicationId: appId, CampaignId: `nope${unique()}` })), "NotFoundException", 404);
  await expectError(send(new GetCampaignsCommand({ ApplicationId: `${unique()}${unique()}` })), "NotFoundException", 404);
  await expectError(create(`${unique()}${unique()}`, valid), "NotFoundException", 404);
  await expectError(
    send(new UpdateCampaignCommand({ ApplicationId: appId, CampaignId: `nope${unique()}`, WriteCampaignRequest: valid })),
    "NotFoundException",
    404,
  );
});

// Each invalid request is BadRequestException with a message naming the field, and creates nothing.
const invalid = [
  ["Priority 6", (r) => ({ ...r, Priority: 6 }), /Priority/],
  ["Priority 0", (r) => ({ ...r, Priority: 0 }), /Priority/],
  ["no Name", ({ Name, ...r }) => r, /Name/],
  ["no SegmentId", ({ SegmentId, ...r }) => r, /SegmentId/],
  ["a SegmentId that does not exist in the app", (r) => ({ ...r, SegmentId: "0123456789abcdef0123456789abcdef" }), /SegmentId|segment/i],
  ["no Schedule", ({ Schedule, ...r }) => r, /Schedule/],
  ["no Schedule.StartTime", (r) => ({ ...r, Schedule: { ...r.Schedule, StartTime: undefined } }), /StartTime/],
  ["an unparseable Schedule.StartTime", (r) => ({ ...r, Schedule: { ...r.Schedule, StartTime: "next tuesday" } }), /StartTime/],
  ["Schedule.Frequency DAILY", (r) => ({ ...r, Schedule: { ...r.Schedule, Frequency: "DAILY" } }), /Frequency/],
  ["no Schedule.EventFilter", (r) => ({ ...r, Schedule: { ...r.Schedule, EventFilter: undefined } }), /EventFilter/],
  [
    "an EventFilter without FilterType",
    (r) => ({ ...r, Schedule: { ...r.Schedule, EventFilter: { Dimensions: r.Schedule.EventFilter.Dimensions } } }),
    /FilterType/,
  ],
  [
    "an EventFilter without Dimensions.EventType",
    (r) => ({ ...r, Schedule: { ...r.Schedule, EventFilter: { FilterType: "ENDPOINT", Dimensions: { Attributes: {} } } } }),
    /EventType/,
  ],
  [
    "both a template and an inline message",
    (r) => ({ ...r, MessageConfiguration: { InAppMessage: { Layout: "TOP_BANNER", Content: [content()] } } }),
    /TemplateConfiguration|MessageConfiguration|InAppMessage|InAppTemplate/,
  ],
  ["neither a template nor an inline message", ({ TemplateConfiguration, ...r }) => r, /TemplateConfiguration|MessageConfiguration|InAppMessage|InAppTemplate/],
  [
    "an inline CAROUSEL of 6 items",
    ({ TemplateConfiguration, ...r }) => ({
      ...r,
      MessageConfiguration: { InAppMessage: { Layout: "CAROUSEL", Content: Array.from({ length: 6 }, () => content()) } },
    }),
    /Content/,
  ],
  [
    "an inline header with {{User.Name}}",
    ({ TemplateConfiguration, ...r }) => ({
      ...r,
      MessageConfiguration: { InAppMessage: { Layout: "TOP_BANNER", Content: [content({ header: "Hello {{User.Name}}" })] } },
    }),
    /Header/,
  ],
  [
    "an inline unknown Layout",
    ({ TemplateConfiguration, ...r }) => ({ ...r, MessageConfiguration: { InAppMessage: { Layout: "FLOATING", Content: [content()] } } }),
    /Layout/,
  ],
  [
    "a metric dimension without ComparisonOperator",
    (r) => ({
      ...r,
      Schedule: {
        ...r.Schedule,
        EventFilter: eventFilter("purchase", { metrics: { price: { Value: 10 } } }),
      },
    }),
    /ComparisonOperator/,
  ],
];
for (const [label, mutate, field] of invalid) {
  test(`CreateCampaign with ${label} is BadRequestException naming the field`, async (t) => {
    const { appId, segmentId, templateName } = await setup(t);
    const request = mutate(campaignRequest({ segmentId, templateName, filter: purchaseFilter }));
    await expectError(create(appId, request), "BadRequestException", 400, field);
    const { CampaignsResponse } = await send(new GetCampaignsCommand({ ApplicationId: appId }));
    assert.deepEqual(CampaignsResponse.Item ?? [], [], "a rejected request creates no campaign");
  });
}

test("CreateCampaign naming a template that does not exist is rejected with a message naming it", async (t) => {
  const { appId, segmentId } = await setup(t);
  const missing = `missing-${unique()}`;
  let error;
  try {
    await create(appId, campaignRequest({ segmentId, templateName: missing, filter: purchaseFilter }));
  } catch (e) {
    error = e;
  }
  assert.ok(error, "a campaign must not refer to a template that does not exist");
  // The contract leaves 400 vs 404 open here; either is a client error that names the template.
  assert.ok(
    (error.name === "BadRequestException" && error.$metadata.httpStatusCode === 400) ||
      (error.name === "NotFoundException" && error.$metadata.httpStatusCode === 404),
    `got ${error.name} ${error.$metadata?.httpStatusCode}`,
  );
  assert.ok(error.message.includes(missing) || /template/i.test(error.message), `message: ${error.message}`);
});

test("UpdateCampaign with invalid input is BadRequestException and leaves the campaign unchanged", async (t) => {
  const { appId, segmentId, templateName } = await setup(t);
  const request = campaignRequest({ segmentId, templateName, filter: purchaseFilter, Priority: 2 });
  const campaign = await newCampaign(appId, request);

  await expectError(
    send(new UpdateCampaignCommand({ ApplicationId: appId, CampaignId: campaign.Id, WriteCampaignRequest: { ...request, Priority: 6 } })),
    "BadRequestException",
    400,
    /Priority/,
  );
  const fetched = (await send(new GetCampaignCommand({ ApplicationId: appId, CampaignId: campaign.Id }))).CampaignResponse;
  assert.equal(fetched.Priority, 2);
  assert.equal(fetched.Version, 1);
});

test("a campaign with AdditionalTreatments and HoldoutPercent is created and read back with treatment Ids 1, 2, …", async (t) => {
  const { appId, segmentId, templateName } = await setup(t);
  const { name: otherTemplate } = await newTemplate(t);
  const inline = { Layout: "TOP_BANNER", Content: [content({ header: "Variant A" })] };
  const request = campaignRequest({
    segmentId,
    templateName,
    filter: purchaseFilter,
    HoldoutPercent: 10,
    TreatmentName: "control",
    TreatmentDescription: "the template as it is",
    AdditionalTreatments: [
      { SizePercent: 30, TreatmentName: "variant-a", MessageConfiguration: { InAppMessage: inline } },
      { SizePercent: 20, TreatmentName: "variant-b", TemplateConfiguration: { InAppTemplate: { Name: otherTemplate } } },
    ],
  });

  const campaign = (await create(appId, request)).CampaignResponse;
  assert.equal(campaign.HoldoutPercent, 10);
  assert.equal(campaign.TreatmentName, "control");
  assert.equal(campaign.TreatmentDescription, "the template as it is");
  assert.equal(campaign.AdditionalTreatments.length, 2);
  const [a, b] = campaign.AdditionalTreatments;
  assert.deepEqual([a.Id, a.SizePercent, a.TreatmentName], ["1", 30, "variant-a"]);
  assert.deepEqual([b.Id, b.SizePercent, b.TreatmentName], ["2", 20, "variant-b"]);
  assert.deepEqual(a.MessageConfiguration.InAppMessage.Content, inline.Content);
  assert.equal(b.TemplateConfiguration.InAppTemplate.Name, otherTemplate);

  const fetched = (await send(new GetCampaignCommand({ ApplicationId: appId, CampaignId: campaign.Id }))).CampaignResponse;
  assert.deepEqual(fetched.AdditionalTreatments, campaign.AdditionalTreatments);
  assert.equal(fetched.HoldoutPercent, 10);
  const listed = (await send(new GetCampaignsCommand({ ApplicationId: appId }))).CampaignsResponse.Item.find((c) => c.Id === campaign.Id);
  assert.deepEqual(listed.AdditionalTreatments.map((x) => [x.Id, x.SizePercent]), [["1", 30], ["2", 20]]);
});

test("AdditionalTreatments whose SizePercent add up to more than 100, or a HoldoutPercent over 100, are BadRequestException", async (t) => {
  const { appId, segmentId, templateName } = await setup(t);
  const treatment = (size) => ({ SizePercent: size, TemplateConfiguration: { InAppTemplate: { Name: templateName } } });
  await expectError(
    create(appId, campaignRequest({ segmentId, templateName, filter: purchaseFilter, AdditionalTreatments: [treatment(60), treatment(50)] })),
    "BadRequestException",
    400,
    /SizePercent/,
  );
  await expectError(
    create(appId, campaignRequest({ segmentId, templateName, filter: purchaseFilter, HoldoutPercent: 101 })),
    "BadRequestException",
    400,
    /HoldoutPercent/,
  );
  await expectError(
    create(appId, campaignRequest({ segmentId, templateName, filter: purchaseFilter, AdditionalTreatments: [{ TreatmentName: "no size" }] })),
    "BadRequestException",
    400,
    /SizePercent/,
  );
});
