// testConnection against real servers on loopback: moto directly (SigV4, no service path), then
// the Eucalyptus-shaped front door (service paths, SigV2 and SigV4 checked independently, a
// shiftable clock, Eucalyptus error wording).

import { createServer } from 'node:net';
import { beforeEach, describe, expect, test } from 'vitest';
import { testConnection } from '../../src/cloud/connection-test';
import { send } from '../../src/cloud/http';
import { createLocalSigner } from '../../src/cloud/local-signer';
import type { Credentials, EucalyptusProfile, SignatureVersion } from '../../src/cloud/profile';
import { frontDoorPerFile, frontDoorProfile } from './front-door-env';

const KEY = 'AKIACIRRUSCONNTEST01';
const SECRET = 'cirrus/connection+test=secret0123456789';
const creds: Credentials = { accessKeyId: KEY, secretAccessKey: SECRET };

const env = frontDoorPerFile([creds]);

beforeEach(async () => {
  await env.moto.reset();
});

const profile = (overrides: Partial<EucalyptusProfile> = {}): EucalyptusProfile =>
  frontDoorProfile(env.door, KEY, { id: 'conn', name: 'conn', ...overrides });

describe('moto directly', () => {
  const motoProfile = (): EucalyptusProfile =>
    profile({ port: env.moto.port, ec2Path: '', s3Path: '', region: 'us-east-1' });

  test('EC2: DescribeAvailabilityZones answers with zones', async () => {
    const p = motoProfile();
    const result = await testConnection(p, createLocalSigner(p, creds), 'ec2');
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.count).toBeGreaterThan(0);
    expect(result.detail).toBe(`${result.count} zone${result.count === 1 ? '' : 's'}`);
    expect(Math.abs(result.clockOffsetMs)).toBeLessThan(2_000);
  });

  test('S3: ListBuckets counts the buckets', async () => {
    const p = motoProfile();
    const signer = createLocalSigner(p, creds);
    expect(await testConnection(p, signer, 's3')).toMatchObject({ ok: true, detail: '0 buckets' });
    for (const name of ['cirrus-one', 'cirrus-two']) {
      await send({ method: 'PUT', url: `${env.moto.url}/${name}`, headers: {} }, signer, 's3');
    }
    expect(await testConnection(p, signer, 's3')).toMatchObject({
      ok: true,
      detail: '2 buckets',
      count: 2,
    });
  });
});

