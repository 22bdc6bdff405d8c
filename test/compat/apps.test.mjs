// Apps (projects): CreateApp, GetApp, GetApps, DeleteApp.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CreateAppCommand, DeleteAppCommand, GetAppCommand, GetAppsCommand } from "@aws-sdk/client-pinpoint";
import { assertIsoDate, expectError, send, unique } from "./helpers.mjs";

async function createApp(t, request) {
  const output = await send(new CreateAppCommand({ CreateApplicationRequest: request }));
  t.after(() => send(new DeleteAppCommand({ ApplicationId: output.ApplicationResponse.Id })).catch(() => {}));
  return output;
}

test("CreateApp answers 201 with the ApplicationResponse, and GetApp returns the same app", async (t) => {
  const name = `compat-app-${unique()}`;
  const created = await createApp(t, { Name: name, tags: { env: "dev" } });

  assert.equal(created.$metadata.httpStatusCode, 201);
  assert.ok(created.$metadata.requestId, "x-amzn-RequestId header is sent");
  const app = created.ApplicationResponse;
  assert.equal(app.Name, name);
  assert.equal(typeof app.Id, "string");
  assert.ok(app.Id.length > 0);
  assert.match(app.Arn, /^arn:aws:mobiletargeting:/);
  assert.ok(app.Arn.endsWith(`apps/${app.Id}`), `Arn ${app.Arn} ends with apps/${app.Id}`);
  assert.deepEqual(app.tags, { env: "dev" });
  assertIsoDate(app.CreationDate, "CreationDate");

  const fetched = await send(new GetAppCommand({ ApplicationId: app.Id }));
  assert.equal(fetched.$metadata.httpStatusCode, 200);
  assert.deepEqual(fetched.ApplicationResponse, app);
});

test("GetApps lists created apps, one page at a time with NextToken", async (t) => {
  const ids = [];
  for (let i = 0; i < 3; i++) {
    ids.push((await createApp(t, { Name: `compat-list-${unique()}` })).ApplicationResponse.Id);
  }

  const seen = new Set();
  let token;
  let pages = 0;
  do {
    const { ApplicationsResponse } = await send(new GetAppsCommand({ PageSize: "2", Token: token }));
    assert.ok(Array.isArray(ApplicationsResponse.Item), "the page has an Item array");
    assert.ok(ApplicationsResponse.Item.length <= 2, `page size 2 returned ${ApplicationsResponse.Item.length} items`);
    for (const app of ApplicationsResponse.Item) {
      assert.ok(app.Id && app.Name && app.Arn, "every item is an ApplicationResponse");
      seen.add(app.Id);
    }
    token = ApplicationsResponse.NextToken;
    pages++;
    assert.ok(pages < 500, "GetApps pagination terminates");
  } while (token);

  for (const id of ids) assert.ok(seen.has(id), `app ${id} is listed`);
  assert.ok(pages >= 2, "three apps with page size 2 take at least two pages");
});

test("DeleteApp returns the deleted app, after which GetApp is NotFoundException", async (t) => {
  const app = (await createApp(t, { Name: `compat-delete-${unique()}` })).ApplicationResponse;

  const deleted = await send(new DeleteAppCommand({ ApplicationId: app.Id }));
  assert.equal(deleted.$metadata.httpStatusCode, 200);
  assert.equal(deleted.ApplicationResponse.Id, app.Id);
  assert.equal(deleted.ApplicationResponse.Name, app.Name);

  await expectError(send(new GetAppCommand({ ApplicationId: app.Id })), "NotFoundException", 404);
  await expectError(send(new DeleteAppCommand({ ApplicationId: app.Id })), "NotFoundException", 404);
});

test("CreateApp without a Name is BadRequestException naming Name", async () => {
  await expectError(send(new CreateAppCommand({ CreateApplicationRequest: {} })), "BadRequestException", 400, /Name/);
});

test("GetApp of an unknown app is NotFoundException", async () => {
  await expectError(send(new GetAppCommand({ ApplicationId: `${unique()}${unique()}` })), "NotFoundException", 404);
});
