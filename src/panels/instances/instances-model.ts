import { computed, effect, signal } from '@preact/signals';
import {
  type ConsoleOutput,
  describeInstances,
  type Ec2Operation,
  ec2Call,
  ec2List,
  getConsoleOutput,
  type Instance,
  monitorInstances,
  rebootInstances,
  startInstances,
  stopInstances,
  unmonitorInstances,
} from '../../cloud/ec2';
import { launchWatches } from '../../storage/items';
import { createColumnPrefs } from '../components/column-prefs';
import { createListSearch } from '../components/list-search';
import { createResourceList } from '../components/resource-list';
import { createResourcePanel, type Notice } from '../components/resource-panel';
import { createTagging } from '../components/tagging';
import { createUnsupportedFeatures } from '../components/unsupported-features';
import { asError } from '../errors';
import type { LaunchForm } from '../launch/launch-form';
import type { ModelDeps, StorageListener } from '../model-deps';
import { type BundleStorageSigner, createImageActions } from './image-actions';
import {
  DEFAULT_INSTANCE_COLUMNS,
  instanceColumns,
  nameOf,
  TRANSITIONAL_STATES,
} from './instance-columns';
import { createInstanceStatusList } from './instance-status-list';
import {
  type AttributeReadings,
  loadInstanceAttributes,
  unsupportedIn,
} from './load-instance-attributes';
import { createPasswordActions, type PasswordDialogState } from './password-model';
import { STATUS_COLUMN, statusColumn, withColumnAfter } from './status-column';
import { createStopScheduleList } from './stop-schedules';
import { checkProtection, protectedLabel, terminateUnprotected } from './termination-protection';
import { createUnsupportedAttributes } from './unsupported-attributes';

export type InstancesDialog =
  /** protectedIds: null while termination protection is being checked. */
  | { kind: 'terminate'; ids: string[]; protectedIds?: readonly string[] | null }
  | { kind: 'force-stop'; ids: string[] }
  | { kind: 'settings'; instanceId: string }
  | { kind: 'console'; instanceId: string; output: ConsoleOutput | null }
  | { kind: 'tags'; ids: string[] }
  | { kind: 'launch'; form?: LaunchForm }
  | { kind: 'columns' }
  | PasswordDialogState
  | { kind: 'create-image'; instanceId: string }
  | { kind: 'bundle'; instanceId: string }
  | { kind: 'sshAccess'; instanceId: string }
  | { kind: 'stopSchedule'; ids: string[] };

