import {
  type ConsoleOutput,
  describeInstances,
  type Ec2Operation,
  ec2Call,
  ec2List,
  getConsoleOutput,
  type Instance,
  rebootInstances,
  startInstances,
  stopInstances,
  terminateInstances,
} from '../../cloud/ec2';
import { launchWatches } from '../../storage/items';
import { createColumnPrefs } from '../components/column-prefs';
import { createListSearch } from '../components/list-search';
import { createResourceList } from '../components/resource-list';
import { createResourcePanel } from '../components/resource-panel';
import { createTagging } from '../components/tagging';
import { asError } from '../errors';
import type { LaunchForm } from '../launch/launch-form';
import type { ModelDeps, StorageListener } from '../model-deps';
import {
  DEFAULT_INSTANCE_COLUMNS,
  instanceColumns,
  nameOf,
  TRANSITIONAL_STATES,
} from './instance-columns';

export type InstancesDialog =
  | { kind: 'terminate'; ids: string[] }
  | { kind: 'console'; instanceId: string; output: ConsoleOutput | null }
  | { kind: 'tags'; ids: string[] }
  | { kind: 'launch'; form?: LaunchForm }
  | { kind: 'columns' };

export function createInstancesModel(deps: ModelDeps, options: { pollMs?: number } = {}) {
  const list = createResourceList<Instance>({
    fetch: ({ profile, signer }) => ec2List(describeInstances, profile, signer, {}),
    key: (i) => i.instanceId,
    busy: (i) => TRANSITIONAL_STATES.has(i.state.name),
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
  });
  const panel = createResourcePanel<InstancesDialog>(deps, [list]);
  const columns = createColumnPrefs('instances', instanceColumns(), DEFAULT_INSTANCE_COLUMNS);
  // Every column is searched, shown or not: an address or an owner finds its instance.
  const search = createListSearch(
    list.rows,
    (instance) => columns.columns.map((c) => c.value(instance)).join('\n'),
    (instance) => instance.tags,
  );
  const filtered = columns.sorted(search.filtered);

  // A quick launch from the popup (another page) shows up here without a manual refresh.
  const onStorage: StorageListener = (changes, area) => {
    if (area === 'local' && launchWatches.key in changes) void list.load(true);
  };
  deps.storageEvents.addListener(onStorage);

  const changeState = (
    op: Ec2Operation<{ instanceIds: string[] }, unknown>,
    key: 'noticeStarting' | 'noticeStopping' | 'noticeRebooting' | 'noticeTerminating',
    ids: string[],
  ) =>
    panel.act(async ({ profile, signer }) => {
      await ec2Call(op, profile, signer, { instanceIds: ids });
      return { key, args: [ids.join(', ')] };
    });

  return {
    ...panel,
    list,
    search,
    filtered,
    columns,
    tagging: createTagging(panel),
    start: (ids: string[]) => changeState(startInstances, 'noticeStarting', ids),
    stop: (ids: string[]) => changeState(stopInstances, 'noticeStopping', ids),
    reboot: (ids: string[]) => changeState(rebootInstances, 'noticeRebooting', ids),
    terminate: (ids: string[]) => changeState(terminateInstances, 'noticeTerminating', ids),
    async showConsole(instanceId: string) {
      panel.open({ kind: 'console', instanceId, output: null });
      const current = panel.current();
      if (!current) return;
      try {
        const output = await ec2Call(getConsoleOutput, current.profile, current.signer, {
          instanceId,
        });
        const open = panel.dialog.value;
        if (open?.kind === 'console' && open.instanceId === instanceId)
          panel.dialog.value = { ...open, output };
      } catch (e) {
        const open = panel.dialog.value;
        if (open?.kind === 'console' && open.instanceId === instanceId)
          panel.dialogError.value = asError(e);
      }
    },
    /** The launch dialog launched these: say so and show them. */
    launched(ids: string[]) {
      panel.tell({ key: 'noticeLaunched', args: [ids.join(', ')] });
      void list.load(true);
    },
    nameOf,
    dispose() {
      panel.dispose();
      search.dispose();
      columns.dispose();
      deps.storageEvents.removeListener(onStorage);
    },
  };
}

export type InstancesModel = ReturnType<typeof createInstancesModel>;
