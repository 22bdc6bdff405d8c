// Project defaults: GetApplicationSettings / UpdateApplicationSettings with Limits and QuietTime (the fallbacks of
// every in-app campaign's caps and quiet time).
import assert from "node:assert/strict";
import { test } from "node:test";
import { GetApplicationSettingsCommand, UpdateApplicationSettingsCommand } from "@aws-sdk/client-pinpoint";
import { assertIsoDate, expectError, newApp, send, unique } from "./helpers.mjs";

const get = (appId) => send(new GetApplicationSettingsCommand({ ApplicationId: appId }));
const update = (appId, request) => send(new UpdateApplicationSettingsCommand({ ApplicationId: appId, WriteApplicationSettingsRequest: request }));

test("GetApplicationSettings of a new app answers 200 with its ApplicationId and no limits", async (t) => {
  const appId = await newApp(t);
  const output = await get(appId);
  assert.equal(output.$metadata.httpStatusCode, 200);
  assert.equal(output.ApplicationSettingsResource.ApplicationId, appId);
  assert.equal(output.ApplicationSettingsResource.Limits, undefined);
  assert.equal(output.ApplicationSettingsResource.QuietTime, undefined);
});

test("UpdateApplicationSettings stores Limits and QuietTime, and GetApplicationSettings returns them", async (t) => {
  const appId = await newApp(t);
  const request = { Limits: { Daily: 3, Session: 2, Total: 10 }, QuietTime: { Start: "22:00", End: "07:00" } };

  const updated = await update(appId, request);
  assert.equal(updated.$metadata.httpStatusCode, 200);
  const settings = updated.ApplicationSettingsResource;
  assert.equal(settings.ApplicationId, appId);
  assert.deepEqual(settings.Limits, request.Limits);
  assert.deepEqual(settings.QuietTime, request.QuietTime);
  assertIsoDate(settings.LastModifiedDate, "LastModifiedDate");

  assert.deepEqual((await get(appId)).ApplicationSettingsResource, settings);
});

test("UpdateApplicationSettings keeps the members it is not sent", async (t) => {
  const appId = await newApp(t);
  await update(appId, { Limits: { Daily: 1 }, QuietTime: { Start: "23:00", End: "06:30" } });

  const settings = (await update(appId, { QuietTime: { Start: "21:15", End: "08:00" } })).ApplicationSettingsResource;
  assert.deepEqual(settings.Limits, { Daily: 1 });
  assert.deepEqual(settings.QuietTime, { Start: "21:15", End: "08:00" });
  assert.deepEqual((await get(appId)).ApplicationSettingsResource.Limits, { Daily: 1 });
});

test("invalid settings are BadRequestException and change nothing", async (t) => {
  const appId = await newApp(t);
  await update(appId, { Limits: { Daily: 2 } });
  await expectError(update(appId, { QuietTime: { Start: "25:00", End: "07:00" } }), "BadRequestException", 400, /QuietTime\.Start/);
  await expectError(update(appId, { Limits: { Daily: -1 } }), "BadRequestException", 400, /Limits\.Daily/);
  assert.deepEqual((await get(appId)).ApplicationSettingsResource.Limits, { Daily: 2 });
  assert.equal((await get(appId)).ApplicationSettingsResource.QuietTime, undefined);
});

test("settings of an unknown app are NotFoundException", async () => {
  const appId = `${unique()}${unique()}`;
  await expectError(get(appId), "NotFoundException", 404);
  await expectError(update(appId, { Limits: { Daily: 1 } }), "NotFoundException", 404);
});
