// Streaming list pages (the scanner reading the body as it arrives) against moto: the same items
// as the whole-document parse, first batch before the last, paging and errors as usual.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  describeImages,
  describeInstances,
  ec2Call,
  ec2List,
  runInstances,
} from '../../../src/cloud/ec2';
import { CloudError } from '../../../src/cloud/errors';
import { type Moto, startMoto } from '../../support/moto';
import { connect } from './support';

let moto: Moto;
let port: number;

beforeAll(async () => {
  moto = await startMoto();
  port = Number(new URL(moto.url).port);
});
afterAll(async () => {
  await moto?.stop();
});

test('a streamed DescribeImages gives exactly the parsed list, in batches', async () => {
  const { profile, signer } = connect(port);
  const parsed = await ec2List(describeImages, profile, signer, { owners: ['amazon'] });
  const batches: number[] = [];
  const streamed = await ec2List(
    describeImages,
    profile,
    signer,
    { owners: ['amazon'] },
    { stream: true, onPage: (items) => batches.push(items.length) },
  );
  expect(parsed.length).toBeGreaterThan(1000);
  expect(streamed).toEqual(parsed);
  // The first rows are handed out before the page ends.
  expect(batches[0]).toBe(200);
  expect(batches.reduce((a, b) => a + b, 0)).toBe(parsed.length);
});

test('streamed DescribeInstances follows NextToken pages', async () => {
  const { profile, signer } = connect(port);
  for (let i = 0; i < 3; i++)
    await ec2Call(runInstances, profile, signer, {
      imageId: 'ami-12c6146b',
      minCount: 2,
      maxCount: 2,
    });
  const whole = await ec2List(describeInstances, profile, signer, {});
  const paged = await ec2List(
    describeInstances,
    profile,
    signer,
    { maxResults: 5 },
    { stream: true },
  );
  expect(paged.map((i) => i.instanceId).sort()).toEqual(whole.map((i) => i.instanceId).sort());
  expect(whole.length).toBeGreaterThanOrEqual(6);
});

test('a body cut off in the middle is an error that says so, never a short list', async () => {
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.write(
        '<DescribeImagesResponse><requestId>r</requestId><imagesSet><item><imageId>emi-0000ABCD</imageId></item><item><imageId>emi-',
      );
      setTimeout(() => res.destroy(), 50);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { profile, signer } = connect((server.address() as AddressInfo).port);
    const error = await ec2List(describeImages, profile, signer, {}, { stream: true }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(CloudError);
    expect((error as CloudError).code).toMatch(/NetworkError|MalformedXml/);
  } finally {
    server.close();
  }
});
