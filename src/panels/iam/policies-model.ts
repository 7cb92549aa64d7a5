// The Policies view: the account's own managed policies, their default version's document, and
// saving an edit as a new default version (making room when five exist).

import {
  createPolicy,
  createPolicyVersion,
  deletePolicy,
  deletePolicyVersion,
  getPolicyVersion,
  type IamClient,
  listLocalPolicies,
  listPolicyVersions,
  type ManagedPolicy,
  type PolicyVersion,
  versionToDelete,
} from '../../cloud/iam';
import { createColumnPrefs } from '../components/column-prefs';
import { createListSearch } from '../components/list-search';
import { prettyPolicy } from '../components/policy-editor';
import { createResourceList } from '../components/resource-list';
import { createResourcePanel } from '../components/resource-panel';
import type { Column } from '../components/virtual-table';
import { asError } from '../errors';
import { t } from '../i18n';
import type { ModelDeps } from '../model-deps';
import { createDetails } from './details';
import { iamFor } from './iam-calls';
import { policyTemplate } from './policy-templates';

export type PoliciesDialog =
  | { kind: 'edit'; policy: ManagedPolicy | null; text: string }
  | { kind: 'delete'; policy: ManagedPolicy }
  | { kind: 'columns' };

export interface PolicyDetails {
  versions: PolicyVersion[];
  document: string;
}

export function policyColumns(): Column<ManagedPolicy>[] {
  return [
    { id: 'name', label: t('iamColName'), value: (p) => p.policyName },
    { id: 'id', label: t('iamColId'), value: (p) => p.policyId },
    { id: 'path', label: t('iamColPath'), value: (p) => p.path },
    { id: 'arn', label: t('iamColArn'), value: (p) => p.arn },
    { id: 'version', label: t('iamColDefaultVersion'), value: (p) => p.defaultVersionId },
    {
      id: 'attachments',
      label: t('iamColAttachments'),
      value: (p) => p.attachmentCount,
      sortValue: (p) => Number(p.attachmentCount) || 0,
    },
    { id: 'updated', label: t('iamColUpdated'), value: (p) => p.updateDate },
  ];
}

async function readPolicyDetails(client: IamClient, p: ManagedPolicy): Promise<PolicyDetails> {
  const [versions, current] = await Promise.all([
    client.list(listPolicyVersions, { policyArn: p.arn }),
    client.call(getPolicyVersion, { policyArn: p.arn, versionId: p.defaultVersionId }),
  ]);
  return { versions, document: prettyPolicy(current.document) };
}

/** A new default version; the oldest non-default one goes first when five exist. */
export async function saveNewVersion(
  client: IamClient,
  policyArn: string,
  document: string,
): Promise<PolicyVersion | null> {
  const victim = versionToDelete(await client.list(listPolicyVersions, { policyArn }));
  if (victim) await client.call(deletePolicyVersion, { policyArn, versionId: victim.versionId });
  await client.call(createPolicyVersion, { policyArn, document, setAsDefault: true });
  return victim;
}

export function createPoliciesModel(deps: ModelDeps) {
  const list = createResourceList<ManagedPolicy>({
    fetch: (current) => iamFor(current).list(listLocalPolicies, {}),
    key: (p) => p.arn,
  });
  const panel = createResourcePanel<PoliciesDialog>(deps, [list]);
  const search = createListSearch(list.rows, (p) => `${p.policyName}\n${p.arn}\n${p.description}`);
  const columns = createColumnPrefs('iam-policies', policyColumns(), [
    'name',
    'path',
    'version',
    'attachments',
    'updated',
  ]);
  const sorted = columns.sorted(search.filtered);
  const details = createDetails(
    list.selectedRows,
    (p) => p.arn,
    async (p) => {
      const current = panel.current();
      if (!current) throw new Error('no profile');
      return readPolicyDetails(iamFor(current), p);
    },
  );

  return {
    ...panel,
    list,
    search,
    columns,
    sorted,
    details: details.state,
    newPolicy: () => panel.open({ kind: 'edit', policy: null, text: policyTemplate() }),
    /** Opens the editor with the default version's document (read again: it may have changed). */
    edit: async (policy: ManagedPolicy) => {
      const current = panel.current();
      if (!current) return;
      panel.error.value = null;
      try {
        const version = await iamFor(current).call(getPolicyVersion, {
          policyArn: policy.arn,
          versionId: policy.defaultVersionId,
        });
        panel.open({ kind: 'edit', policy, text: prettyPolicy(version.document) });
      } catch (e) {
        panel.error.value = asError(e);
      }
    },
    save: (policy: ManagedPolicy | null, name: string, document: string) =>
      panel.act(async (current) => {
        const client = iamFor(current);
        if (!policy) {
          await client.call(createPolicy, { policyName: name.trim(), document });
          return { key: 'iamManagedCreated', args: [name.trim()] };
        }
        const removed = await saveNewVersion(client, policy.arn, document);
        return removed
          ? { key: 'iamManagedSavedRotated', args: [policy.policyName, removed.versionId] }
          : { key: 'iamManagedSaved', args: [policy.policyName] };
      }),
    /** Older versions go first: IAM deletes only a policy with just its default version. */
    remove: (policy: ManagedPolicy) =>
      panel.act(async (current) => {
        const client = iamFor(current);
        const versions = await client.list(listPolicyVersions, { policyArn: policy.arn });
        for (const v of versions.filter((x) => !x.isDefaultVersion))
          await client.call(deletePolicyVersion, { policyArn: policy.arn, versionId: v.versionId });
        await client.call(deletePolicy, { policyArn: policy.arn });
        return { key: 'iamManagedDeleted', args: [policy.policyName] };
      }),
    dispose() {
      panel.dispose();
      search.dispose();
      columns.dispose();
      details.dispose();
    },
  };
}

export type PoliciesModel = ReturnType<typeof createPoliciesModel>;
