// PutEvents: per-event results in the EventsResponse.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { GetEndpointCommand, PutEventsCommand } from "@aws-sdk/client-pinpoint";
import { event, expectError, inAppEndpoint, newApp, send } from "./helpers.mjs";

const putEvents = (appId, batchItem) => send(new PutEventsCommand({ ApplicationId: appId, EventsRequest: { BatchItem: batchItem } }));

test("PutEvents answers 202 with a 202 result for every valid event and the endpoint", async (t) => {
  const appId = await newApp(t);
  const endpointId = await inAppEndpoint(appId);
  const ids = [randomUUID(), randomUUID(), randomUUID()];
  const events = {
    [ids[0]]: event("_session.start"),
    [ids[1]]: event("purchase", { attributes: { sku: "A1" }, metrics: { price: 25.5 } }),
    [ids[2]]: {
      ...event("_session.stop"),
      Session: { Id: randomUUID(), StartTimestamp: "2024-05-01T11:58:00.000Z", StopTimestamp: "2024-05-01T12:10:00.000Z", Duration: 720000 },
    },
  };

  const output = await putEvents(appId, { [endpointId]: { Endpoint: {}, Events: events } });
  assert.equal(output.$metadata.httpStatusCode, 202);
  const result = output.EventsResponse.Results[endpointId];
  assert.ok(result, "a Results entry for the endpoint");
  assert.equal(result.EndpointItemResponse?.StatusCode, 202);
  assert.deepEqual(Object.keys(result.EventsItemResponse).sort(), [...ids].sort(), "a result for every event id");
  for (const id of ids) {
    assert.equal(result.EventsItemResponse[id].StatusCode, 202, `event ${id}`);
    assert.equal(typeof result.EventsItemResponse[id].Message, "string");
  }
});

test("PutEvents answers 400 for each invalid event and 202 for the valid ones in the same call", async (t) => {
  const appId = await newApp(t);
  const endpointId = await inAppEndpoint(appId);
  const good = randomUUID();
  const noType = randomUUID();
  const noTimestamp = randomUUID();
  const badTimestamp = randomUUID();
  const { EventType, ...withoutType } = event("purchase");
  const { Timestamp, ...withoutTimestamp } = event("purchase");

  const output = await putEvents(appId, {
    [endpointId]: {
      Endpoint: {},
      Events: {
        [good]: event("purchase"),
        [noType]: withoutType,
        [noTimestamp]: withoutTimestamp,
        [badTimestamp]: { ...event("purchase"), Timestamp: "yesterday" },
      },
    },
  });

  assert.equal(output.$metadata.httpStatusCode, 202, "the call itself is accepted");
  const results = output.EventsResponse.Results[endpointId].EventsItemResponse;
  assert.equal(results[good].StatusCode, 202);
  assert.equal(results[noType].StatusCode, 400);
  assert.match(results[noType].Message, /EventType/);
  assert.equal(results[noTimestamp].StatusCode, 400);
  assert.match(results[noTimestamp].Message, /Timestamp/);
  assert.equal(results[badTimestamp].StatusCode, 400);
  assert.match(results[badTimestamp].Message, /Timestamp/);
});

test("PutEvents reports per endpoint when a call spans several endpoints", async (t) => {
  const appId = await newApp(t);
  const a = await inAppEndpoint(appId);
  const b = await inAppEndpoint(appId);
  const ea = randomUUID();
  const eb = randomUUID();

  const output = await putEvents(appId, {
    [a]: { Endpoint: {}, Events: { [ea]: event("level_up") } },
    [b]: { Endpoint: {}, Events: { [eb]: event("level_up") } },
  });
  assert.equal(output.EventsResponse.Results[a].EventsItemResponse[ea].StatusCode, 202);
  assert.equal(output.EventsResponse.Results[b].EventsItemResponse[eb].StatusCode, 202);
});

test("PutEvents with an empty Endpoint object leaves the stored endpoint unchanged", async (t) => {
  const appId = await newApp(t);
  const endpointId = await inAppEndpoint(appId, randomUUID(), {
    Attributes: { plan: ["pro"] },
    User: { UserId: "user-9", UserAttributes: { tier: ["gold"] } },
  });

  await putEvents(appId, { [endpointId]: { Endpoint: {}, Events: { [randomUUID()]: event("purchase") } } });

  const e = (await send(new GetEndpointCommand({ ApplicationId: appId, EndpointId: endpointId }))).EndpointResponse;
  assert.equal(e.ChannelType, "IN_APP");
  assert.deepEqual(e.Attributes, { plan: ["pro"] });
  assert.deepEqual(e.User, { UserId: "user-9", UserAttributes: { tier: ["gold"] } });
});

test("PutEvents to an unknown app is NotFoundException", async () => {
  await expectError(
    putEvents("00000000000000000000000000000000", { [randomUUID()]: { Endpoint: {}, Events: { [randomUUID()]: event("purchase") } } }),
    "NotFoundException",
    404,
  );
});

test("PutEvents without BatchItem is BadRequestException naming BatchItem", async (t) => {
  const appId = await newApp(t);
  await expectError(send(new PutEventsCommand({ ApplicationId: appId, EventsRequest: {} })), "BadRequestException", 400, /BatchItem/);
});
