// The IAM tab's models through the Eucalyptus-shaped front door (Euare at /services/Euare, moto's
// IAM behind it), signed with SigV4 (service iam) and SigV2: users, keys saved as profiles that
// the front door then accepts, groups, roles, inline and managed policies, and the Eucalyptus
// accounts the front door answers itself.

import '../../support/fake-browser';
import { describe, expect, test } from 'vitest';
import { createPolicy, iamClient, listLocalPolicies, listUsers } from '../../../src/cloud/iam';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { Profile } from '../../../src/cloud/profile';
import { createAccountsModel } from '../../../src/panels/iam/accounts-model';
import { createGroupsModel } from '../../../src/panels/iam/groups-model';
import { createPoliciesModel } from '../../../src/panels/iam/policies-model';
import { createRolesModel } from '../../../src/panels/iam/roles-model';
import { createUsersModel } from '../../../src/panels/iam/users-model';
import type { ProfileInput } from '../../../src/shared/messages';
import { testDeps } from '../../support/model-deps';
import { frontDoorPerFile, frontDoorProfile } from '../front-door-env';
import { loadedList } from '../panels/support';

const ADMIN = {
  accessKeyId: 'AKIDIAMDOOR000000001',
  secretAccessKey: 'iam/door/secret/key/0000000000000000001',
};

/** A user of another account: not the cloud administrator. */
const TENANT = {
  accessKeyId: 'AKIDIAMTENANT0000001',
  secretAccessKey: 'iam/tenant/secret/key/000000000000000001',
  accountId: '210987654321',
};

const env = frontDoorPerFile([ADMIN, TENANT], { euareAccounts: true });

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::logs/*' }],
});

function current(signatureVersion: 2 | 4 = 4) {
  const profile = frontDoorProfile(env.door, ADMIN.accessKeyId, { signatureVersion });
  return { profile, signer: createLocalSigner(profile, ADMIN) };
}

/** A model made with test deps, the front-door profile current; disposed after the test. */
function open<M extends { dispose(): void }>(
  make: (deps: ReturnType<typeof testDeps>['deps']) => M,
  signatureVersion: 2 | 4 = 4,
  onDispose: (dispose: () => void) => void,
) {
  const t = testDeps();
  const model = make(t.deps);
  onDispose(() => model.dispose());
  t.switchTo(current(signatureVersion));
  return model;
}

