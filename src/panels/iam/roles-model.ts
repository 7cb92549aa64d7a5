// The Roles view: roles with their trust policy and their inline and attached policies.

import {
  type AttachedPolicy,
  createRole,
  type IamRole,
  listAttachedPolicies,
  listInlinePolicies,
  listRoles,
} from '../../cloud/iam';
import type { Column } from '../components/virtual-table';
import { t } from '../i18n';
import type { ModelDeps } from '../model-deps';
import { iamFor } from './iam-calls';
import { createPrincipalModel } from './principal-model';

export interface RoleDetails {
  inline: string[];
  attached: AttachedPolicy[];
}

export function roleColumns(): Column<IamRole>[] {
  return [
    { id: 'name', label: t('iamColName'), value: (r) => r.roleName },
    { id: 'id', label: t('iamColId'), value: (r) => r.roleId },
    { id: 'path', label: t('iamColPath'), value: (r) => r.path },
    { id: 'arn', label: t('iamColArn'), value: (r) => r.arn },
    { id: 'description', label: t('iamColDescription'), value: (r) => r.description },
    { id: 'created', label: t('iamColCreated'), value: (r) => r.createDate },
  ];
}

export function createRolesModel(deps: ModelDeps) {
  const model = createPrincipalModel<IamRole, RoleDetails>(deps, {
    kind: 'Role',
    table: 'iam-roles',
    columns: roleColumns(),
    defaultColumns: ['name', 'path', 'description', 'created'],
    fetch: (client) => client.list(listRoles, {}),
    name: (r) => r.roleName,
    text: (r) => `${r.roleName}\n${r.roleId}\n${r.arn}\n${r.description}`,
    details: async (client, r) => {
      const p = { kind: 'Role' as const, name: r.roleName };
      const [inline, attached] = await Promise.all([
        client.list(listInlinePolicies('Role'), p),
        client.list(listAttachedPolicies('Role'), p),
      ]);
      return { inline, attached };
    },
  });

  return {
    ...model,
    /** `trust` was checked by the dialog (JSON and the policy grammar). */
    create: (roleName: string, trust: string, description: string) =>
      model.act(async (current) => {
        await iamFor(current).call(createRole, {
          roleName: roleName.trim(),
          trustPolicy: trust,
          description: description.trim(),
        });
        return { key: 'iamRoleCreated', args: [roleName.trim()] };
      }),
  };
}

export type RolesModel = ReturnType<typeof createRolesModel>;
