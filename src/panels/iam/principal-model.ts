// What the Users, Groups and Roles views share: the list, its search and column choice, the
// details of the selected one, deleting with everything it still has (confirmed from a plan),
// and its inline and attached policies.

import { computed, signal } from '@preact/signals';
import {
  attachPolicy,
  type DeleteStep,
  deleteInlinePolicy,
  deletePlan,
  detachPolicy,
  getInlinePolicy,
  type IamClient,
  listLocalPolicies,
  type ManagedPolicy,
  type PrincipalKind,
  putInlinePolicy,
  readBelongings,
  runPlan,
} from '../../cloud/iam';
import { createColumnPrefs } from '../components/column-prefs';
import { createListSearch } from '../components/list-search';
import { prettyPolicy } from '../components/policy-editor';
import { createResourceList } from '../components/resource-list';
import { createResourcePanel } from '../components/resource-panel';
import type { Column } from '../components/virtual-table';
import { asError } from '../errors';
import type { CurrentProfile, ModelDeps } from '../model-deps';
import { createDetails } from './details';
import { iamFor } from './iam-calls';
import { policyTemplate } from './policy-templates';

export type PrincipalDialog<Extra> =
  | { kind: 'create' }
  | { kind: 'delete'; name: string; plan: DeleteStep[] }
  /** `text` is what the editor starts with; `isNew` lets the user name the policy. */
  | { kind: 'inlinePolicy'; name: string; policyName: string; text: string; isNew: boolean }
  | { kind: 'deleteInline'; name: string; policyName: string }
  | { kind: 'attach'; name: string; choices: ManagedPolicy[] }
  | { kind: 'columns' }
  | Extra;

export interface PrincipalSpec<T, D> {
  kind: PrincipalKind;
  /** The table's name for remembered columns ("iam-users"). */
  table: string;
  columns: Column<T>[];
  defaultColumns: string[];
  fetch: (client: IamClient) => Promise<T[]>;
  name: (row: T) => string;
  text: (row: T) => string;
  details: (client: IamClient, row: T, current: CurrentProfile) => Promise<D>;
}

export function createPrincipalModel<T, D, Extra = never>(
  deps: ModelDeps,
  spec: PrincipalSpec<T, D>,
) {
  const list = createResourceList<T>({
    fetch: (current) => spec.fetch(iamFor(current)),
    key: spec.name,
  });
  const panel = createResourcePanel<PrincipalDialog<Extra>>(deps, [list]);
  const search = createListSearch(list.rows, spec.text);
  const columns = createColumnPrefs(spec.table, spec.columns, spec.defaultColumns);
  const sorted = columns.sorted(search.filtered);
  const client = () => {
    const current = panel.current();
    return current ? iamFor(current) : null;
  };
  const details = createDetails(list.selectedRows, spec.name, async (row) => {
    const current = panel.current();
    if (!current) throw new Error('no profile');
    return spec.details(iamFor(current), row, current);
  });
  const principal = (name: string) => ({ kind: spec.kind, name });
  /** Reads something before a dialog opens; a refusal shows on the panel. */
  const busy = signal(false);
  async function prepare(run: (c: IamClient) => Promise<void>) {
    const c = client();
    if (!c) return;
    busy.value = true;
    panel.error.value = null;
    try {
      await run(c);
    } catch (e) {
      panel.error.value = asError(e);
    } finally {
      busy.value = false;
    }
  }

  return {
    ...panel,
    list,
    search,
    columns,
    sorted,
    details: details.state,
    busy: computed(() => busy.value),
    kind: spec.kind,
    /** Reads what the principal still has and asks to delete it all. */
    askDelete: (name: string) =>
      prepare(async (c) => {
        const plan = deletePlan(await readBelongings(c, principal(name)));
        panel.open({ kind: 'delete', name, plan });
      }),
    remove: (name: string, plan: readonly DeleteStep[]) =>
      panel.act(async (current) => {
        await runPlan(iamFor(current), principal(name), plan);
        return { key: 'iamDeleted', args: [name] };
      }),
    newInline: (name: string) =>
      panel.open({
        kind: 'inlinePolicy',
        name,
        policyName: '',
        text: policyTemplate(),
        isNew: true,
      }),
    editInline: (name: string, policyName: string) =>
      prepare(async (c) => {
        const text = await c.call(getInlinePolicy(spec.kind), {
          ...principal(name),
          policyName,
        });
        panel.open({
          kind: 'inlinePolicy',
          name,
          policyName,
          text: prettyPolicy(text),
          isNew: false,
        });
      }),
    /** The text was checked by the editor; the cloud's refusal stays in the dialog with it. */
    saveInline: (name: string, policyName: string, document: string) =>
      panel.act(async (current) => {
        await iamFor(current).call(putInlinePolicy(spec.kind), {
          ...principal(name),
          policyName,
          document,
        });
        return { key: 'iamPolicySaved', args: [policyName, name] };
      }),
    deleteInline: (name: string, policyName: string) =>
      panel.act(async (current) => {
        await iamFor(current).call(deleteInlinePolicy(spec.kind), {
          ...principal(name),
          policyName,
        });
        return { key: 'iamPolicyDeleted', args: [policyName, name] };
      }),
    askAttach: (name: string) =>
      prepare(async (c) => {
        const choices = await c.list(listLocalPolicies, {});
        panel.open({ kind: 'attach', name, choices });
      }),
    attach: (name: string, policyArn: string) =>
      panel.act(async (current) => {
        await iamFor(current).call(attachPolicy(spec.kind), { ...principal(name), policyArn });
        return { key: 'iamPolicyAttached', args: [policyArn, name] };
      }),
    detach: (name: string, policyArn: string) =>
      panel.act(async (current) => {
        await iamFor(current).call(detachPolicy(spec.kind), { ...principal(name), policyArn });
        return { key: 'iamPolicyDetached', args: [policyArn, name] };
      }),
    prepare,
    dispose() {
      panel.dispose();
      search.dispose();
      columns.dispose();
      details.dispose();
    },
  };
}

export type PrincipalModel<T, D, Extra = never> = ReturnType<
  typeof createPrincipalModel<T, D, Extra>
>;
