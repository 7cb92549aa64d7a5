// ec2Call and ec2List over a stubbed fetch: paging, the repeated-token guard, which calls are
// retried, backoff with injected sleep and random, and the ClientToken kept across retries.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { buildEc2Request, ec2Call, ec2List } from '../../../../src/cloud/ec2/client';
import { describeImages } from '../../../../src/cloud/ec2/operations/images';
import {
  describeInstances,
  runInstances,
  terminateInstances,
} from '../../../../src/cloud/ec2/operations/instances';
import { CloudError } from '../../../../src/cloud/errors';
import type { AwsProfile, EucalyptusProfile } from '../../../../src/cloud/profile';
import type { Signer } from '../../../../src/cloud/signer';
import { fixture } from './fixtures';

const euca: EucalyptusProfile = {
  id: 'p',
  kind: 'eucalyptus',
  name: 'euca',
  accessKeyId: 'AKID',
  host: '10.0.0.5',
  port: 8773,
  https: false,
  ec2Path: '/services/compute',
  s3Path: '/services/objectstorage',
  s3Host: '',
  region: 'eucalyptus',
  signatureVersion: 4,
  apiVersion: '2013-02-01',
};

const signer: Signer = {
  sign: async (request) => request,
  presign: async () => [],
  observeServerTime: async () => 0,
};

interface Seen {
  params: URLSearchParams;
}

let seen: Seen[];
let answers: Array<{ status: number; body: string } | Error>;

