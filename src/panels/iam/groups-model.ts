// The Groups view: groups with their members and their inline and attached policies.

import {
  type AttachedPolicy,
  addUserToGroup,
  createGroup,
  getGroupMembers,
  type IamGroup,
  type IamUser,
  listAttachedPolicies,
  listGroups,
  listInlinePolicies,
  listUsers,
  removeUserFromGroup,
} from '../../cloud/iam';
import type { Column } from '../components/virtual-table';
import { t } from '../i18n';
import type { ModelDeps } from '../model-deps';
import { iamFor } from './iam-calls';
import { createPrincipalModel } from './principal-model';

export interface GroupDetails {
  members: IamUser[];
  inline: string[];
  attached: AttachedPolicy[];
}

export type GroupDialog = { kind: 'addMember'; name: string; choices: IamUser[] };

export function groupColumns(): Column<IamGroup>[] {
  return [
    { id: 'name', label: t('iamColName'), value: (g) => g.groupName },
    { id: 'id', label: t('iamColId'), value: (g) => g.groupId },
    { id: 'path', label: t('iamColPath'), value: (g) => g.path },
    { id: 'arn', label: t('iamColArn'), value: (g) => g.arn },
    { id: 'created', label: t('iamColCreated'), value: (g) => g.createDate },
  ];
}

export function createGroupsModel(deps: ModelDeps) {
  const model = createPrincipalModel<IamGroup, GroupDetails, GroupDialog>(deps, {
    kind: 'Group',
    table: 'iam-groups',
    columns: groupColumns(),
    defaultColumns: ['name', 'id', 'path', 'created'],
    fetch: (client) => client.list(listGroups, {}),
    name: (g) => g.groupName,
    text: (g) => `${g.groupName}\n${g.groupId}\n${g.arn}`,
    details: async (client, g) => {
      const p = { kind: 'Group' as const, name: g.groupName };
      const [members, inline, attached] = await Promise.all([
        client.list(getGroupMembers, { groupName: g.groupName }),
        client.list(listInlinePolicies('Group'), p),
        client.list(listAttachedPolicies('Group'), p),
      ]);
      return { members, inline, attached };
    },
  });

  return {
    ...model,
    create: (groupName: string) =>
      model.act(async (current) => {
        await iamFor(current).call(createGroup, { groupName: groupName.trim() });
        return { key: 'iamGroupCreated', args: [groupName.trim()] };
      }),
    askAddMember: (groupName: string, members: readonly string[]) =>
      model.prepare(async (c) => {
        const users = await c.list(listUsers, {});
        const choices = users.filter((u) => !members.includes(u.userName));
        model.open({ kind: 'addMember', name: groupName, choices });
      }),
    addMember: (groupName: string, userName: string) =>
      model.act(async (current) => {
        await iamFor(current).call(addUserToGroup, { userName, groupName });
        return { key: 'iamAddedToGroup', args: [userName, groupName] };
      }),
    removeMember: (groupName: string, userName: string) =>
      model.act(async (current) => {
        await iamFor(current).call(removeUserFromGroup, { userName, groupName });
        return { key: 'iamRemovedFromGroup', args: [userName, groupName] };
      }),
  };
}

export type GroupsModel = ReturnType<typeof createGroupsModel>;
