// Eucalyptus password sign-in against the front door's Tokens service: the background signs in
// with account, user and password (GetAccessToken, Basic header), keeps the temporary keys in
// storage.session, and every service then signs with them and their token; Eucalyptus's refusals
// come back as plain errors, and the keys stop working without their token or after they expire.

import '../../support/fake-browser';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import {
  signInStatus,
  signInWithPassword,
  signOut,
} from '../../../src/background/password-sign-in';
import { signFor } from '../../../src/background/signer';
import { testConnection } from '../../../src/cloud/connection-test';
import { describeImages, ec2Call, ec2List } from '../../../src/cloud/ec2';
import { describeInstances, runInstances } from '../../../src/cloud/ec2/operations/instances';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { EucalyptusProfile } from '../../../src/cloud/profile';
import { createBucket, listBuckets } from '../../../src/cloud/s3';
import type { Signer } from '../../../src/cloud/signer';
import { clockOffsets, profilesState, sessionCredentials } from '../../../src/storage/items';
import { frontDoorPerFile, frontDoorProfile } from '../front-door-env';

const PASSWORD = 'correct horse: battery';
const env = frontDoorPerFile(
  [{ accessKeyId: 'AKIACIRRUSLOGINTEST1', secretAccessKey: 'cirrus/login+test=secret0123' }],
  {
    passwordLogin: {
      users: [
        { account: 'engineering', accountId: '123456789012', user: 'alice', password: PASSWORD },
        { account: '開発部', accountId: '210987654321', user: '管理者', password: 'パスワード' },
        {
          account: 'engineering',
          accountId: '123456789012',
          user: 'bob',
          password: 'b',
          disabled: true,
        },
        {
          account: 'engineering',
          accountId: '123456789012',
          user: 'carol',
          password: 'carol-pass-9',
          passwordExpired: true,
        },
      ],
    },
  },
);

beforeEach(async () => {
  await env.moto.reset();
  await clockOffsets.set({});
  await sessionCredentials.set({});
  env.door.setLoginLifetime(undefined);
});

async function passwordProfile(
  account: string,
  user: string,
  extra: Partial<EucalyptusProfile> = {},
): Promise<{ profile: EucalyptusProfile; signer: Signer }> {
  const profile = frontDoorProfile(env.door, '', {
    id: `login-${user}`,
    signIn: 'password',
    account,
    user,
    ...extra,
  });
  await profilesState.set({ profiles: [profile], currentId: profile.id });
  const signer: Signer = {
    sign: (request, service) => signFor(profile.id, service, request),
    presign: () => Promise.reject(new Error('not used')),
    observeServerTime: async () => 0,
  };
  return { profile, signer };
}