export function createInstancesModel(
  deps: ModelDeps,
  options: { pollMs?: number; statusPollMs?: number; signBundleStorage?: BundleStorageSigner } = {},
) {
  const list = createResourceList<Instance>({
    fetch: ({ profile, signer }) => ec2List(describeInstances, profile, signer, {}),
    key: (i) => i.instanceId,
    busy: (i) => TRANSITIONAL_STATES.has(i.state.name),
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
  });
  const status = createInstanceStatusList({
    instances: list.rows,
    // Read only after the panel below exists (when a list loads or the panel draws).
    profile: () => panel.profile.value,
    ...(options.statusPollMs ? { pollMs: options.statusPollMs } : {}),
  });
  const panel = createResourcePanel<InstancesDialog>(deps, [list, status.list]);
  const columns = createColumnPrefs(
    'instances',
    withColumnAfter(instanceColumns(), 'state', statusColumn(status)),
    DEFAULT_INSTANCE_COLUMNS.flatMap((id) => (id === 'state' ? [id, STATUS_COLUMN] : [id])),
  );
  // Every column is searched, shown or not: an address or an owner finds its instance. Status
  // checks change without the row changing, so a search index made once per row leaves them out.
  const search = createListSearch(
    list.rows,
    (instance) =>
      columns.columns
        .filter((c) => c.id !== STATUS_COLUMN)
        .map((c) => c.value(instance))
        .join('\n'),
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

  // Instance settings: what each profile's cloud does not support, and the selected instance's
  // current values for the details pane (read when exactly one instance is selected).
  const unsupported = createUnsupportedAttributes();
  /** Detailed monitoring, once the cloud said it has no MonitorInstances. */
  const monitoring = createUnsupportedFeatures<'monitoring'>();
  const details = signal<{ instanceId: string; readings: AttributeReadings } | null>(null);
  const selectedId = computed(() =>
    list.selected.value.size === 1 ? ([...list.selected.value][0] ?? null) : null,
  );
  let detailsGeneration = 0;
  async function loadDetails(instanceId: string | null) {
    const mine = ++detailsGeneration;
    if (details.peek()?.instanceId !== instanceId) details.value = null;
    const current = panel.current();
    const instance = list.rows.peek().find((i) => i.instanceId === instanceId);
    if (!instanceId || !current || !instance) return;
    const readings = await loadInstanceAttributes(current, instance);
    if (mine !== detailsGeneration) return;
    unsupported.add(current.profile.id, unsupportedIn(readings));
    details.value = { instanceId, readings };
  }
  const stopDetails = effect(() => {
    void loadDetails(selectedId.value);
  });

  // Scheduled stops, kept by the background; shown in their dialog and the details pane.
  const schedules = createStopScheduleList(deps.storageEvents);

  const nameFor = (id: string) => {
    const instance = list.rows.peek().find((i) => i.instanceId === id);
    return instance ? nameOf(instance) : '';
  };

  return {
    ...panel,
    list,
    unsupported,
    monitoring,
    details,
    search,
    filtered,
    columns,
    ...createPasswordActions(panel),
    /** Status checks and scheduled events, by instance id. */
    status,
    images: createImageActions(panel, options.signBundleStorage),
    tagging: createTagging(panel),
    schedules,
    start: (ids: string[]) => changeState(startInstances, 'noticeStarting', ids),
    stop: (ids: string[]) => changeState(stopInstances, 'noticeStopping', ids),
    reboot: (ids: string[]) => changeState(rebootInstances, 'noticeRebooting', ids),
    /** Opens the Terminate dialog and finds which of `ids` have termination protection. */
    async askTerminate(ids: string[]) {
      const opened = { kind: 'terminate' as const, ids, protectedIds: null };
      panel.open(opened);
      const current = panel.current();
      const protectedIds = current ? await checkProtection(current, ids) : [];
      if (panel.dialog.value === opened) panel.dialog.value = { ...opened, protectedIds };
    },
    /**
     * Terminates what may be terminated, as a console user expects: the confirmed instances
     * without termination protection go; the protected ones stay running and are named with
     * what to do. EC2 refuses the whole call when one instance is protected, so a protection the
     * check did not see (turned on meanwhile, or unreadable) is learnt from OperationNotPermitted
     * and the rest are sent again. When every one is protected, the dialog stays open saying so.
     */
    terminate: (ids: string[], knownProtected: readonly string[] = []) =>
      panel.act(async (current) => {
        const opened = panel.dialog.peek();
        const { terminated, blocked } = await terminateUnprotected(current, ids, knownProtected);
        const labels = blocked.map((id) => protectedLabel(id, nameFor(id))).join(', ');
        if (terminated.length === 0) {
          if (opened?.kind === 'terminate')
            panel.dialog.value = { ...opened, protectedIds: blocked };
          return { key: 'attrNothingTerminated', args: [labels] };
        }
        if (blocked.length === 0)
          return { key: 'noticeTerminating', args: [terminated.join(', ')] };
        return { key: 'attrNoticeTerminatingExcept', args: [terminated.join(', '), labels] };
      }),
    /** Detailed monitoring (CloudWatch data every minute) on or off for the instances. */
    setMonitoring: (ids: string[], on: boolean) =>
      panel.act(async ({ profile, signer }) => {
        await monitoring.guard(profile, 'monitoring', () =>
          ec2Call(on ? monitorInstances : unmonitorInstances, profile, signer, {
            instanceIds: ids,
          }),
        );
        return {
          key: on ? 'cwNoticeMonitoringOn' : 'cwNoticeMonitoringOff',
          args: [ids.join(', ')],
        };
      }),
    /** StopInstances with Force: for an instance stuck stopping; confirmed first. */
    forceStop: (ids: string[]) =>
      panel.act(async ({ profile, signer }) => {
        await ec2Call(stopInstances, profile, signer, { instanceIds: ids, force: true });
        return { key: 'attrNoticeForceStopping', args: [ids.join(', ')] };
      }),
    /** The settings dialog saved everything: close it, say so, show the new values. */
    settingsSaved(notice: Notice) {
      panel.open(null);
      panel.tell(notice);
      void list.load(true);
      void loadDetails(selectedId.peek());
    },
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
      stopDetails();
      schedules.dispose();
      detailsGeneration++;
      panel.dispose();
      status.dispose();
      search.dispose();
      columns.dispose();
      deps.storageEvents.removeListener(onStorage);
    },
  };
}

export type InstancesModel = ReturnType<typeof createInstancesModel>;
