// MFA sessions and roles through the background's own code, in Node: the fake browser's storage,
// the real keychain and signing gate, STS behind the Eucalyptus-shaped front door (moto's STS),
// which learns the temporary keys it hands out and accepts them only with their token. moto checks
// neither MFA codes nor trust policies, so the front door answers AWS's refusals itself.

import '../../support/fake-browser';
import { beforeEach, describe, expect, test } from 'vitest';
import { backgroundSigner } from '../../../src/background/background-signer';
import { deleteProfile } from '../../../src/background/profile-store';
import {
  dropRole,
  endMfaSession,
  startMfaSession,
  switchRole,
} from '../../../src/background/role-sessions';
import { keychain } from '../../../src/background/services';
import { describeInstances, ec2List } from '../../../src/cloud/ec2';
import type { EucalyptusProfile, SignatureVersion } from '../../../src/cloud/profile';
import { queryCall } from '../../../src/cloud/query';
import { createBucket, listBuckets } from '../../../src/cloud/s3';
import { assumeRole, getSessionToken } from '../../../src/cloud/sts/sts-operations';
import { clockOffsets, profilesState, sessionCredentials } from '../../../src/storage/items';
import { frontDoorPerFile, frontDoorProfile } from '../front-door-env';

const KEY = 'AKIACIRRUSROLESTEST1';
const SECRET = 'cirrus/roles+test=secret0123456789';
const MFA = 'arn:aws:iam::123456789012:mfa/alice';
const DEPLOY = 'arn:aws:iam::123456789012:role/Deploy';
const PARTNER = 'arn:aws:iam::123456789012:role/Partner';
const SHORT = 'arn:aws:iam::123456789012:role/Short';

/** What STS was asked, by action, as the front door received it (after its signature check). */
const asked: Array<{ action: string; params: Map<string, string>; key: string }> = [];

function stsError(status: number, code: string, message: string) {
  return {
    status,
    body:
      '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>' +
      `<Code>${code}</Code><Message>${message}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`,
  };
}

const env = frontDoorPerFile([{ accessKeyId: KEY, secretAccessKey: SECRET }], {
  // AWS's refusals that moto does not make: a wrong code, a wrong external id, a role's maximum.
  queryAnswer(service, action, list, caller) {
    if (service !== 'sts') return undefined;
    const params = new Map(list);
    asked.push({ action, params, key: caller.accessKeyId });
    if (params.get('TokenCode') === '000000') {
      return stsError(
        403,
        'AccessDenied',
        'MultiFactorAuthentication failed with invalid MFA one time pass code. ',
      );
    }
    const role = params.get('RoleArn');
    if (role === PARTNER && params.get('ExternalId') !== 'partner-42') {
      return stsError(
        403,
        'AccessDenied',
        `User: arn:aws:iam::123456789012:user/alice is not authorized to perform: sts:AssumeRole on resource: ${role}`,
      );
    }
    if (role === SHORT && Number(params.get('DurationSeconds')) > 3600) {
      return stsError(
        400,
        'ValidationError',
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      );
    }
    return undefined;
  },
});

beforeEach(async () => {
  await env.moto.reset();
  await clockOffsets.set({});
  await sessionCredentials.set({});
  asked.length = 0;
});

async function store(signatureVersion: SignatureVersion = 4): Promise<EucalyptusProfile> {
  const profile = frontDoorProfile(env.door, KEY, {
    signatureVersion,
    mfaSerial: MFA,
    roles: [
      { arn: DEPLOY, label: 'Deployer', color: 'green' },
      { arn: PARTNER, externalId: 'wrong-id' },
      { arn: SHORT, sessionName: 'alice-short' },
    ],
  });
  await profilesState.set({ profiles: [profile], currentId: profile.id });
  await keychain.set(profile.id, { secretAccessKey: SECRET });
  return profile;
}

const lastKey = () => env.door.requests.at(-1)?.accessKeyId;
const stored = async (id: string) => (await sessionCredentials.get())[id];

