// The IAM operations against moto's IAM: users, access keys, passwords, groups, roles, inline and
// managed policies (with the five-version rotation), and lists that follow Marker.

import '../../support/fake-browser';
import { describe, expect, test } from 'vitest';
import {
  addUserToGroup,
  attachPolicy,
  createAccessKey,
  createGroup,
  createLoginProfile,
  createPolicy,
  createRole,
  createUser,
  deletePlan,
  getGroupMembers,
  getInlinePolicy,
  getLoginProfile,
  getPolicy,
  getPolicyVersion,
  getUser,
  type IamClient,
  iamClient,
  listAccessKeys,
  listAttachedPolicies,
  listGroupsForUser,
  listInlinePolicies,
  listLocalPolicies,
  listPolicyVersions,
  listRoles,
  listUsers,
  putInlinePolicy,
  readBelongings,
  runPlan,
  updateAccessKey,
  updateLoginProfile,
} from '../../../src/cloud/iam';
import { iamAction } from '../../../src/cloud/iam/operation';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { EucalyptusProfile } from '../../../src/cloud/profile';
import { saveNewVersion } from '../../../src/panels/iam/policies-model';
import { trustPolicy } from '../../../src/panels/iam/policy-templates';
import { motoPerFile } from '../panels/support';

const env = motoPerFile();

const creds = {
  accessKeyId: 'AKIDIAMCLIENT0000001',
  secretAccessKey: 'iam/client/secret/key/00000000000000001',
};

function client(): IamClient {
  const profile: EucalyptusProfile = {
    id: 'iam',
    kind: 'eucalyptus',
    name: 'iam',
    accessKeyId: creds.accessKeyId,
    host: '127.0.0.1',
    port: env.port,
    https: false,
    ec2Path: '',
    s3Path: '',
    s3Host: '',
    euarePath: '',
    region: 'us-east-1',
    signatureVersion: 4,
    apiVersion: '2016-11-15',
  };
  return iamClient(profile, createLocalSigner(profile, creds));
}

const POLICY = (action: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }],
  });

describe('users, keys and passwords', () => {
  test('create, read, keys on and off, a password set and changed', async () => {
    const c = client();
    const made = await c.call(createUser, { userName: 'alice' });
    expect(made.userName).toBe('alice');
    expect((await c.call(getUser, { userName: 'alice' })).arn).toContain(':user/alice');
    expect((await c.list(listUsers, {})).map((u) => u.userName)).toContain('alice');

    const key = await c.call(createAccessKey, { userName: 'alice' });
    expect(key.secretAccessKey.length).toBeGreaterThan(20);
    await c.call(updateAccessKey, {
      userName: 'alice',
      accessKeyId: key.accessKeyId,
      status: 'Inactive',
    });
    expect(await c.list(listAccessKeys, { userName: 'alice' })).toEqual([
      expect.objectContaining({ accessKeyId: key.accessKeyId, status: 'Inactive' }),
    ]);

    await c.call(createLoginProfile, { userName: 'alice', password: 'Passw0rd!first' });
    await c.call(updateLoginProfile, { userName: 'alice', password: 'Passw0rd!second' });
    expect((await c.call(getLoginProfile, { userName: 'alice' })).userName).toBe('alice');
  });
});