describe.each<[string, SignatureVersion]>([
  ['SigV4', 4],
  ['SigV2', 2],
])('front door, Eucalyptus service paths, %s', (_name, signatureVersion) => {
  test.each(['ec2', 's3'] as const)('%s: ok', async (service) => {
    const p = profile({ signatureVersion });
    const result = await testConnection(p, createLocalSigner(p, creds), service);
    expect(result).toMatchObject({ ok: true });
    const seen = env.door.requests.filter((r) => r.service === service);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ ok: true, sigVersion: signatureVersion });
    expect(seen[0]?.path).toBe(service === 'ec2' ? '/services/Eucalyptus/' : '/services/Walrus/');
  });

  test.each(['ec2', 's3'] as const)(
    '%s: server clock 2 minutes ahead → ok after one retry, offset learned',
    async (service) => {
      env.door.setClockOffset(120_000);
      const p = profile({ signatureVersion });
      const clock = { offsetMs: 0 };
      const signer = createLocalSigner(p, creds, clock);
      const result = await testConnection(p, signer, service);
      expect(result).toMatchObject({ ok: true });
      if (!result.ok) return;
      expect(Math.abs(result.clockOffsetMs - 120_000)).toBeLessThan(2_000);
      expect(clock.offsetMs).toBe(result.clockOffsetMs);
      // First refused for the clock, then accepted.
      expect(env.door.requests.map((r) => r.ok)).toEqual([false, true]);
      expect(env.door.requests[0]?.error).toMatch(/RequestExpired|RequestTimeTooSkewed/);

      // The learned offset is kept: the next request goes through first time.
      env.door.requests.length = 0;
      expect(await testConnection(p, signer, service)).toMatchObject({ ok: true });
      expect(env.door.requests).toHaveLength(1);
    },
  );

  test.each(['ec2', 's3'] as const)('%s: server clock 2 minutes behind → ok', async (service) => {
    env.door.setClockOffset(-120_000);
    const p = profile({ signatureVersion });
    const result = await testConnection(p, createLocalSigner(p, creds), service);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(Math.abs(result.clockOffsetMs + 120_000)).toBeLessThan(2_000);
  });

  test.each(['ec2', 's3'] as const)('%s: wrong secret → wrong-secret', async (service) => {
    const p = profile({ signatureVersion });
    const wrong = { ...creds, secretAccessKey: `${SECRET}x` };
    const result = await testConnection(p, createLocalSigner(p, wrong), service);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'SignatureDoesNotMatch', status: 403 },
      hint: 'wrong-secret',
    });
    if (!result.ok) {
      expect(result.error.requestId).toBeTruthy();
      expect(JSON.stringify(result.error)).not.toContain(SECRET);
    }
  });

  test.each(['ec2', 's3'] as const)(
    '%s: unknown access key → wrong-access-key',
    async (service) => {
      const p = profile({ signatureVersion, accessKeyId: 'AKIANOBODYKNOWS00000' });
      const unknown = { ...creds, accessKeyId: 'AKIANOBODYKNOWS00000' };
      const result = await testConnection(p, createLocalSigner(p, unknown), service);
      expect(result).toMatchObject({ ok: false, hint: 'wrong-access-key' });
      if (!result.ok) {
        expect(result.error.code).toBe(service === 'ec2' ? 'AuthFailure' : 'InvalidAccessKeyId');
      }
    },
  );

  test.each(['ec2', 's3'] as const)('%s: wrong service path → wrong-path', async (service) => {
    const p = profile({ signatureVersion, ec2Path: '/services/Nope', s3Path: '/services/Nope' });
    const result = await testConnection(p, createLocalSigner(p, creds), service);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'UnexpectedHtml', status: 404 },
      hint: 'wrong-path',
    });
  });
});

describe('front door, other failures', () => {
  test('SigV4 scoped to the wrong region → wrong-region', async () => {
    for (const service of ['ec2', 's3'] as const) {
      const p = profile({ region: 'us-east-1' });
      const result = await testConnection(p, createLocalSigner(p, creds), service);
      expect(result).toMatchObject({ ok: false, hint: 'wrong-region' });
    }
  });

  test('EC2 pointed at the object store path → wrong-path', async () => {
    const p = profile({ ec2Path: '/services/Walrus' });
    const result = await testConnection(p, createLocalSigner(p, creds), 'ec2');
    expect(result).toMatchObject({ ok: false, hint: 'wrong-path' });
  });

  test('a clock skew that the retry cannot fix is reported as clock-skew', async () => {
    env.door.setClockOffset(120_000);
    const p = profile();
    // A signer whose clock does not follow the server (as if observeServerTime were ignored).
    const inner = createLocalSigner(p, creds);
    const stubborn = { ...inner, observeServerTime: async () => 120_000 };
    const result = await testConnection(p, stubborn, 'ec2');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'RequestExpired' },
      hint: 'clock-skew',
    });
    expect(env.door.requests).toHaveLength(2);
  });
});

describe('nothing listening', () => {
  test('http on a closed port → unreachable', async () => {
    const port = await closedPort();
    const p = profile({ port });
    for (const service of ['ec2', 's3'] as const) {
      const result = await testConnection(p, createLocalSigner(p, creds), service);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'NetworkError' },
        hint: 'unreachable',
      });
      if (!result.ok) expect(result.error.message).toContain(`http://127.0.0.1:${port}`);
    }
  });

  test('https to a server without TLS → tls-or-unreachable', async () => {
    const p = profile({ https: true });
    const result = await testConnection(p, createLocalSigner(p, creds), 'ec2');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NetworkError' },
      hint: 'tls-or-unreachable',
    });
  });
});

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
