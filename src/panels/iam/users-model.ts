// The Users view: users with their access keys (created keys shown once, savable as a profile),
// password, groups, and inline and attached policies.

import {
  type AccessKey,
  type AccessKeyLastUsed,
  type AccessKeyStatus,
  type AttachedPolicy,
  addUserToGroup,
  type CreatedAccessKey,
  createAccessKey,
  createLoginProfile,
  createUser,
  deleteAccessKey,
  deleteLoginProfile,
  getAccessKeyLastUsed,
  getLoginProfile,
  type IamClient,
  type IamGroup,
  type IamUser,
  type LoginProfile,
  listAccessKeys,
  listAttachedPolicies,
  listGroups,
  listGroupsForUser,
  listInlinePolicies,
  listUsers,
  removeUserFromGroup,
  updateAccessKey,
  updateLoginProfile,
} from '../../cloud/iam';
import type { Profile } from '../../cloud/profile';
import { isUnsupportedAction } from '../../cloud/unsupported';
import type { ProfileInput } from '../../shared/messages';
import type { Column } from '../components/virtual-table';
import { asError } from '../errors';
import { t } from '../i18n';
import type { ModelDeps } from '../model-deps';
import { iamFor } from './iam-calls';
import { createPrincipalModel } from './principal-model';

export interface KeyRow extends AccessKey {
  /** null where the cloud does not say (Eucalyptus) or the caller may not ask. */
  lastUsed: AccessKeyLastUsed | null;
}

export interface UserDetails {
  keys: KeyRow[];
  groups: IamGroup[];
  inline: string[];
  attached: AttachedPolicy[];
  loginProfile: LoginProfile | null;
}

export type UserDialog =
  | { kind: 'newKey'; created: CreatedAccessKey }
  | { kind: 'deleteKey'; name: string; accessKeyId: string }
  | { kind: 'password'; name: string; exists: boolean }
  | { kind: 'deletePassword'; name: string }
  | { kind: 'addToGroup'; name: string; choices: IamGroup[] };

export function userColumns(): Column<IamUser>[] {
  return [
    { id: 'name', label: t('iamColName'), value: (u) => u.userName },
    { id: 'id', label: t('iamColId'), value: (u) => u.userId },
    { id: 'path', label: t('iamColPath'), value: (u) => u.path },
    { id: 'arn', label: t('iamColArn'), value: (u) => u.arn },
    { id: 'created', label: t('iamColCreated'), value: (u) => u.createDate },
  ];
}

/** Whether to ask when keys were last used, and what to do when the cloud has no such action. */
interface LastUsedAsk {
  ask: boolean;
  unsupported(): void;
}

async function lastUsed(client: IamClient, accessKeyId: string, when: LastUsedAsk) {
  if (!when.ask) return null;
  try {
    return await client.call(getAccessKeyLastUsed, { accessKeyId });
  } catch (e) {
    // A cloud without it (Eucalyptus) is not asked again; a missing right only hides the date.
    if (isUnsupportedAction(asError(e))) when.unsupported();
    return null;
  }
}

async function loginProfileOf(client: IamClient, userName: string): Promise<LoginProfile | null> {
  try {
    return await client.call(getLoginProfile, { userName });
  } catch (e) {
    if ((e as { code?: string }).code === 'NoSuchEntity') return null;
    throw e;
  }
}

export async function readUserDetails(
  client: IamClient,
  userName: string,
  when: LastUsedAsk = { ask: true, unsupported: () => undefined },
): Promise<UserDetails> {
  const p = { kind: 'User' as const, name: userName };
  const [keys, groups, inline, attached, loginProfile] = await Promise.all([
    client.list(listAccessKeys, { userName }),
    client.list(listGroupsForUser, { userName }),
    client.list(listInlinePolicies('User'), p),
    client.list(listAttachedPolicies('User'), p),
    loginProfileOf(client, userName),
  ]);
  const rows = await Promise.all(
    keys.map(async (k) => ({ ...k, lastUsed: await lastUsed(client, k.accessKeyId, when) })),
  );
  return { keys: rows, groups, inline, attached, loginProfile };
}

