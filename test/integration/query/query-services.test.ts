// The Query-protocol client for CloudWatch, IAM / Euare and STS / Tokens against real servers:
// moto at its root, and the Eucalyptus-shaped front door at /services/CloudWatch, /services/Euare
// and /services/Tokens with SigV4 (services monitoring, iam, sts) and SigV2. Then the background
// signer with temporary credentials: an assumed role's keys sign, with their token, and a session
// that has expired or was never started is refused before anything is sent.

import '../../support/fake-browser';
import { beforeEach, describe, expect, test } from 'vitest';
import { keychain } from '../../../src/background/services';
import { assertSignable, signFor } from '../../../src/background/signer';
import { describeAvailabilityZones, ec2List } from '../../../src/cloud/ec2';
import { endpointFor } from '../../../src/cloud/endpoints';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { EucalyptusProfile, SignatureVersion } from '../../../src/cloud/profile';
import {
  members,
  type QueryOperation,
  queryCall,
  queryList,
  queryListOperation,
} from '../../../src/cloud/query';
import type { Signer } from '../../../src/cloud/signer';
import type { TemporaryCredentials } from '../../../src/cloud/temporary-credentials';
import { child, elements, path, text } from '../../../src/cloud/xml';
import { clockOffsets, profilesState, sessionCredentials } from '../../../src/storage/items';
import { frontDoorPerFile, frontDoorProfile } from '../front-door-env';

const KEY = 'AKIACIRRUSQUERYTEST1';
const SECRET = 'cirrus/query+test=secret0123456789';

const env = frontDoorPerFile([{ accessKeyId: KEY, secretAccessKey: SECRET }]);

beforeEach(async () => {
  await env.moto.reset();
  await clockOffsets.set({});
  await sessionCredentials.set({});
});

// Small operations for the test only; the product's own live in src/cloud/{cloudwatch,iam,sts}.
const getCallerIdentity: QueryOperation<Record<string, never>, string> = {
  action: 'GetCallerIdentity',
  readOnly: true,
  params: () => [],
  read: (result) => text(child(result, 'Arn')),
};
const createUser: QueryOperation<string, string> = {
  action: 'CreateUser',
  readOnly: false,
  params: (name) => [['UserName', name]],
  read: (result) => text(path(result, 'User', 'UserName')),
};
const createPolicy: QueryOperation<string, string> = {
  action: 'CreatePolicy',
  readOnly: false,
  params: (name) => [
    ['PolicyName', name],
    [
      'PolicyDocument',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }],
      }),
    ],
  ],
  read: (result) => text(path(result, 'Policy', 'PolicyName')),
};
// moto pages ListPolicies by Marker (its ListUsers ignores MaxItems).
const listLocalPolicies = queryListOperation<number, string>({
  action: 'ListPolicies',
  params: (maxItems) => [
    ['Scope', 'Local'],
    ['MaxItems', String(maxItems)],
  ],
  items: (result) =>
    elements(path(result, 'Policies', 'member')).map((u) => text(child(u, 'PolicyName'))),
  next: (result) =>
    text(child(result, 'IsTruncated')) === 'true' ? text(child(result, 'Marker')) : '',
  nextParam: 'Marker',
});
const putMetricData: QueryOperation<{ name: string; value: number }, void> = {
  action: 'PutMetricData',
  readOnly: false,
  params: ({ name, value }) => [
    ['Namespace', 'Cirrus/Test'],
    ['MetricData.member.1.MetricName', name],
    ['MetricData.member.1.Value', String(value)],
  ],
  read: () => undefined,
};
const listMetrics = queryListOperation<string, string>({
  action: 'ListMetrics',
  params: (namespace) => [['Namespace', namespace]],
  items: (result) =>
    elements(path(result, 'Metrics', 'member')).map((m) => text(child(m, 'MetricName'))),
  next: (result) => text(child(result, 'NextToken')),
  nextParam: 'NextToken',
});
const assumeRole: QueryOperation<string, TemporaryCredentials> = {
  action: 'AssumeRole',
  readOnly: false,
  params: (arn) => [
    ['RoleArn', arn],
    ['RoleSessionName', 'cirrus-test'],
  ],
  read: (result) => {
    const c = child(result, 'Credentials');
    return {
      accessKeyId: text(child(c, 'AccessKeyId')),
      secretAccessKey: text(child(c, 'SecretAccessKey')),
      sessionToken: text(child(c, 'SessionToken')),
      expiration: text(child(c, 'Expiration')),
      label: 'tester',
      source: 'role',
      roleArn: text(path(result, 'AssumedRoleUser', 'Arn')),
    };
  },
};

async function exercise(profile: EucalyptusProfile, signer: Signer): Promise<void> {
  expect(await queryCall('sts', getCallerIdentity, profile, signer, {})).toMatch(/^arn:aws:/);
  expect(await queryCall('iam', createUser, profile, signer, 'ann')).toBe('ann');
  for (const name of ['p1', 'p2', 'p3']) {
    expect(await queryCall('iam', createPolicy, profile, signer, name)).toBe(name);
  }
  const pages: string[][] = [];
  const policies = await queryList('iam', listLocalPolicies, profile, signer, 2, {
    onPage: (page) => pages.push(page),
  });
  expect(policies.sort()).toEqual(['p1', 'p2', 'p3']);
  expect(pages.length).toBe(2);
  await queryCall('monitoring', putMetricData, profile, signer, { name: 'Widgets', value: 3 });
  expect(await queryList('monitoring', listMetrics, profile, signer, 'Cirrus/Test')).toEqual([
    'Widgets',
  ]);
}