describe('password sign-in through the front door', () => {
  for (const signatureVersion of [4, 2] as const) {
    test(`signed in, instances and buckets are listed with the session (SigV${signatureVersion})`, async () => {
      const { profile, signer } = await passwordProfile('engineering', 'alice', {
        signatureVersion,
      });
      await expect(ec2List(describeImages, profile, signer, {})).rejects.toMatchObject({
        code: 'SignInRequired',
      });
      const before = (await testConnection(profile, signer, 'ec2')) as { hint?: string };
      expect(before.hint).toBe('sign-in');

      const shown = await signInWithPassword(profile.id, PASSWORD, 3600);
      expect(shown.label).toBe('alice@engineering');
      expect(Date.parse(shown.expiration) - Date.now()).toBeGreaterThan(3500_000);
      expect(Object.keys(shown).sort()).toEqual(['expiration', 'issued', 'label']);
      const stored = (await sessionCredentials.get())[profile.id]?.base;
      expect(stored).toMatchObject({ source: 'login', label: 'alice@engineering' });
      expect(JSON.stringify(await sessionCredentials.get())).not.toContain(PASSWORD);
      const tokens = env.door.requests.find((r) => r.path === '/services/Tokens');
      expect(tokens).toMatchObject({ method: 'GET', ok: true, status: 200 });

      const images = await ec2List(describeImages, profile, signer, { owners: ['amazon'] });
      const reservation = await ec2Call(runInstances, profile, signer, {
        imageId: images[0]?.imageId ?? '',
        instanceType: 'm1.small',
        securityGroups: ['default'],
        addressingType: 'private',
        tags: [],
      });
      const instanceId = reservation.instances[0]?.instanceId ?? '';
      const listed = await ec2List(describeInstances, profile, signer, {});
      expect(listed.map((i) => i.instanceId)).toContain(instanceId);

      await createBucket(profile, signer, `login-bucket-v${signatureVersion}`);
      const buckets = await listBuckets(profile, signer);
      expect(buckets.map((b) => b.name)).toContain(`login-bucket-v${signatureVersion}`);
      // Every request after the sign-in carried the temporary key.
      const signed = env.door.requests.filter((r) => r.path !== '/services/Tokens');
      expect(new Set(signed.map((r) => r.accessKeyId))).toEqual(new Set([stored?.accessKeyId]));
      expect(signed.every((r) => r.ok)).toBe(true);

      expect((await testConnection(profile, signer, 'ec2')).ok).toBe(true);
      await signOut(profile.id);
      expect(await signInStatus(profile.id)).toBeNull();
      await expect(listBuckets(profile, signer)).rejects.toMatchObject({ code: 'SignInRequired' });
    });
  }

  test('non-ASCII account and user names sign in', async () => {
    const { profile } = await passwordProfile('開発部', '管理者');
    expect((await signInWithPassword(profile.id, 'パスワード', 900)).label).toBe('管理者@開発部');
    // The account id works as well as its name.
    const byId = await passwordProfile('123456789012', 'alice');
    expect((await signInWithPassword(byId.profile.id, PASSWORD, 900)).label).toBe(
      'alice@123456789012',
    );
  });

  test('wrong password, unknown account, disabled user, expired password: plain refusals', async () => {
    const cases: Array<[string, string, string, string]> = [
      ['engineering', 'alice', 'wrong', 'LoginFailed'],
      ['no-such-account', 'alice', PASSWORD, 'LoginFailed'],
      ['engineering', 'nobody', PASSWORD, 'LoginFailed'],
      ['engineering', 'bob', 'bob-pass-9', 'LoginFailed'],
      ['engineering', 'carol', 'carol-pass-9', 'PasswordExpired'],
      ['engineering', 'alice', 'has@sign', 'PasswordNotSendable'],
    ];
    for (const [account, user, password, code] of cases) {
      const { profile } = await passwordProfile(account, user);
      const refusal = signInWithPassword(profile.id, password, 3600);
      await expect(refusal, `${user}@${account}`).rejects.toMatchObject({ code });
      await expect(refusal).rejects.not.toMatchObject({
        message: expect.stringContaining(password),
      });
    }
    expect(await sessionCredentials.get()).toEqual({});
    // A duration Eucalyptus would not grant is refused by the background before sending.
    const { profile } = await passwordProfile('engineering', 'alice');
    await expect(signInWithPassword(profile.id, PASSWORD, 60)).rejects.toMatchObject({
      code: 'InvalidDuration',
    });
  });

  test('the temporary keys need their token, and stop at their expiry', async () => {
    const { profile, signer } = await passwordProfile('engineering', 'alice');
    await signInWithPassword(profile.id, PASSWORD, 900);
    const first = (await sessionCredentials.get())[profile.id]?.base;
    if (!first) throw new Error('no session');
    await ec2List(describeImages, profile, signer, { owners: ['amazon'] });

    // The same keys without the token: refused by the cloud.
    const noToken = createLocalSigner(profile, {
      accessKeyId: first.accessKeyId,
      secretAccessKey: first.secretAccessKey,
    });
    await expect(listBuckets(profile, noToken)).rejects.toMatchObject({
      code: 'InvalidClientTokenId',
    });

    // A session the cloud cuts to one second; nothing is sent until it has ended.
    env.door.setLoginLifetime(1);
    await signInWithPassword(profile.id, PASSWORD, 900);
    const session = (await sessionCredentials.get())[profile.id]?.base;
    if (!session) throw new Error('no session');
    const end = Date.parse(session.expiration);
    expect(end - Date.now()).toBeLessThanOrEqual(1000);
    // The answer's Expiration has whole seconds; the front door's own end may be up to 1 s later.
    await vi.waitUntil(() => Date.now() > end + 1000, { timeout: 10_000, interval: 50 });
    // Cirrus says so itself before sending...
    await expect(listBuckets(profile, signer)).rejects.toMatchObject({
      code: 'SessionExpired',
      message: 'Your session expired: sign in again.',
    });
    // ...and the cloud refuses the keys even with their token.
    const withToken = createLocalSigner(profile, {
      accessKeyId: session.accessKeyId,
      secretAccessKey: session.secretAccessKey,
      sessionToken: session.sessionToken,
    });
    await expect(ec2List(describeImages, profile, withToken, {})).rejects.toMatchObject({
      code: 'ExpiredToken',
    });
    // A new sign-in works again.
    env.door.setLoginLifetime(undefined);
    await signInWithPassword(profile.id, PASSWORD, 900);
    expect((await listBuckets(profile, signer)).length).toBeGreaterThanOrEqual(0);
  });
});