describe('groups, roles and policies', () => {
  test('members, inline and attached policies; deleting a user with everything it has', async () => {
    const c = client();
    await c.call(createUser, { userName: 'bob' });
    await c.call(createGroup, { groupName: 'devs' });
    await c.call(addUserToGroup, { groupName: 'devs', userName: 'bob' });
    expect((await c.list(getGroupMembers, { groupName: 'devs' })).map((u) => u.userName)).toEqual([
      'bob',
    ]);
    expect((await c.list(listGroupsForUser, { userName: 'bob' })).map((g) => g.groupName)).toEqual([
      'devs',
    ]);

    const bob = { kind: 'User' as const, name: 'bob' };
    await c.call(putInlinePolicy('User'), { ...bob, policyName: 'p1', document: POLICY('s3:*') });
    expect(await c.list(listInlinePolicies('User'), bob)).toEqual(['p1']);
    expect(JSON.parse(await c.call(getInlinePolicy('User'), { ...bob, policyName: 'p1' }))).toEqual(
      JSON.parse(POLICY('s3:*')),
    );
    const managed = await c.call(createPolicy, { policyName: 'ops', document: POLICY('ec2:*') });
    await c.call(attachPolicy('User'), { ...bob, policyArn: managed.arn });
    expect(await c.list(listAttachedPolicies('User'), bob)).toEqual([
      { policyName: 'ops', policyArn: managed.arn },
    ]);
    await c.call(createAccessKey, { userName: 'bob' });
    await c.call(createLoginProfile, { userName: 'bob', password: 'Passw0rd!bob' });

    const plan = deletePlan(await readBelongings(c, bob));
    expect(plan.map((s) => s.kind)).toEqual([
      'loginProfile',
      'accessKey',
      'membership',
      'inlinePolicy',
      'attachedPolicy',
      'principal',
    ]);
    await runPlan(c, bob, plan);
    expect((await c.list(listUsers, {})).map((u) => u.userName)).not.toContain('bob');
  });

  test('a role with a trust policy, read back decoded; deleted out of its instance profile', async () => {
    const c = client();
    await c.call(createRole, { roleName: 'web', trustPolicy: trustPolicy('ec2') });
    const role = (await c.list(listRoles, {})).find((r) => r.roleName === 'web');
    expect(JSON.parse(role?.trustPolicy ?? '')).toEqual(JSON.parse(trustPolicy('ec2')));
    // An instance profile made as the EC2 console makes one (not something Cirrus creates).
    await c.call(
      iamAction({
        action: 'CreateInstanceProfile',
        params: () => ({ InstanceProfileName: 'web-profile' }),
      }),
      {},
    );
    await c.call(
      iamAction({
        action: 'AddRoleToInstanceProfile',
        params: () => ({ InstanceProfileName: 'web-profile', RoleName: 'web' }),
      }),
      {},
    );
    const web = { kind: 'Role' as const, name: 'web' };
    const plan = deletePlan(await readBelongings(c, web));
    expect(plan).toEqual([
      { kind: 'instanceProfile', profileName: 'web-profile' },
      { kind: 'principal' },
    ]);
    await runPlan(c, web, plan);
    expect((await c.list(listRoles, {})).map((r) => r.roleName)).not.toContain('web');
  });

  test('a sixth version deletes the oldest non-default one first', async () => {
    const c = client();
    const p = await c.call(createPolicy, { policyName: 'rotating', document: POLICY('s3:Get*') });
    for (const n of [2, 3, 4, 5]) await saveNewVersion(c, p.arn, POLICY(`s3:Get${n}`));
    expect(await c.list(listPolicyVersions, { policyArn: p.arn })).toHaveLength(5);
    const removed = await saveNewVersion(c, p.arn, POLICY('s3:Get6'));
    expect(removed?.versionId).toBe('v1');
    const versions = await c.list(listPolicyVersions, { policyArn: p.arn });
    expect(versions.map((v) => v.versionId).sort()).toEqual(['v2', 'v3', 'v4', 'v5', 'v6']);
    const policy = await c.call(getPolicy, { policyArn: p.arn });
    expect(policy.defaultVersionId).toBe('v6');
    const doc = await c.call(getPolicyVersion, { policyArn: p.arn, versionId: 'v6' });
    expect(JSON.parse(doc.document)).toEqual(JSON.parse(POLICY('s3:Get6')));
  });
});

test('lists follow Marker until IsTruncated is false', async () => {
  const c = client();
  for (const n of [1, 2, 3]) {
    await c.call(createPolicy, { policyName: `paged-${n}`, document: POLICY('s3:List*') });
  }
  const all = await c.list(listLocalPolicies, { maxItems: 2 });
  expect(all.map((p) => p.policyName).filter((n) => n.startsWith('paged-'))).toEqual([
    'paged-1',
    'paged-2',
    'paged-3',
  ]);
});
