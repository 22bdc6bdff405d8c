// Authorization: the official client signs every request (SigV4, signing name mobiletargeting); the host accepts the
// owner key on every route and the app key on PutEvents, UpdateEndpoint and GetInAppMessages only.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import {
  CreateAppCommand,
  CreateCampaignCommand,
  DeleteAppCommand,
  GetAppCommand,
  GetAppsCommand,
  GetCampaignsCommand,
  GetEndpointCommand,
  GetInAppMessagesCommand,
  PinpointClient,
  PutEventsCommand,
  UpdateEndpointCommand,
} from "@aws-sdk/client-pinpoint";
import {
  APP_KEY,
  OWNER_KEY,
  REGION,
  campaignRequest,
  event,
  eventFilter,
  expectError,
  newApp,
  newSegment,
  newTemplate,
  pinpoint,
  PINPOINT_ENDPOINT,
  send,
  sendAsApp,
  unique,
} from "./helpers.mjs";

test("the app key may not call an owner route: CreateApp is ForbiddenException and creates nothing", async () => {
  const name = `compat-forbidden-${unique()}`;

  const error = await expectError(
    sendAsApp(new CreateAppCommand({ CreateApplicationRequest: { Name: name } })),
    "ForbiddenException",
    403,
    /Key not allowed for this route/,
  );

  assert.ok(error.$metadata.requestId, "x-amzn-RequestId is sent with the 403");
  let token;
  do {
    const { ApplicationsResponse } = await send(new GetAppsCommand({ PageSize: "1000", Token: token }));
    assert.ok(!ApplicationsResponse.Item.some((app) => app.Name === name), "no app was created");
    token = ApplicationsResponse.NextToken;
  } while (token);
});

test("the app key may not create a campaign, read an app or an endpoint, or list campaigns", async (t) => {
  const appId = await newApp(t);
  const { name: templateName } = await newTemplate(t);
  const segmentId = await newSegment(appId);
  const endpointId = randomUUID();
  await sendAsApp(new UpdateEndpointCommand({ ApplicationId: appId, EndpointId: endpointId, EndpointRequest: { ChannelType: "IN_APP" } }));

  for (const command of [
    new CreateCampaignCommand({ ApplicationId: appId, WriteCampaignRequest: campaignRequest({ segmentId, templateName, filter: eventFilter("level_up") }) }),
    new GetAppCommand({ ApplicationId: appId }),
    new GetEndpointCommand({ ApplicationId: appId, EndpointId: endpointId }),
    new GetCampaignsCommand({ ApplicationId: appId }),
    new DeleteAppCommand({ ApplicationId: appId }),
  ]) {
    await expectError(sendAsApp(command), "ForbiddenException", 403, /Key not allowed for this route/);
  }

  const { CampaignsResponse } = await send(new GetCampaignsCommand({ ApplicationId: appId }));
  assert.deepEqual(CampaignsResponse.Item, [], "the refused CreateCampaign created nothing");
  await send(new GetAppCommand({ ApplicationId: appId }));
});

test("the app key may call PutEvents, UpdateEndpoint and GetInAppMessages, also for an id with a space and a slash", async (t) => {
  const appId = await newApp(t);
  const endpointId = `player 1/${randomUUID()}`;

  const updated = await sendAsApp(
    new UpdateEndpointCommand({ ApplicationId: appId, EndpointId: endpointId, EndpointRequest: { ChannelType: "IN_APP" } }),
  );
  const posted = await sendAsApp(
    new PutEventsCommand({
      ApplicationId: appId,
      EventsRequest: { BatchItem: { [endpointId]: { Endpoint: {}, Events: { [randomUUID()]: event("level_up") } } } },
    }),
  );
  const fetched = await sendAsApp(new GetInAppMessagesCommand({ ApplicationId: appId, EndpointId: endpointId }));

  assert.equal(updated.$metadata.httpStatusCode, 202);
  assert.equal(posted.$metadata.httpStatusCode, 202);
  assert.equal(fetched.$metadata.httpStatusCode, 200);
  assert.deepEqual(fetched.InAppMessagesResponse.InAppMessageCampaigns, []);
  const { EndpointResponse } = await send(new GetEndpointCommand({ ApplicationId: appId, EndpointId: endpointId }));
  assert.equal(EndpointResponse.Id, endpointId, "the owner key reads what the app key wrote");
});

test("a client with a wrong secret gets ForbiddenException (signature mismatch) on every route", async (t) => {
  const appId = await newApp(t);
  for (const key of [OWNER_KEY, APP_KEY]) {
    const impostor = pinpoint({ accessKeyId: key.accessKeyId, secretAccessKey: `${key.secretAccessKey}-wrong` });
    await expectError(
      impostor.send(new CreateAppCommand({ CreateApplicationRequest: { Name: `compat-${unique()}` } })),
      "ForbiddenException",
      403,
      /Signature mismatch/,
    );
    await expectError(
      impostor.send(new GetInAppMessagesCommand({ ApplicationId: appId, EndpointId: randomUUID() })),
      "ForbiddenException",
      403,
      /Signature mismatch/,
    );
  }
});

test("a client with an unknown access key gets ForbiddenException", async () => {
  const stranger = pinpoint({ accessKeyId: `AKID${unique().toUpperCase()}`, secretAccessKey: "whatever" });

  await expectError(stranger.send(new GetAppCommand({ ApplicationId: "0".repeat(32) })), "ForbiddenException", 403, /Unknown access key/);
});

test("the client signs for mobiletargeting by default, and for execute-api (what API Gateway requires in AWS) with signingName", async () => {
  const scopes = [];
  for (const extra of [{}, { signingName: "execute-api" }]) {
    const configured = new PinpointClient({ endpoint: PINPOINT_ENDPOINT, region: REGION, credentials: OWNER_KEY, ...extra });
    configured.middlewareStack.add(
      (next) => async (args) => {
        scopes.push(/Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(args.request.headers.authorization).slice(1).join("/"));
        return next(args);
      },
      { step: "finalizeRequest", priority: "low" },
    );

    const { ApplicationsResponse } = await configured.send(new GetAppsCommand({ PageSize: "1" }));

    assert.ok(Array.isArray(ApplicationsResponse.Item));
  }
  assert.deepEqual(scopes, [`${REGION}/mobiletargeting`, `${REGION}/execute-api`]);
});
