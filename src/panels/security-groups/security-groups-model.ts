import { computed } from '@preact/signals';
import {
  createSecurityGroup,
  deleteSecurityGroup,
  describeSecurityGroups,
  ec2Call,
  ec2List,
  type SecurityGroup,
} from '../../cloud/ec2';
import { type RuleDirection, type RuleInput, ruleChange } from '../../cloud/ec2/rule-changes';
import { createListSearch } from '../components/list-search';
import { createResourceList } from '../components/resource-list';
import { createResourcePanel } from '../components/resource-panel';
import { createTagging } from '../components/tagging';
import type { ModelDeps } from '../model-deps';
import { type GroupForm, groupSelector } from './rule-form';

export type SecurityGroupsDialog =
  | { kind: 'create' }
  | { kind: 'delete'; keys: string[] }
  | { kind: 'rule'; key: string; direction: RuleDirection }
  | { kind: 'tags'; keys: string[] };

/** A group's row key: its id, or its name on servers that send no id. */
export const groupKey = (g: SecurityGroup): string => g.groupId || g.groupName;

/** "name (id)" where the group has both. */
export const groupLabel = (g: SecurityGroup): string =>
  g.groupId && g.groupId !== g.groupName ? `${g.groupName} (${g.groupId})` : g.groupName;

export function createSecurityGroupsModel(deps: ModelDeps) {
  const list = createResourceList<SecurityGroup>({
    fetch: ({ profile, signer }) => ec2List(describeSecurityGroups, profile, signer, {}),
    key: groupKey,
  });
  const panel = createResourcePanel<SecurityGroupsDialog>(deps, [list]);
  const search = createListSearch(
    list.rows,
    (g) => `${g.groupName}\n${g.groupId}\n${g.groupDescription}\n${g.ownerId}\n${g.vpcId}`,
    (g) => g.tags,
  );
  const chosen = computed(() =>
    list.selectedRows.value.length === 1 ? list.selectedRows.value[0] : undefined,
  );
  const find = (key: string) => list.rows.value.find((g) => groupKey(g) === key);

  function changeRule(
    group: SecurityGroup,
    direction: RuleDirection,
    change: 'authorize' | 'revoke',
    rule: RuleInput,
  ) {
    return panel.act(async ({ profile, signer }) => {
      await ec2Call(ruleChange(direction, change), profile, signer, {
        ...groupSelector(group),
        permissions: [rule],
      });
      return {
        key: change === 'authorize' ? 'ruleAdded' : 'ruleRemoved',
        args: [group.groupName || group.groupId],
      };
    });
  }

  return {
    ...panel,
    list,
    search,
    tagging: createTagging(panel),
    chosen,
    find,
    createGroup: (form: GroupForm) =>
      panel.act(async ({ profile, signer }) => {
        const vpcId = form.vpcId.trim();
        await ec2Call(createSecurityGroup, profile, signer, {
          groupName: form.name.trim(),
          description: form.description.trim(),
          ...(vpcId ? { vpcId } : {}),
        });
        return { key: 'groupCreated', args: [form.name.trim()] };
      }),
    deleteGroups: (keys: string[]) =>
      panel.act(async ({ profile, signer }) => {
        const names: string[] = [];
        for (const key of keys) {
          const group = find(key);
          if (!group) continue;
          await ec2Call(deleteSecurityGroup, profile, signer, groupSelector(group));
          names.push(group.groupName);
        }
        return { key: 'groupsDeleted', args: [names.join(', ')] };
      }),
    addRule: (group: SecurityGroup, direction: RuleDirection, rule: RuleInput) =>
      changeRule(group, direction, 'authorize', rule),
    removeRule: (group: SecurityGroup, direction: RuleDirection, rule: RuleInput) =>
      changeRule(group, direction, 'revoke', rule),
    dispose() {
      panel.dispose();
      search.dispose();
    },
  };
}

export type SecurityGroupsModel = ReturnType<typeof createSecurityGroupsModel>;