describe.each([4, 2] as const)('SigV%s', (version) => {
  test('an MFA session, a role taken with it: EC2 and S3 signed with the role, then back', async () => {
    const profile = await store(version);
    const signer = backgroundSigner(profile.id);

    const mfa = await startMfaSession(profile.id, '123456', 3600);
    expect(mfa.base).toMatchObject({ source: 'mfa', label: 'door' });
    expect(mfa.base).not.toHaveProperty('secretAccessKey');
    const gst = asked.find((a) => a.action === 'GetSessionToken');
    expect(gst?.key).toBe(KEY);
    expect(gst?.params.get('SerialNumber')).toBe(MFA);
    expect(gst?.params.get('TokenCode')).toBe('123456');
    expect(gst?.params.get('DurationSeconds')).toBe('3600');
    const base = (await stored(profile.id))?.base;
    expect(base?.sessionToken).not.toBe('');

    const switched = await switchRole(profile.id, DEPLOY, undefined);
    expect(switched.role).toMatchObject({
      source: 'role',
      label: 'Deployer',
      roleArn: DEPLOY,
      color: 'green',
    });
    const ar = asked.find((a) => a.action === 'AssumeRole');
    // Signed with the MFA session, so no code is sent again.
    expect(ar?.key).toBe(base?.accessKeyId);
    expect(ar?.params.has('TokenCode')).toBe(false);
    expect(ar?.params.get('RoleSessionName')).toBe(`cirrus-${KEY}`);
    expect(ar?.params.get('DurationSeconds')).toBe('3600');
    const role = (await stored(profile.id))?.role;
    expect(role?.accessKeyId).toMatch(/^ASIA/);

    await ec2List(describeInstances, profile, signer, {});
    expect(lastKey()).toBe(role?.accessKeyId);
    await createBucket(profile, signer, 'role-bucket');
    expect((await listBuckets(profile, signer)).map((b) => b.name)).toContain('role-bucket');
    expect(lastKey()).toBe(role?.accessKeyId);
    expect(env.door.requests.filter((r) => !r.ok)).toEqual([]);

    // The front door takes the role's keys only with their token.
    await sessionCredentials.set({
      [profile.id]: { role: { ...(role as NonNullable<typeof role>), sessionToken: 'forged' } },
    });
    await expect(ec2List(describeInstances, profile, signer, {})).rejects.toMatchObject({
      code: 'InvalidClientTokenId',
    });
    await sessionCredentials.set({
      [profile.id]: {
        base: base as NonNullable<typeof base>,
        role: role as NonNullable<typeof role>,
      },
    });

    expect((await dropRole(profile.id)).role).toBeNull();
    await listBuckets(profile, signer);
    expect(lastKey()).toBe(base?.accessKeyId);
    expect((await endMfaSession(profile.id)).base).toBeNull();
    await listBuckets(profile, signer);
    expect(lastKey()).toBe(KEY);
  });
});

test('without an MFA session, a role takes the code; a new MFA session is signed with the own keys', async () => {
  const profile = await store();
  await expect(switchRole(profile.id, DEPLOY, undefined)).rejects.toMatchObject({
    code: 'MfaCodeInvalid',
  });
  expect(asked).toEqual([]);
  await switchRole(profile.id, DEPLOY, '654321', 900);
  const ar = asked.at(-1);
  expect(ar?.key).toBe(KEY);
  expect(ar?.params.get('SerialNumber')).toBe(MFA);
  expect(ar?.params.get('TokenCode')).toBe('654321');
  expect(ar?.params.get('DurationSeconds')).toBe('900');

  // With a role active, GetSessionToken still goes out with the profile's own keys.
  await startMfaSession(profile.id, '111111', 900);
  expect(asked.at(-1)).toMatchObject({ action: 'GetSessionToken', key: KEY });
  expect((await stored(profile.id))?.role).toBeUndefined();
});