beforeEach(() => {
  seen = [];
  answers = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    seen.push({ params: new URLSearchParams(String(init.body)) });
    const next = answers.shift();
    if (!next) throw new Error('no answer queued');
    if (next instanceof Error) throw next;
    return new Response(next.body, {
      status: next.status,
      headers: { 'content-type': 'text/xml' },
    });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const ok = (body: string) => ({ status: 200, body });
const throttled = { status: 503, body: fixture('throttled.xml') };
const page = (ids: string[], token?: string) =>
  ok(
    '<DescribeImagesResponse><imagesSet>' +
      ids.map((id) => `<item><imageId>${id}</imageId></item>`).join('') +
      `</imagesSet>${token === undefined ? '' : `<nextToken>${token}</nextToken>`}</DescribeImagesResponse>`,
  );
const noWait = { sleep: async () => {}, random: () => 0 };

describe('buildEc2Request', () => {
  test('a form POST to the service path with the profile API version', () => {
    const request = buildEc2Request(euca, 'DescribeImages', [['Owner.1', 'self']]);
    expect(request).toEqual({
      method: 'POST',
      url: 'http://10.0.0.5:8773/services/compute/',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: 'Action=DescribeImages&Version=2013-02-01&Owner.1=self',
    });
    const aws: AwsProfile = {
      id: 'a',
      kind: 'aws',
      name: 'a',
      accessKeyId: 'A',
      region: 'ap-northeast-1',
    };
    const awsRequest = buildEc2Request(aws, 'DescribeRegions', []);
    expect(awsRequest.url).toBe('https://ec2.ap-northeast-1.amazonaws.com/');
    expect(awsRequest.body).toBe('Action=DescribeRegions&Version=2016-11-15');
  });

  test('an S3-only profile has no EC2 endpoint', () => {
    expect(() =>
      buildEc2Request(
        {
          id: 's',
          kind: 's3',
          name: 's',
          accessKeyId: 'A',
          endpoint: 'http://x',
          pathStyle: true,
          region: '',
          signatureVersion: 4,
        },
        'DescribeImages',
        [],
      ),
    ).toThrow(expect.objectContaining({ code: 'NoEndpoint' }));
  });
});

describe('ec2List paging', () => {
  test('follows nextToken, sending it back, and reports each page', async () => {
    answers.push(page(['ami-1', 'ami-2'], 'T1'), page(['ami-3'], 'T2'), page(['ami-4']));
    const pages: string[][] = [];
    const images = await ec2List(
      describeImages,
      euca,
      signer,
      { owners: ['self'] },
      {
        onPage: (items) => pages.push(items.map((i) => i.imageId)),
      },
    );
    expect(images.map((i) => i.imageId)).toEqual(['ami-1', 'ami-2', 'ami-3', 'ami-4']);
    expect(pages).toEqual([['ami-1', 'ami-2'], ['ami-3'], ['ami-4']]);
    expect(seen.map((s) => s.params.get('NextToken'))).toEqual([null, 'T1', 'T2']);
    expect(seen.every((s) => s.params.get('Owner.1') === 'self')).toBe(true);
  });

  test('Eucalyptus: everything in one answer, no nextToken, one request', async () => {
    answers.push(ok(fixture('eucalyptus-describe-instances.xml')));
    const instances = await ec2List(describeInstances, euca, signer, {});
    expect(instances).toHaveLength(3);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.params.get('Version')).toBe('2013-02-01');
  });

  test('an empty nextToken ends the list', async () => {
    answers.push(page(['ami-1'], ''));
    expect(await ec2List(describeImages, euca, signer, {})).toHaveLength(1);
    expect(seen).toHaveLength(1);
  });

  test('a server that repeats a token is not followed round in circles', async () => {
    answers.push(page(['ami-1'], 'SAME'), page(['ami-2'], 'SAME'), page(['ami-3'], 'SAME'));
    const images = await ec2List(describeImages, euca, signer, {});
    expect(images.map((i) => i.imageId)).toEqual(['ami-1', 'ami-2']);
    expect(seen).toHaveLength(2);
  });

  test('a token that comes back after another one also stops the loop', async () => {
    answers.push(page(['a'], 'A'), page(['b'], 'B'), page(['c'], 'A'), page(['d']));
    const images = await ec2List(describeImages, euca, signer, {});
    expect(images.map((i) => i.imageId)).toEqual(['a', 'b', 'c']);
    expect(seen).toHaveLength(3);
  });
});

describe('ec2Call retries', () => {
  test('a read-only call retries throttling and then succeeds', async () => {
    answers.push(throttled, throttled, ok(fixture('aws-describe-images-single.xml')));
    const waits: number[] = [];
    const images = await ec2Call(
      describeImages,
      euca,
      signer,
      {},
      {
        retry: { sleep: async (ms) => void waits.push(ms), random: () => 1 - 1e-9 },
      },
    );
    expect(images.map((i) => i.imageId)).toEqual(['ami-0ff8a91507f77f867']);
    expect(seen).toHaveLength(3);
    expect(waits).toEqual([199, 399]);
  });

  test('a read-only call retries a lost connection and a 500', async () => {
    answers.push(
      new TypeError('fetch failed'),
      {
        status: 500,
        body: '<Response><Errors><Error><Code>InternalError</Code><Message>x</Message></Error></Errors></Response>',
      },
      ok(fixture('aws-describe-images-single.xml')),
    );
    expect(await ec2Call(describeImages, euca, signer, {}, { retry: noWait })).toHaveLength(1);
    expect(seen).toHaveLength(3);
  });

  test('after the last attempt the server error is thrown as the server said it', async () => {
    answers.push(throttled, throttled, throttled, throttled, throttled);
    const error = await ec2Call(describeImages, euca, signer, {}, { retry: noWait }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(CloudError);
    expect(error.toData()).toEqual({
      code: 'RequestLimitExceeded',
      message: 'Request limit exceeded.',
      requestId: 'r1',
      status: 503,
    });
    expect(seen).toHaveLength(4);
  });

  test('a client error is not retried', async () => {
    answers.push({
      status: 400,
      body: '<Response><Errors><Error><Code>InvalidAMIID.NotFound</Code><Message>no</Message></Error></Errors></Response>',
    });
    await expect(
      ec2Call(describeImages, euca, signer, {}, { retry: noWait }),
    ).rejects.toMatchObject({
      code: 'InvalidAMIID.NotFound',
    });
    expect(seen).toHaveLength(1);
  });

  test('a mutating call is never retried, not even when throttled', async () => {
    answers.push(throttled, ok(fixture('aws-terminate-instances.xml')));
    await expect(
      ec2Call(terminateInstances, euca, signer, { instanceIds: ['i-1'] }, { retry: noWait }),
    ).rejects.toMatchObject({ code: 'RequestLimitExceeded' });
    expect(seen).toHaveLength(1);
  });

  test('RunInstances is retried with the one ClientToken made for this launch', async () => {
    answers.push(throttled, { status: 502, body: '' }, ok(fixture('eucalyptus-run-instances.xml')));
    let made = 0;
    const reservation = await ec2Call(
      runInstances,
      euca,
      signer,
      { imageId: 'emi-0A1B2C3D' },
      {
        retry: noWait,
        newClientToken: () => `token-${++made}`,
      },
    );
    expect(reservation.instances[0]?.instanceId).toBe('i-3C7A4F12');
    expect(made).toBe(1);
    expect(seen.map((s) => s.params.get('ClientToken'))).toEqual(['token-1', 'token-1', 'token-1']);
  });

  test('each launch gets a fresh random token; a given one is kept', async () => {
    answers.push(
      ok(fixture('eucalyptus-run-instances.xml')),
      ok(fixture('eucalyptus-run-instances.xml')),
    );
    await ec2Call(runInstances, euca, signer, { imageId: 'emi-1' });
    await ec2Call(runInstances, euca, signer, { imageId: 'emi-1' });
    const [a, b] = seen.map((s) => s.params.get('ClientToken'));
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);

    answers.push(ok(fixture('eucalyptus-run-instances.xml')));
    await ec2Call(runInstances, euca, signer, { imageId: 'emi-1', clientToken: 'mine' });
    expect(seen[2]?.params.getAll('ClientToken')).toEqual(['mine']);
  });

  test('an aborted call stops retrying', async () => {
    const controller = new AbortController();
    answers.push(throttled, throttled);
    const error = await ec2Call(
      describeImages,
      euca,
      signer,
      {},
      {
        signal: controller.signal,
        retry: {
          sleep: async () => controller.abort(),
          random: () => 0,
        },
      },
    ).catch((e) => e);
    expect(error).toMatchObject({ code: 'Aborted' });
    expect(seen).toHaveLength(1);
  });
});
