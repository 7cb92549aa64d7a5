// Throttling and server errors from a real HTTP server on loopback: what is retried, what is not,
// and RunInstances keeping its ClientToken so a retried launch never launches twice.

import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { ec2Call, ec2List } from '../../../src/cloud/ec2/client';
import {
  describeInstances,
  runInstances,
  terminateInstances,
} from '../../../src/cloud/ec2/operations/instances';
import { CloudError } from '../../../src/cloud/errors';
import { connect } from './support';

const THROTTLED =
  '<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.' +
  '</Message></Error></Errors><RequestID>r1</RequestID></Response>';
const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/ec2/${name}`, import.meta.url), 'utf8');

interface Received {
  action: string;
  clientToken: string | null;
}

type Handler = (params: URLSearchParams, n: number) => { status: number; body: string };

let server: Server;
let c: ReturnType<typeof connect>;
let received: Received[];
let handler: Handler;
let waits: number[];

const retry = {
  sleep: async (ms: number) => {
    waits.push(ms);
  },
  random: () => 0.5,
};

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      received.push({ action: params.get('Action') ?? '', clientToken: params.get('ClientToken') });
      const { status, body } = handler(params, received.length);
      res.writeHead(status, {
        'content-type': 'text/xml;charset=UTF-8',
        date: new Date().toUTCString(),
      });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  c = connect((server.address() as AddressInfo).port);
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  received = [];
  waits = [];
});

/** 503 RequestLimitExceeded for the first `times` requests, then `then`. */
function throttleThen(times: number, then: string): Handler {
  return (_params, n) =>
    n <= times ? { status: 503, body: THROTTLED } : { status: 200, body: then };
}

test('a read-only call is retried after throttling, with backoff, and then succeeds', async () => {
  handler = throttleThen(2, fixture('eucalyptus-describe-instances.xml'));
  const instances = await ec2List(describeInstances, c.profile, c.signer, {}, { retry });
  expect(instances).toHaveLength(3);
  expect(received.map((r) => r.action)).toEqual([
    'DescribeInstances',
    'DescribeInstances',
    'DescribeInstances',
  ]);
  // random 0.5 of 200 ms, then of 400 ms
  expect(waits).toEqual([100, 200]);
});

test('throttled to the end: four attempts, and the error stays the server’s', async () => {
  handler = throttleThen(100, '');
  const error = await ec2Call(describeInstances, c.profile, c.signer, {}, { retry }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  expect((error as CloudError).toData()).toEqual({
    code: 'RequestLimitExceeded',
    message: 'Request limit exceeded.',
    requestId: 'r1',
    status: 503,
  });
  expect(received).toHaveLength(4);
  expect(waits).toEqual([100, 200, 400]);
});

test('a mutating call is not retried', async () => {
  handler = throttleThen(1, fixture('aws-terminate-instances.xml'));
  await expect(
    ec2Call(terminateInstances, c.profile, c.signer, { instanceIds: ['i-1'] }, { retry }),
  ).rejects.toMatchObject({ code: 'RequestLimitExceeded', status: 503 });
  expect(received.map((r) => r.action)).toEqual(['TerminateInstances']);
  expect(waits).toEqual([]);
});

test('RunInstances is retried with the same ClientToken', async () => {
  handler = throttleThen(1, fixture('eucalyptus-run-instances.xml'));
  const reservation = await ec2Call(
    runInstances,
    c.profile,
    c.signer,
    { imageId: 'emi-0A1B2C3D' },
    {
      retry,
    },
  );
  expect(reservation.reservationId).toBe('r-5E0B3F21');
  expect(received).toHaveLength(2);
  const [first, second] = received;
  expect(first?.clientToken).toMatch(/^[0-9a-f-]{36}$/);
  expect(second?.clientToken).toBe(first?.clientToken);
});

test('a launch whose answer was lost is not launched twice', async () => {
  // An idempotent server: the first request launches and then fails (as a proxy timing out
  // would); the retry with the same token gets the same reservation back.
  const launches = new Map<string, string>();
  handler = (params, n) => {
    const token = params.get('ClientToken') ?? '';
    let reservationId = launches.get(token);
    if (!reservationId) {
      reservationId = `r-${String(launches.size + 1).padStart(8, '0')}`;
      launches.set(token, reservationId);
    }
    if (n === 1) {
      return {
        status: 500,
        body: '<Response><Errors><Error><Code>InternalError</Code><Message>An internal error has occurred</Message></Error></Errors><RequestID>r2</RequestID></Response>',
      };
    }
    return {
      status: 200,
      body:
        `<RunInstancesResponse><reservationId>${reservationId}</reservationId><ownerId>1</ownerId>` +
        `<instancesSet><item><instanceId>i-${reservationId.slice(2)}</instanceId>` +
        `<clientToken>${token}</clientToken></item></instancesSet></RunInstancesResponse>`,
    };
  };
  const reservation = await ec2Call(
    runInstances,
    c.profile,
    c.signer,
    { imageId: 'emi-1' },
    { retry },
  );
  expect(launches.size).toBe(1);
  expect(reservation.reservationId).toBe('r-00000001');
  expect(reservation.instances[0]?.clientToken).toBe(received[0]?.clientToken);
  expect(received).toHaveLength(2);

  // The next launch is a new logical launch: a new token, a new reservation.
  const again = await ec2Call(runInstances, c.profile, c.signer, { imageId: 'emi-1' }, { retry });
  expect(again.reservationId).toBe('r-00000002');
  expect(received[2]?.clientToken).not.toBe(received[0]?.clientToken);
});
