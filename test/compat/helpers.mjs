// Shared set-up for the compatibility suite: the official AWS SDK Pinpoint client pointed at
// PINPOINT_ENDPOINT, and builders for the request shapes of the wire contract.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import {
  CreateAppCommand,
  CreateCampaignCommand,
  CreateInAppTemplateCommand,
  CreateSegmentCommand,
  DeleteAppCommand,
  DeleteInAppTemplateCommand,
  GetInAppMessagesCommand,
  PinpointClient,
  PutEventsCommand,
  UpdateEndpointCommand,
} from "@aws-sdk/client-pinpoint";

export const PINPOINT_ENDPOINT = process.env.PINPOINT_ENDPOINT;
const endpoint = PINPOINT_ENDPOINT;
if (!endpoint) {
  throw new Error("PINPOINT_ENDPOINT is not set: point it at a running ServerlessInApp host (./test.sh does)");
}

// The SDK warns once per process that its 2027 releases will need Node 22; this suite pins its version.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

// The local host checks SigV4 signatures against two development keys (./run.sh prints them; test.sh sets its own).
// The owner key may call every route, the app key only PutEvents, UpdateEndpoint and GetInAppMessages.
export const REGION = "us-east-1";
export const OWNER_KEY = {
  accessKeyId: process.env.LOCAL_OWNER_ACCESS_KEY_ID ?? "local-owner",
  secretAccessKey: process.env.LOCAL_OWNER_SECRET_ACCESS_KEY ?? "local-owner-secret",
};
export const APP_KEY = {
  accessKeyId: process.env.LOCAL_APP_ACCESS_KEY_ID ?? "local-app",
  secretAccessKey: process.env.LOCAL_APP_SECRET_ACCESS_KEY ?? "local-app-secret",
};

/** The official client as a user configures it: the endpoint changed, region and credentials as usual. */
export const pinpoint = (credentials) => new PinpointClient({ endpoint, region: REGION, credentials });

/** The owner's client (every route): what most tests use. */
export const client = pinpoint(OWNER_KEY);

/** A device's client (app routes only): the helpers below post events, register endpoints and fetch messages with it. */
export const appClient = pinpoint(APP_KEY);

export const send = (command) => client.send(command);

export const sendAsApp = (command) => appClient.send(command);

/** A short unique suffix for names that are global (templates) or shown in lists. */
export const unique = () => randomUUID().replaceAll("-", "").slice(0, 12);

export const FUTURE_END = "2099-01-01T00:00:00.000Z";

/** Creates an app for one test and deletes it when the test ends. Returns its id. */
export async function newApp(t, name = `compat-${unique()}`) {
  const { ApplicationResponse } = await send(new CreateAppCommand({ CreateApplicationRequest: { Name: name } }));
  t.after(async () => {
    try {
      await send(new DeleteAppCommand({ ApplicationId: ApplicationResponse.Id }));
    } catch {
      // Best effort: the test may have deleted it already.
    }
  });
  return ApplicationResponse.Id;
}

/** One InAppMessageContent item with every required member of header and body. */
export function content({ header = "Spring sale", body = "20% off today only", ...extra } = {}) {
  return {
    BackgroundColor: "#FFFFFF",
    HeaderConfig: { Alignment: "CENTER", Header: header, TextColor: "#000000" },
    BodyConfig: { Alignment: "LEFT", Body: body, TextColor: "#333333" },
    ...extra,
  };
}

/** Creates an in-app template for one test and deletes it (all versions) when the test ends. */
export async function newTemplate(t, request = { Layout: "MIDDLE_BANNER", Content: [content()] }, name = `tpl-${unique()}`) {
  const response = await send(new CreateInAppTemplateCommand({ TemplateName: name, InAppTemplateRequest: request }));
  t.after(async () => {
    try {
      await send(new DeleteInAppTemplateCommand({ TemplateName: name }));
    } catch {
      // Best effort.
    }
  });
  return { name, response };
}

/** A segment of every IN_APP endpoint, or the given dimensions. Returns its id. */
export async function newSegment(appId, dimensions = { Demographic: { Channel: { DimensionType: "INCLUSIVE", Values: ["IN_APP"] } } }) {
  const { SegmentResponse } = await send(
    new CreateSegmentCommand({ ApplicationId: appId, WriteSegmentRequest: { Name: `segment-${unique()}`, Dimensions: dimensions } }),
  );
  return SegmentResponse.Id;
}

/** An event filter on one event type, with optional attribute and metric dimensions. */
export function eventFilter(eventType, { attributes, metrics, filterType = "ENDPOINT" } = {}) {
  const dimensions = { EventType: { DimensionType: "INCLUSIVE", Values: [eventType] } };
  if (attributes) dimensions.Attributes = attributes;
  if (metrics) dimensions.Metrics = metrics;
  return { FilterType: filterType, Dimensions: dimensions };
}

