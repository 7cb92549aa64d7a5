// The toolbar popup's state: the current profile's presets (one click launches), the instances that
// run or are changing, and how the last quick launches ended. Everything else is in the full panel.

import { batch, computed, signal } from '@preact/signals';
import type { Instance } from '../../cloud/ec2';
import { type SshCommand, type SshRefusal, sshCommandFor } from '../../cloud/ec2/ssh';
import type { CloudErrorData } from '../../cloud/errors';
import { call } from '../../shared/call';
import {
  type LaunchOutcome,
  type LaunchPreset,
  launchOutcomes,
  launchPresets,
} from '../../storage/items';
import { createResourceList } from '../components/resource-list';
import { asError } from '../errors';
import { nameOf, TRANSITIONAL_STATES } from '../instances/instance-columns';
import { type LaunchForm, launchFormFrom, runInput } from '../launch/launch-form';
import type { ModelDeps } from '../model-deps';

/** What the popup lists: what costs money or is about to (stopped and terminated stay in the panel). */
const SHOWN_STATES = new Set(['running', ...TRANSITIONAL_STATES]);

export interface PopupInstance {
  id: string;
  name: string;
  state: string;
  /** Public IP, else public DNS name, else private IP; '' while none is assigned. */
  address: string;
  /** The command, or why there is none (said on a click rather than a silently dead button). */
  ssh: SshCommand;
}

/** The popup's rows: running or changing instances, the newest launch first. */
export function popupInstances(list: readonly Instance[]): PopupInstance[] {
  return list
    .filter((instance) => SHOWN_STATES.has(instance.state.name))
    .sort((a, b) => b.launchTime.localeCompare(a.launchTime))
    .map((instance) => ({
      id: instance.instanceId,
      name: nameOf(instance),
      state: instance.state.name,
      address: instance.ipAddress || instance.dnsName || instance.privateIpAddress,
      ssh: sshCommandFor(instance),
    }));
}

export type LaunchStatus =
  | { kind: 'launching'; name: string }
  | { kind: 'launched'; name: string; ids: string[] }
  | { kind: 'failed'; name: string; error: CloudErrorData };

export function createPopupModel(deps: ModelDeps) {
  const instances = createResourceList<Instance>({
    fetch: async ({ profile, signer }) => {
      // Loaded with the first list: the popup paints its header and presets before the EC2 client.
      const { describeInstances, ec2List } = await import('../../cloud/ec2');
      return ec2List(describeInstances, profile, signer, {});
    },
    key: (instance) => instance.instanceId,
    busy: (instance) => TRANSITIONAL_STATES.has(instance.state.name),
  });
  const rows = computed(() => popupInstances(instances.rows.value));
  const presets = signal<LaunchPreset[]>([]);
  const outcomes = signal<LaunchOutcome[]>([]);
  const status = signal<LaunchStatus | null>(null);
  /** The last SSH command asked for; `done` false when the clipboard refused it (shown to copy by hand). */
  const copied = signal<{ text: string; done: boolean } | null>(null);
  /** Why the last Copy SSH had nothing to copy. */
  const refused = signal<SshRefusal | null>(null);
  /** False until the profile source first answers: no "add a profile" flash before that. */
  const ready = signal(false);
  let disposed = false;

  const watcher = deps.profiles((next) => {
    batch(() => {
      ready.value = true;
      status.value = null;
      copied.value = null;
      refused.value = null;
    });
    instances.use(next);
  });
  const profile = watcher.current;
  const mine = computed(() =>
    presets.value.filter((p) => p.profileId === profile.value?.profile.id),
  );

  function loadStored() {
    void launchPresets.get().then((list) => {
      if (!disposed) presets.value = list;
    });
    void launchOutcomes.get().then((list) => {
      if (!disposed) outcomes.value = list;
    });
  }
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    if (launchPresets.key in changes || launchOutcomes.key in changes) loadStored();
    // The background records an outcome when a launch it follows ends: the list changed too.
    if (launchOutcomes.key in changes) void instances.load(true);
  };
  deps.storageEvents.addListener(onStorage);
  loadStored();

  async function launch(preset: LaunchPreset) {
    const current = profile.value;
    if (!current || status.value?.kind === 'launching') return;
    status.value = { kind: 'launching', name: preset.name };
    let form: LaunchForm = launchFormFrom(preset.form);
    try {
      // Sealed user data is opened by the background for this launch only, never stored here.
      if (preset.sealedUserData) {
        const data = await call('presetUserData', { id: preset.id });
        form = { ...form, ...(data as Pick<LaunchForm, 'userData' | 'userDataFile'>) };
      }
      // A fresh token per click: each click is a launch the user asked for.
      const input = { ...runInput(form, current.profile), clientToken: crypto.randomUUID() };
      const { ec2Call, runInstances } = await import('../../cloud/ec2');
      const reservation = await ec2Call(runInstances, current.profile, current.signer, input);
      const ids = reservation.instances.map((i) => i.instanceId);
      await call('watchLaunch', {
        profileId: current.profile.id,
        instanceIds: ids,
        presetName: preset.name,
      });
      status.value = { kind: 'launched', name: preset.name, ids };
      // The new instance shows as pending at once, and the list polls until it runs.
      void instances.load(true);
    } catch (error) {
      status.value = { kind: 'failed', name: preset.name, error: asError(error) };
    }
  }

  async function remove(preset: LaunchPreset) {
    await launchPresets.update((list) => list.filter((p) => p.id !== preset.id));
  }

  async function copy(text: string) {
    refused.value = null;
    const done = await navigator.clipboard.writeText(text).then(
      () => true,
      () => false,
    );
    if (!disposed) copied.value = { text, done };
  }

  async function copySsh(ssh: SshCommand) {
    if (ssh.ok) {
      await copy(ssh.command);
    } else {
      batch(() => {
        copied.value = null;
        refused.value = ssh;
      });
    }
  }

  return {
    ready,
    profile,
    instances,
    rows,
    presets: mine,
    outcomes,
    status,
    copied,
    refused,
    launch,
    remove,
    copy,
    copySsh,
    dispose() {
      disposed = true;
      deps.storageEvents.removeListener(onStorage);
      watcher.dispose();
      instances.dispose();
    },
  };
}

export type PopupModel = ReturnType<typeof createPopupModel>;
