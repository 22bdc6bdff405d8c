// Endpoints: UpdateEndpoint, GetEndpoint, DeleteEndpoint.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { DeleteEndpointCommand, GetEndpointCommand, UpdateEndpointCommand } from "@aws-sdk/client-pinpoint";
import { assertIsoDate, expectError, newApp, send } from "./helpers.mjs";

const request = {
  ChannelType: "IN_APP",
  EffectiveDate: "2024-05-01T12:00:00.000Z",
  RequestId: "c0d1e2f3-0000-4000-8000-000000000001",
  Attributes: { interests: ["music", "travel"], plan: ["free"] },
  Metrics: { score: 4.5, level: 3 },
  OptOut: "NONE",
  Demographic: { AppVersion: "1.2.0", Platform: "web", Make: "Acme", Model: "Phone", Locale: "en_US", Timezone: "Europe/Paris" },
  Location: { City: "Paris", Country: "FR", Latitude: 48.8566, Longitude: 2.3522, PostalCode: "75001", Region: "IDF" },
  User: { UserId: "user-123", UserAttributes: { tier: ["gold"] } },
};

const update = (appId, endpointId, endpointRequest) =>
  send(new UpdateEndpointCommand({ ApplicationId: appId, EndpointId: endpointId, EndpointRequest: endpointRequest }));
const get = (appId, endpointId) => send(new GetEndpointCommand({ ApplicationId: appId, EndpointId: endpointId }));

test("UpdateEndpoint answers 202 with a MessageBody; GetEndpoint returns every member", async (t) => {
  const appId = await newApp(t);
  const endpointId = randomUUID();

  const updated = await update(appId, endpointId, request);
  assert.equal(updated.$metadata.httpStatusCode, 202);
  assert.equal(typeof updated.MessageBody.RequestID, "string", "MessageBody has RequestID (capital ID)");
  assert.ok(updated.MessageBody.RequestID.length > 0);

  const { EndpointResponse: e, $metadata } = await get(appId, endpointId);
  assert.equal($metadata.httpStatusCode, 200);
  assert.equal(e.Id, endpointId);
  assert.equal(e.ApplicationId, appId);
  assert.equal(e.ChannelType, "IN_APP");
  assert.deepEqual(e.Attributes, request.Attributes);
  assert.deepEqual(e.Metrics, request.Metrics);
  assert.deepEqual(e.Demographic, request.Demographic);
  assert.deepEqual(e.Location, request.Location);
  assert.deepEqual(e.User, request.User);
  assert.equal(e.OptOut, "NONE");
  assert.equal(e.EndpointStatus, "ACTIVE");
  assert.equal(e.RequestId, request.RequestId, "EndpointResponse has RequestId (lower-case d)");
  assertIsoDate(e.EffectiveDate, "EffectiveDate");
  assertIsoDate(e.CreationDate, "CreationDate");
  assert.equal(typeof e.CohortId, "string", "CohortId is a string");
  assert.ok(Number(e.CohortId) >= 0 && Number(e.CohortId) <= 99, `CohortId ${e.CohortId} is 0-99`);
});

test("a second UpdateEndpoint replaces the attributes it sends and keeps the others", async (t) => {
  const appId = await newApp(t);
  const endpointId = randomUUID();
  await update(appId, endpointId, request);
  const first = (await get(appId, endpointId)).EndpointResponse;

  await update(appId, endpointId, { ChannelType: "IN_APP", Attributes: { plan: ["pro"] }, Metrics: { score: 9 } });

  const e = (await get(appId, endpointId)).EndpointResponse;
  assert.deepEqual(e.Attributes, { interests: ["music", "travel"], plan: ["pro"] });
  assert.deepEqual(e.Metrics, { score: 9, level: 3 });
  assert.deepEqual(e.User, request.User, "members not sent are kept");
  assert.deepEqual(e.Demographic, request.Demographic);
  assert.equal(e.CreationDate, first.CreationDate, "CreationDate does not change on update");
  assert.equal(e.CohortId, first.CohortId, "CohortId does not change on update");
});

test("an endpoint id with a space and a slash round-trips (percent-encoded path label)", async (t) => {
  const appId = await newApp(t);
  const endpointId = `ep 1/x-${randomUUID()}`;
  await update(appId, endpointId, { ChannelType: "IN_APP", Attributes: { odd: ["yes"] } });

  const e = (await get(appId, endpointId)).EndpointResponse;
  assert.equal(e.Id, endpointId);
  assert.deepEqual(e.Attributes, { odd: ["yes"] });
});

test("DeleteEndpoint answers 202 with the deleted endpoint, after which GetEndpoint is NotFoundException", async (t) => {
  const appId = await newApp(t);
  const endpointId = randomUUID();
  await update(appId, endpointId, request);

  const deleted = await send(new DeleteEndpointCommand({ ApplicationId: appId, EndpointId: endpointId }));
  assert.equal(deleted.$metadata.httpStatusCode, 202);
  assert.equal(deleted.EndpointResponse.Id, endpointId);
  assert.deepEqual(deleted.EndpointResponse.Attributes, request.Attributes);

  await expectError(get(appId, endpointId), "NotFoundException", 404);
});

test("GetEndpoint of an unknown endpoint, or in an unknown app, is NotFoundException", async (t) => {
  const appId = await newApp(t);
  await expectError(get(appId, randomUUID()), "NotFoundException", 404);
  await expectError(update("00000000000000000000000000000000", randomUUID(), request), "NotFoundException", 404);
});

test("UpdateEndpoint with an invalid ChannelType or OptOut is BadRequestException naming the field", async (t) => {
  const appId = await newApp(t);
  await expectError(update(appId, randomUUID(), { ...request, ChannelType: "CARRIER_PIGEON" }), "BadRequestException", 400, /ChannelType/);
  await expectError(update(appId, randomUUID(), { ...request, OptOut: "SOMETIMES" }), "BadRequestException", 400, /OptOut/);
});
