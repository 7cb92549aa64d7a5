// The instance settings dialog's state: the current values read from the cloud, the form, the
// cloud's instance types, and Save, which sends each changed attribute on its own (EC2 takes one
// per call), reads it back, and keeps the dialog open with the user's input on any refusal.

import { batch, signal } from '@preact/signals';
import {
  ec2Call,
  type Instance,
  type InstanceAttributeName,
  type InstanceTypeInfo,
  listInstanceTypes,
  modifyInstanceAttribute,
  refusedAsUnsupported,
} from '../../cloud/ec2';
import type { CloudErrorData } from '../../cloud/errors';
import type { Notice } from '../components/resource-panel';
import type { CurrentProfile } from '../current-profile';
import { asError } from '../errors';
import {
  holds,
  type SettingsForm,
  type SettingsProblems,
  settingsChanges,
  settingsFormFrom,
  validateSettings,
} from './instance-settings';
import {
  type AttributeReadings,
  loadInstanceAttributes,
  readAttribute,
  unsupportedIn,
} from './load-instance-attributes';
import type { UnsupportedAttributes } from './unsupported-attributes';

/**
 * How long to keep reading a change back before calling it not applied. Eucalyptus 4 answers a
 * shutdown behaviour change with success and ignores it; AWS may show a change a moment late.
 */
export const READ_BACK_MS: readonly number[] = [0, 1_000, 2_500];

export interface SettingsOptions {
  unsupported: UnsupportedAttributes;
  /** Everything was saved: the panel closes the dialog, says so and refreshes. */
  onSaved: (notice: Notice) => void;
  readBackMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createInstanceSettingsModel(
  current: CurrentProfile,
  instance: Pick<Instance, 'instanceId' | 'vpcId'>,
  options: SettingsOptions,
) {
  const { unsupported } = options;
  const profileId = current.profile.id;
  const readings = signal<AttributeReadings | null>(null);
  const form = signal<SettingsForm | null>(null);
  const problems = signal<SettingsProblems>({});
  const types = signal<InstanceTypeInfo[] | null>(null);
  const typesFromServer = signal(true);
  const saving = signal(false);
  const error = signal<CloudErrorData | null>(null);
  /** Refused (or ignored) by the cloud in this dialog: each control says so. */
  const refused = signal<ReadonlySet<InstanceAttributeName>>(new Set());
  /** Saved by the last Save while something else was refused. */
  const saved = signal<readonly InstanceAttributeName[]>([]);

  async function load() {
    const read = await loadInstanceAttributes(current, instance);
    unsupported.add(profileId, unsupportedIn(read));
    batch(() => {
      readings.value = read;
      form.value = settingsFormFrom(read);
    });
  }
  let typesAsked = false;
  async function loadTypes() {
    if (typesAsked) return;
    typesAsked = true;
    try {
      const list = await listInstanceTypes(current.profile, current.signer);
      batch(() => {
        types.value = list.types;
        typesFromServer.value = list.source === 'server';
      });
    } catch {
      // The current type stays the only choice; the rest of the dialog works without the list.
      types.value = [];
    }
  }
  void load();

  /** Reads the attribute back until it holds the change; false when it never does. */
  async function readBack(
    change: Parameters<typeof holds>[0],
    sleep: (ms: number) => Promise<void>,
  ): Promise<boolean> {
    for (const ms of options.readBackMs ?? READ_BACK_MS) {
      if (ms > 0) await sleep(ms);
      const reading = await readAttribute(current, instance.instanceId, change.attribute);
      // A read that fails proves nothing either way: the change was accepted.
      if (reading.state !== 'ok') return true;
      if (holds(change, reading.value)) return true;
    }
    return false;
  }

  return {
    instanceId: instance.instanceId,
    profileId,
    readings,
    form,
    problems,
    types,
    typesFromServer,
    saving,
    error,
    refused,
    saved,
    /** Lists the cloud's instance types once: only a stopped instance's type can change. */
    ensureTypes() {
      void loadTypes();
    },
    change(patch: Partial<SettingsForm>) {
      if (!form.value) return;
      const next = { ...form.value, ...patch };
      if ('userData' in patch || 'userDataFile' in patch) next.userDataEdited = true;
      batch(() => {
        form.value = next;
        if ('userData' in patch || 'userDataFile' in patch) problems.value = {};
      });
    },
    /** Sends what changed, for the instance as it is now (its state decides what may change). */
    async save(now: Pick<Instance, 'state' | 'vpcId'>): Promise<void> {
      const values = form.value;
      const before = readings.value;
      if (saving.value || !values || !before) return;
      const found = validateSettings(values);
      problems.value = found;
      if (Object.keys(found).length > 0) return;
      const ctx = { instance: now, readings: before, unsupported: unsupported.of(profileId) };
      const changes = settingsChanges(values, ctx);
      if (changes.length === 0) {
        options.onSaved({ key: 'attrNothingChanged', args: [instance.instanceId] });
        return;
      }
      batch(() => {
        saving.value = true;
        error.value = null;
        saved.value = [];
      });
      const done: InstanceAttributeName[] = [];
      const notApplied: InstanceAttributeName[] = [];
      const sleep = options.sleep ?? wait;
      try {
        for (const change of changes) {
          try {
            await ec2Call(modifyInstanceAttribute, current.profile, current.signer, {
              instanceId: instance.instanceId,
              change,
            });
          } catch (e) {
            const refusal = asError(e);
            if (!refusedAsUnsupported(refusal)) throw e;
            notApplied.push(change.attribute);
            continue;
          }
          if (!(await readBack(change, sleep))) {
            notApplied.push(change.attribute);
            continue;
          }
          done.push(change.attribute);
          // Saved: the next Save does not send it again.
          readings.value = {
            ...readings.value,
            [change.attribute]: { state: 'ok', value: change.value },
          };
        }
      } catch (e) {
        // A refusal of the value (a type this cloud lacks, a state): the form stays as typed.
        error.value = asError(e);
      } finally {
        unsupported.add(profileId, notApplied);
        batch(() => {
          saving.value = false;
          refused.value = new Set([...refused.value, ...notApplied]);
          saved.value = done;
        });
      }
      if (error.value === null && notApplied.length === 0)
        options.onSaved({ key: 'attrNoticeSaved', args: [instance.instanceId] });
    },
  };
}

export type InstanceSettingsModel = ReturnType<typeof createInstanceSettingsModel>;
