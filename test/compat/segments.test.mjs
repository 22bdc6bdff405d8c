// Segments: CreateSegment, GetSegment, UpdateSegment, DeleteSegment with dimensions.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CreateSegmentCommand, DeleteSegmentCommand, GetSegmentCommand, UpdateSegmentCommand } from "@aws-sdk/client-pinpoint";
import { assertIsoDate, expectError, newApp, send } from "./helpers.mjs";

const dimensions = {
  Demographic: {
    Channel: { DimensionType: "INCLUSIVE", Values: ["IN_APP"] },
    Platform: { DimensionType: "INCLUSIVE", Values: ["ios", "android"] },
  },
  Attributes: { interests: { AttributeType: "INCLUSIVE", Values: ["music", "travel"] } },
  UserAttributes: { plan: { AttributeType: "EXCLUSIVE", Values: ["free"] } },
  Metrics: { level: { ComparisonOperator: "GREATER_THAN_OR_EQUAL", Value: 10 } },
};

test("CreateSegment answers 201 with a DIMENSIONAL SegmentResponse; GetSegment returns it", async (t) => {
  const appId = await newApp(t);
  const created = await send(
    new CreateSegmentCommand({ ApplicationId: appId, WriteSegmentRequest: { Name: "music lovers", Dimensions: dimensions } }),
  );
  assert.equal(created.$metadata.httpStatusCode, 201);
  const segment = created.SegmentResponse;
  assert.equal(segment.ApplicationId, appId);
  assert.equal(typeof segment.Id, "string");
  assert.ok(segment.Id.length > 0);
  assert.match(segment.Arn, /^arn:aws:mobiletargeting:/);
  assert.ok(segment.Arn.includes(`apps/${appId}/segments/${segment.Id}`), `Arn ${segment.Arn}`);
  assert.equal(segment.SegmentType, "DIMENSIONAL");
  assert.equal(segment.Name, "music lovers");
  assert.equal(segment.Version, 1);
  assert.deepEqual(segment.Dimensions, dimensions);
  assertIsoDate(segment.CreationDate, "CreationDate");

  const fetched = await send(new GetSegmentCommand({ ApplicationId: appId, SegmentId: segment.Id }));
  assert.equal(fetched.$metadata.httpStatusCode, 200);
  assert.deepEqual(fetched.SegmentResponse, segment);
});

test("UpdateSegment replaces name and dimensions and increments Version", async (t) => {
  const appId = await newApp(t);
  const { SegmentResponse: segment } = await send(
    new CreateSegmentCommand({ ApplicationId: appId, WriteSegmentRequest: { Name: "before", Dimensions: dimensions } }),
  );
  const newDimensions = { Demographic: { Channel: { DimensionType: "INCLUSIVE", Values: ["IN_APP"] } } };

  const updated = await send(
    new UpdateSegmentCommand({
      ApplicationId: appId,
      SegmentId: segment.Id,
      WriteSegmentRequest: { Name: "after", Dimensions: newDimensions },
    }),
  );
  assert.equal(updated.$metadata.httpStatusCode, 200);
  assert.equal(updated.SegmentResponse.Id, segment.Id);
  assert.equal(updated.SegmentResponse.Name, "after");
  assert.equal(updated.SegmentResponse.Version, 2);
  assert.deepEqual(updated.SegmentResponse.Dimensions, newDimensions);
  assertIsoDate(updated.SegmentResponse.LastModifiedDate, "LastModifiedDate");

  const fetched = (await send(new GetSegmentCommand({ ApplicationId: appId, SegmentId: segment.Id }))).SegmentResponse;
  assert.equal(fetched.Name, "after");
  assert.equal(fetched.Version, 2);
});

test("DeleteSegment returns the segment, after which GetSegment is NotFoundException", async (t) => {
  const appId = await newApp(t);
  const { SegmentResponse: segment } = await send(
    new CreateSegmentCommand({ ApplicationId: appId, WriteSegmentRequest: { Name: "doomed", Dimensions: dimensions } }),
  );

  const deleted = await send(new DeleteSegmentCommand({ ApplicationId: appId, SegmentId: segment.Id }));
  assert.equal(deleted.$metadata.httpStatusCode, 200);
  assert.equal(deleted.SegmentResponse.Id, segment.Id);
  assert.equal(deleted.SegmentResponse.Name, "doomed");

  await expectError(send(new GetSegmentCommand({ ApplicationId: appId, SegmentId: segment.Id })), "NotFoundException", 404);
});

test("CreateSegment without a Name is BadRequestException naming Name", async (t) => {
  const appId = await newApp(t);
  await expectError(
    send(new CreateSegmentCommand({ ApplicationId: appId, WriteSegmentRequest: { Dimensions: dimensions } })),
    "BadRequestException",
    400,
    /Name/,
  );
});

test("GetSegment of an unknown segment, or in an unknown app, is NotFoundException", async (t) => {
  const appId = await newApp(t);
  await expectError(send(new GetSegmentCommand({ ApplicationId: appId, SegmentId: "0123456789abcdef" })), "NotFoundException", 404);
  await expectError(
    send(new CreateSegmentCommand({ ApplicationId: "00000000000000000000000000000000", WriteSegmentRequest: { Name: "x" } })),
    "NotFoundException",
    404,
  );
});