test('refusals in plain words, and nothing kept from them', async () => {
  const profile = await store();
  await expect(startMfaSession(profile.id, '000000', 3600)).rejects.toMatchObject({
    code: 'MfaCodeInvalid',
    requestId: 'r-1',
  });
  await expect(startMfaSession(profile.id, '123456', 60)).rejects.toMatchObject({
    code: 'InvalidDuration',
  });
  await startMfaSession(profile.id, '123456', 3600);
  await expect(switchRole(profile.id, PARTNER, undefined)).rejects.toMatchObject({
    code: 'RoleNotAllowed',
    message:
      "You are not allowed to assume Partner: check the role's trust policy and its external id.",
  });
  expect(asked.at(-1)?.params.get('ExternalId')).toBe('wrong-id');
  await expect(switchRole(profile.id, SHORT, undefined, 7200)).rejects.toMatchObject({
    code: 'RoleDurationTooLong',
  });
  expect(asked.at(-1)?.params.get('RoleSessionName')).toBe('alice-short');
  await expect(
    switchRole(profile.id, 'arn:aws:iam::123456789012:role/Other', undefined),
  ).rejects.toMatchObject({ code: 'NoSuchRole' });
  expect((await stored(profile.id))?.role).toBeUndefined();
  expect((await stored(profile.id))?.base?.source).toBe('mfa');
});

test('an expired role session: RoleSessionExpired before anything is sent', async () => {
  const profile = await store();
  await startMfaSession(profile.id, '123456', 3600);
  await switchRole(profile.id, DEPLOY, undefined);
  const sessions = await stored(profile.id);
  const role = sessions?.role as NonNullable<typeof sessions>['role'] & object;
  await sessionCredentials.set({
    [profile.id]: {
      ...sessions,
      role: { ...role, expiration: new Date(Date.now() - 1000).toISOString() },
    },
  });
  const sent = env.door.requests.length;
  await expect(
    ec2List(describeInstances, profile, backgroundSigner(profile.id), {}),
  ).rejects.toMatchObject({
    code: 'RoleSessionExpired',
    message: expect.stringContaining('switch to the role again'),
  });
  expect(env.door.requests.length).toBe(sent);

  // Back to the profile with an ended MFA session: said as such, not "sign in".
  await dropRole(profile.id);
  const base = (await stored(profile.id))?.base as NonNullable<typeof sessions>['base'] & object;
  await sessionCredentials.set({
    [profile.id]: { base: { ...base, expiration: new Date(Date.now() - 1000).toISOString() } },
  });
  await expect(listBuckets(profile, backgroundSigner(profile.id))).rejects.toMatchObject({
    code: 'MfaSessionExpired',
  });
  expect(env.door.requests.length).toBe(sent);

  // Deleting the profile forgets its temporary keys at once.
  await deleteProfile(profile.id);
  expect(await stored(profile.id)).toBeUndefined();
});

test('moto itself: STS answers any code, serial and role, and returns keys with a token', async () => {
  const profile: EucalyptusProfile = {
    ...frontDoorProfile(env.door, KEY),
    id: 'moto',
    port: env.moto.port,
    ec2Path: '',
    s3Path: '',
    tokensPath: '',
    region: 'us-east-1',
  };
  await profilesState.set({ profiles: [profile], currentId: profile.id });
  await keychain.set(profile.id, { secretAccessKey: SECRET });
  const signer = backgroundSigner(profile.id);
  const a = await queryCall('sts', getSessionToken, profile, signer, {
    serialNumber: 'not-a-device',
    tokenCode: '000000',
    durationSeconds: 900,
  });
  const b = await queryCall('sts', getSessionToken, profile, signer, {
    serialNumber: MFA,
    tokenCode: '123456',
    durationSeconds: 900,
  });
  // moto's GetSessionToken answers the same fixed example keys every time.
  expect(a.accessKeyId).toBe(b.accessKeyId);
  expect(a.sessionToken).not.toBe('');
  const role = await queryCall('sts', assumeRole, profile, signer, {
    roleArn: 'arn:aws:iam::123456789012:role/DoesNotExist',
    roleSessionName: 'x1',
    externalId: 'anything',
    durationSeconds: 900,
  });
  expect(role.accessKeyId).toMatch(/^ASIA/);
  expect(role.assumedRoleArn).toBe('arn:aws:sts::123456789012:assumed-role/DoesNotExist/x1');
});