/** A new profile like `from` (same kind and endpoint) signing with the new key. */
export function profileForKey(from: Profile, name: string, key: CreatedAccessKey): ProfileInput {
  const profile: Profile = { ...from, id: '', name: name.trim(), accessKeyId: key.accessKeyId };
  // The copy is the new user's: it signs with the new keys, not with the old profile's login, and
  // the old user's MFA device and roles are not the new user's.
  if (profile.kind !== 's3') {
    delete profile.mfaSerial;
    delete profile.roles;
  }
  if (profile.kind === 'eucalyptus') {
    delete profile.signIn;
    delete profile.account;
    delete profile.user;
  }
  return { profile, secret: { secretAccessKey: key.secretAccessKey } };
}

export interface UsersOptions {
  /** Saves a profile as the Profiles tab does (the background's profileSave). */
  saveProfile: (input: ProfileInput) => Promise<Profile>;
}

export function createUsersModel(deps: ModelDeps, options: UsersOptions) {
  /** Profiles whose cloud has no GetAccessKeyLastUsed. */
  const noLastUsed = new Set<string>();
  const model = createPrincipalModel<IamUser, UserDetails, UserDialog>(deps, {
    kind: 'User',
    table: 'iam-users',
    columns: userColumns(),
    defaultColumns: ['name', 'id', 'path', 'created'],
    fetch: (client) => client.list(listUsers, {}),
    name: (u) => u.userName,
    text: (u) => `${u.userName}\n${u.userId}\n${u.arn}`,
    details: (client, u, current) => {
      const id = current.profile.id;
      return readUserDetails(client, u.userName, {
        ask: !noLastUsed.has(id),
        unsupported: () => noLastUsed.add(id),
      });
    },
  });
  const act = model.act;

  return {
    ...model,
    create: (userName: string) =>
      act(async (current) => {
        await iamFor(current).call(createUser, { userName: userName.trim() });
        return { key: 'iamUserCreated', args: [userName.trim()] };
      }),
    /** The secret is in the next dialog only, never in storage or the notice. */
    createKey: (userName: string) =>
      act(async (current) => {
        const created = await iamFor(current).call(createAccessKey, { userName });
        model.open({ kind: 'newKey', created });
        return { key: 'iamKeyCreated', args: [created.accessKeyId, userName] };
      }),
    setKeyStatus: (userName: string, accessKeyId: string, status: AccessKeyStatus) =>
      act(async (current) => {
        await iamFor(current).call(updateAccessKey, { userName, accessKeyId, status });
        return {
          key: status === 'Active' ? 'iamKeyActivated' : 'iamKeyDeactivated',
          args: [accessKeyId],
        };
      }),
    deleteKey: (userName: string, accessKeyId: string) =>
      act(async (current) => {
        await iamFor(current).call(deleteAccessKey, { userName, accessKeyId });
        return { key: 'iamKeyDeleted', args: [accessKeyId] };
      }),
    /** Saves the key as a new profile; the dialog stays open (with the secret) on a refusal. */
    saveKeyAsProfile: (key: CreatedAccessKey, name: string) =>
      act(async (current) => {
        const saved = await options.saveProfile(profileForKey(current.profile, name, key));
        return { key: 'iamKeySavedAsProfile', args: [saved.name] };
      }),
    setPassword: (userName: string, password: string, exists: boolean, resetRequired?: boolean) =>
      act(async (current) => {
        const input = {
          userName,
          password,
          ...(resetRequired === undefined ? {} : { passwordResetRequired: resetRequired }),
        };
        const client = iamFor(current);
        if (exists) await client.call(updateLoginProfile, input);
        else await client.call(createLoginProfile, input);
        return { key: 'iamPasswordSet', args: [userName] };
      }),
    deletePassword: (userName: string) =>
      act(async (current) => {
        await iamFor(current).call(deleteLoginProfile, { userName });
        return { key: 'iamPasswordDeleted', args: [userName] };
      }),
    askAddToGroup: (userName: string, memberOf: readonly string[]) =>
      model.prepare(async (c) => {
        const groups = await c.list(listGroups, {});
        const choices = groups.filter((g) => !memberOf.includes(g.groupName));
        model.open({ kind: 'addToGroup', name: userName, choices });
      }),
    addToGroup: (userName: string, groupName: string) =>
      act(async (current) => {
        await iamFor(current).call(addUserToGroup, { userName, groupName });
        return { key: 'iamAddedToGroup', args: [userName, groupName] };
      }),
    removeFromGroup: (userName: string, groupName: string) =>
      act(async (current) => {
        await iamFor(current).call(removeUserFromGroup, { userName, groupName });
        return { key: 'iamRemovedFromGroup', args: [userName, groupName] };
      }),
  };
}

export type UsersModel = ReturnType<typeof createUsersModel>;