/** A valid WriteCampaignRequest for an in-app campaign; `overrides` replace top-level members. */
export function campaignRequest({ segmentId, templateName, filter, ...overrides }) {
  return {
    Name: `campaign-${unique()}`,
    SegmentId: segmentId,
    Priority: 3,
    IsPaused: false,
    Limits: { Daily: 0, Session: 1, Total: 3 },
    TemplateConfiguration: { InAppTemplate: { Name: templateName } },
    Schedule: {
      StartTime: "IMMEDIATE",
      EndTime: FUTURE_END,
      Frequency: "IN_APP_EVENT",
      EventFilter: filter,
    },
    ...overrides,
  };
}

export async function newCampaign(appId, request) {
  const { CampaignResponse } = await send(new CreateCampaignCommand({ ApplicationId: appId, WriteCampaignRequest: request }));
  return CampaignResponse;
}

/** Registers (or updates) an IN_APP endpoint, as the device does (app key). */
export async function inAppEndpoint(appId, endpointId = randomUUID(), extra = {}) {
  await sendAsApp(
    new UpdateEndpointCommand({
      ApplicationId: appId,
      EndpointId: endpointId,
      EndpointRequest: {
        ChannelType: "IN_APP",
        EffectiveDate: new Date().toISOString(),
        RequestId: randomUUID(),
        OptOut: "NONE",
        ...extra,
      },
    }),
  );
  return endpointId;
}

/** Builds one Event as the SDK clients send it. */
export function event(eventType, { attributes, metrics, timestamp = new Date().toISOString() } = {}) {
  const e = { EventType: eventType, Timestamp: timestamp, Session: { Id: randomUUID(), StartTimestamp: timestamp } };
  if (attributes) e.Attributes = attributes;
  if (metrics) e.Metrics = metrics;
  return e;
}

/** PutEvents for one endpoint, as the device does (app key); `events` is a map of event id → Event (or an array, ids generated). */
export async function putEvents(appId, endpointId, events, endpoint = {}) {
  const map = Array.isArray(events) ? Object.fromEntries(events.map((e) => [randomUUID(), e])) : events;
  const output = await sendAsApp(
    new PutEventsCommand({
      ApplicationId: appId,
      EventsRequest: { BatchItem: { [endpointId]: { Endpoint: endpoint, Events: map } } },
    }),
  );
  for (const [id, result] of Object.entries(output.EventsResponse.Results[endpointId].EventsItemResponse)) {
    assert.equal(result.StatusCode, 202, `event ${id} (${map[id]?.EventType}) was not accepted: ${result.Message}`);
  }
  return output;
}

export async function inAppMessages(appId, endpointId) {
  const { InAppMessagesResponse } = await sendAsApp(new GetInAppMessagesCommand({ ApplicationId: appId, EndpointId: endpointId }));
  return InAppMessagesResponse?.InAppMessageCampaigns ?? [];
}

/**
 * Polls GetInAppMessages every 200 ms for up to 15 s until `until(campaigns)` holds; returns the
 * campaigns of that answer. The trigger runs asynchronously (events queue → trigger), hence the wait.
 */
export async function pollInAppMessages(appId, endpointId, until, { timeoutMs = 15000, what = "the expected campaigns" } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = [];
  for (;;) {
    last = await inAppMessages(appId, endpointId);
    if (until(last)) return last;
    if (Date.now() >= deadline) {
      assert.fail(`GetInAppMessages did not return ${what} within ${timeoutMs} ms; last answer: ${JSON.stringify(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const campaignIds = (campaigns) => campaigns.map((c) => c.CampaignId);

/**
 * Asserts that `promise` rejects with the modelled Pinpoint exception `name` and HTTP `status`,
 * a RequestID in the body and, when given, a message matching `messagePattern`. Returns the error.
 */
export async function expectError(promise, name, status, messagePattern) {
  let error;
  try {
    const output = await promise;
    assert.fail(`expected ${name} (${status}), but the call succeeded: ${JSON.stringify(output)}`);
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    error = e;
  }
  assert.equal(error.name, name, `expected ${name}, got ${error.name}: ${error.message}`);
  assert.equal(error.$metadata?.httpStatusCode, status, `HTTP status of ${name}`);
  assert.equal(error.$fault, status >= 500 ? "server" : "client");
  assert.equal(typeof error.RequestID, "string", "the error body has a RequestID");
  assert.ok(error.RequestID.length > 0, "the error body's RequestID is not empty");
  if (messagePattern) {
    assert.match(error.message, messagePattern, `the ${name} message should name the problem`);
  }
  return error;
}

/** Asserts an ISO-8601 date string (the model's dates are strings, never numbers). */
export function assertIsoDate(value, label) {
  assert.equal(typeof value, "string", `${label} is a string`);
  assert.match(value, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, `${label} is ISO 8601`);
  assert.ok(!Number.isNaN(Date.parse(value)), `${label} parses`);
}