describe.each([4, 2] as const)('through the front door, SigV%s', (version) => {
  const disposers: Array<() => void> = [];
  const later = (d: () => void) => disposers.push(d);

  test('a user, a key saved as a profile that the front door accepts, then the user deleted', async () => {
    const saved: ProfileInput[] = [];
    const model = open(
      (deps) =>
        createUsersModel(deps, {
          saveProfile: async (input) => {
            saved.push(input);
            return { ...input.profile, id: 'new' } as Profile;
          },
        }),
      version,
      later,
    );
    await loadedList(model.list);
    const name = `door-user-v${version}`;
    expect(await model.create(name)).toBe(true);
    expect(model.list.rows.value.map((u) => u.userName)).toContain(name);
    const door = env.door.requests.filter((r) => r.path.startsWith('/services/Euare'));
    expect(door.length).toBeGreaterThan(0);
    expect(door.every((r) => r.ok && r.sigVersion === version)).toBe(true);

    expect(await model.createKey(name)).toBe(true);
    const dialog = model.dialog.value;
    if (dialog?.kind !== 'newKey') throw new Error('no key dialog');
    expect(await model.saveKeyAsProfile(dialog.created, 'door key')).toBe(true);
    const input = saved[0];
    if (!input?.secret) throw new Error('nothing saved');
    expect(input.profile).toMatchObject({
      id: '',
      name: 'door key',
      kind: 'eucalyptus',
      port: env.door.port,
      accessKeyId: dialog.created.accessKeyId,
    });
    // The front door learned the new key from CreateAccessKey's answer: the profile works.
    const keyed = { ...input.profile, id: 'keyed' };
    const signer = createLocalSigner(keyed, {
      accessKeyId: keyed.accessKeyId,
      secretAccessKey: input.secret.secretAccessKey,
    });
    const users = await iamClient(keyed, signer).list(listUsers, {});
    expect(users.map((u) => u.userName)).toContain(name);

    // Select the user: its details list the key.
    model.list.selected.value = new Set([name]);
    await expect
      .poll(() => model.details.value?.data?.keys.map((k) => k.accessKeyId), { timeout: 20_000 })
      .toEqual([dialog.created.accessKeyId]);
    expect(await model.saveInline(name, 'read-logs', POLICY)).toBe(true);

    await model.askDelete(name);
    const ask = model.dialog.value;
    if (ask?.kind !== 'delete') throw new Error('no delete dialog');
    expect(ask.plan.map((s) => s.kind)).toEqual(['accessKey', 'inlinePolicy', 'principal']);
    expect(await model.remove(name, ask.plan)).toBe(true);
    expect(model.list.rows.value.map((u) => u.userName)).not.toContain(name);
    for (const d of disposers.splice(0)) d();
  });

  test('a group with a member, a role from a template, a managed policy attached', async () => {
    const groups = open(createGroupsModel, version, later);
    const roles = open(createRolesModel, version, later);
    const policies = open(createPoliciesModel, version, later);
    await Promise.all([loadedList(groups.list), loadedList(roles.list), loadedList(policies.list)]);
    const g = `door-group-v${version}`;
    expect(await groups.create(g)).toBe(true);
    const users = open(
      (deps) => createUsersModel(deps, { saveProfile: () => Promise.reject(new Error('no')) }),
      version,
      later,
    );
    await loadedList(users.list);
    expect(await users.create(`member-v${version}`)).toBe(true);
    expect(await groups.addMember(g, `member-v${version}`)).toBe(true);

    const { trustPolicy } = await import('../../../src/panels/iam/policy-templates');
    const r = `door-role-v${version}`;
    expect(await roles.create(r, trustPolicy('ec2'), 'web servers')).toBe(true);
    expect(roles.list.rows.value.find((x) => x.roleName === r)?.description).toBe('web servers');

    const p = `door-policy-v${version}`;
    expect(await policies.save(null, p, POLICY)).toBe(true);
    const made = policies.list.rows.value.find((x) => x.policyName === p);
    if (!made) throw new Error('policy not listed');
    expect(await roles.attach(r, made.arn)).toBe(true);
    expect(await policies.save(made, p, POLICY.replace('GetObject', 'ListBucket'))).toBe(true);
    expect(policies.notice.value).toEqual({ key: 'iamManagedSaved', args: [p] });

    await groups.askDelete(g);
    const ask = groups.dialog.value;
    if (ask?.kind !== 'delete') throw new Error('no delete dialog');
    expect(ask.plan).toEqual([
      { kind: 'membership', groupName: g, userName: `member-v${version}` },
      { kind: 'principal' },
    ]);
    expect(await groups.remove(g, ask.plan)).toBe(true);
    await roles.askDelete(r);
    const askRole = roles.dialog.value;
    if (askRole?.kind !== 'delete') throw new Error('no delete dialog');
    expect(askRole.plan.map((s) => s.kind)).toEqual(['attachedPolicy', 'principal']);
    expect(await roles.remove(r, askRole.plan)).toBe(true);
    for (const d of disposers.splice(0)) d();
  });

  test('a list follows Marker page by page', async () => {
    const { profile, signer } = current(version);
    const c = iamClient(profile, signer);
    for (const n of [1, 2, 3])
      await c.call(createPolicy, { policyName: `paged-v${version}-${n}`, document: POLICY });
    env.door.requests.length = 0;
    const all = await c.list(listLocalPolicies, { maxItems: 2 });
    const mine = all.map((p) => p.policyName).filter((n) => n.startsWith(`paged-v${version}`));
    expect(mine).toEqual([1, 2, 3].map((n) => `paged-v${version}-${n}`));
    const pages = env.door.requests.filter((r) => r.action === 'ListPolicies');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.every((r) => r.ok && r.sigVersion === version)).toBe(true);
  });
});

test('Eucalyptus accounts: listed, and a new one whose admin key becomes a working profile', async () => {
  const saved: ProfileInput[] = [];
  const disposers: Array<() => void> = [];
  const model = open(
    (deps) =>
      createAccountsModel(deps, {
        saveProfile: async (input) => {
          saved.push(input);
          return { ...input.profile, id: 'acct' } as Profile;
        },
      }),
    4,
    (d) => disposers.push(d),
  );
  await loadedList(model.list);
  expect(model.list.rows.value.map((a) => a.accountName)).toContain('eucalyptus');
  expect(await model.create('dev-team', 'dev-team admin')).toBe(true);
  expect(model.notice.value).toEqual({
    key: 'iamAccountCreated',
    args: ['dev-team', 'dev-team admin'],
  });
  expect(model.list.rows.value.map((a) => a.accountName)).toContain('dev-team');
  const input = saved[0];
  if (!input?.secret) throw new Error('nothing saved');
  // The new account's admin key is accepted by the front door (in the new account's IAM).
  const signer = createLocalSigner(input.profile, {
    accessKeyId: input.profile.accessKeyId,
    secretAccessKey: input.secret.secretAccessKey,
  });
  await expect(iamClient(input.profile, signer).list(listUsers, {})).resolves.toBeDefined();
  for (const d of disposers) d();
});

test('a caller without the right is told which permission the list needs', async () => {
  const t = testDeps();
  const model = createAccountsModel(t.deps, { saveProfile: () => Promise.reject(new Error('no')) });
  const profile = frontDoorProfile(env.door, TENANT.accessKeyId);
  t.switchTo({ profile, signer: createLocalSigner(profile, TENANT) });
  await expect.poll(() => model.list.error.value, { timeout: 20_000 }).not.toBeNull();
  // Eucalyptus' NotAuthorized, reworded (the fake i18n answers with the message key).
  expect(model.list.error.value).toMatchObject({ code: 'NotAuthorized', message: 'iamNeeds' });
  model.dispose();
});