describe('query services', () => {
  test('moto at its root', async () => {
    const port = Number(new URL(env.moto.url).port);
    const profile: EucalyptusProfile = {
      ...frontDoorProfile(env.door, KEY, { port, region: 'us-east-1' }),
      ec2Path: '',
      cloudwatchPath: '',
      euarePath: '',
      tokensPath: '',
    };
    await exercise(
      profile,
      createLocalSigner(profile, { accessKeyId: KEY, secretAccessKey: SECRET }),
    );
  });

  for (const version of [4, 2] as SignatureVersion[]) {
    test(`front door, SigV${version}, at the Eucalyptus service paths`, async () => {
      const profile = frontDoorProfile(env.door, KEY, { signatureVersion: version });
      const signer = createLocalSigner(profile, { accessKeyId: KEY, secretAccessKey: SECRET });
      await exercise(profile, signer);
      const paths = new Set(env.door.requests.filter((r) => r.ok).map((r) => r.path));
      expect(paths).toEqual(
        new Set(['/services/Tokens/', '/services/Euare/', '/services/CloudWatch/']),
      );
      expect(env.door.requests.every((r) => r.sigVersion === version)).toBe(true);
    });
  }

  test('a cloud error comes back as a CloudError', async () => {
    const profile = frontDoorProfile(env.door, KEY);
    const signer = createLocalSigner(profile, { accessKeyId: KEY, secretAccessKey: SECRET });
    await queryCall('iam', createUser, profile, signer, 'dup');
    await expect(queryCall('iam', createUser, profile, signer, 'dup')).rejects.toMatchObject({
      code: 'EntityAlreadyExists',
    });
  });
});

describe('the background signer with temporary credentials', () => {
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
  });
  const createRole: QueryOperation<string, string> = {
    action: 'CreateRole',
    readOnly: false,
    params: (name) => [
      ['RoleName', name],
      ['AssumeRolePolicyDocument', trust],
    ],
    read: (result) => text(path(result, 'Role', 'Arn')),
  };

  async function stored(version: SignatureVersion, extra: Partial<EucalyptusProfile> = {}) {
    const profile = frontDoorProfile(env.door, KEY, {
      id: `door-${version}`,
      signatureVersion: version,
      ...extra,
    });
    await profilesState.set({ profiles: [profile], currentId: profile.id });
    await keychain.set(profile.id, { secretAccessKey: SECRET });
    const signer: Signer = {
      sign: (request, service) => signFor(profile.id, service, request),
      presign: () => Promise.reject(new Error('not used')),
      observeServerTime: async () => 0,
    };
    return { profile, signer };
  }

  for (const version of [4, 2] as SignatureVersion[]) {
    test(`an assumed role signs EC2 with its token (SigV${version})`, async () => {
      const { profile, signer } = await stored(version);
      const arn = await queryCall('iam', createRole, profile, signer, 'reader');
      const role = await queryCall('sts', assumeRole, profile, signer, arn);
      expect(role.sessionToken).not.toBe('');
      await sessionCredentials.set({ [profile.id]: { role } });

      const zones = await ec2List(describeAvailabilityZones, profile, signer, {});
      expect(zones.length).toBeGreaterThan(0);
      const last = env.door.requests.at(-1);
      expect(last).toMatchObject({ accessKeyId: role.accessKeyId, ok: true, status: 200 });

      // The same temporary keys without their token are refused by the cloud.
      await sessionCredentials.set({ [profile.id]: { role: { ...role, sessionToken: 'forged' } } });
      await expect(ec2List(describeAvailabilityZones, profile, signer, {})).rejects.toMatchObject({
        code: 'InvalidClientTokenId',
      });
    });
  }

  test('an expired session and a password profile without one are refused before sending', async () => {
    const { profile, signer } = await stored(4, { signIn: 'password' });
    const sent = env.door.requests.length;
    await expect(ec2List(describeAvailabilityZones, profile, signer, {})).rejects.toMatchObject({
      code: 'SignInRequired',
    });
    await sessionCredentials.set({
      [profile.id]: {
        base: {
          accessKeyId: 'ASIAEXPIRED000000001',
          secretAccessKey: 'x',
          sessionToken: 't',
          expiration: new Date(Date.now() - 1000).toISOString(),
          label: 'admin@eng',
          source: 'login',
        },
      },
    });
    await expect(ec2List(describeAvailabilityZones, profile, signer, {})).rejects.toMatchObject({
      code: 'SessionExpired',
      message: 'Your session expired: sign in again.',
    });
    expect(env.door.requests.length).toBe(sent);
  });

  test('a signature for one service is refused at another service path of the same host', () => {
    const profile = frontDoorProfile(env.door, KEY);
    const iam = endpointFor(profile, 'iam');
    if (!iam) throw new Error('no IAM endpoint');
    expect(() => assertSignable(`${iam.baseUrl}/`, iam, 'iam')).not.toThrow();
    const tokens = `http://127.0.0.1:${env.door.port}/services/Tokens/`;
    expect(() => assertSignable(tokens, iam, 'iam')).toThrow(/not under \/services\/Euare/);
  });
});

// `members` is part of the client's API: keep it exercised.
test('members() builds the Query list form', () => {
  expect(members(['a', 'b'])).toEqual({ member: ['a', 'b'] });
});
