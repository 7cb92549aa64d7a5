import { batch, signal } from '@preact/signals';
import {
  describeAvailabilityZones,
  describeKeyPairs,
  describeSecurityGroups,
  ec2Call,
  ec2List,
  type InstanceTypeInfo,
  listInstanceTypes,
  type Reservation,
  runInstances,
} from '../../cloud/ec2';
import type { CloudErrorData } from '../../cloud/errors';
import { call } from '../../shared/call';
import type { LaunchPreset } from '../../storage/items';
import type { CurrentProfile } from '../current-profile';
import { asError } from '../errors';
import { type LaunchForm, type LaunchProblems, runInput, validateLaunch } from './launch-form';

export interface LaunchChoices {
  types: InstanceTypeInfo[];
  typesFromServer: boolean;
  keyNames: string[];
  groupNames: string[];
  zones: string[];
}

/** Keeps a preset; the background seals its user data when a passphrase is set. */
export type SavePreset = (preset: LaunchPreset) => Promise<{ sealed: boolean }>;

const saveInBackground: SavePreset = (preset) => call('presetSave', { preset });

/** The launch dialog's state: the form, the cloud's choices, and one launch at a time. */
export function createLaunchModel(
  current: CurrentProfile,
  initial: LaunchForm,
  save: SavePreset = saveInBackground,
) {
  const form = signal<LaunchForm>(initial);
  const problems = signal<LaunchProblems>({});
  const choices = signal<LaunchChoices | null>(null);
  const choicesError = signal<CloudErrorData | null>(null);
  const launching = signal(false);
  const error = signal<CloudErrorData | null>(null);
  const launched = signal<Reservation | null>(null);
  const presetSaved = signal<string | null>(null);
  // One token per launch the user means: pressing Launch again after a lost answer does not
  // start a second set of instances, because EC2 answers the same token with the first launch.
  let clientToken = crypto.randomUUID();

  async function loadChoices() {
    const { profile, signer } = current;
    try {
      const [types, keys, groups, zones] = await Promise.all([
        listInstanceTypes(profile, signer),
        ec2List(describeKeyPairs, profile, signer, {}),
        ec2List(describeSecurityGroups, profile, signer, {}),
        ec2List(describeAvailabilityZones, profile, signer, {}),
      ]);
      choices.value = {
        types: types.types,
        typesFromServer: types.source === 'server',
        keyNames: keys.map((k) => k.keyName).sort(),
        groupNames: [...new Set(groups.map((g) => g.groupName))].sort(),
        zones: zones.map((z) => z.zoneName).filter((z) => !z.startsWith('|-')),
      };
    } catch (e) {
      choicesError.value = asError(e);
    }
  }
  void loadChoices();

  return {
    form,
    problems,
    choices,
    choicesError,
    launching,
    error,
    launched,
    presetSaved,
    change(patch: Partial<LaunchForm>) {
      form.value = { ...form.value, ...patch };
      const cleared = { ...problems.value };
      for (const key of Object.keys(patch)) delete cleared[key as keyof LaunchProblems];
      problems.value = cleared;
      // A different launch deserves its own token.
      clientToken = crypto.randomUUID();
    },
    validate(): boolean {
      problems.value = validateLaunch(form.value);
      return Object.keys(problems.value).length === 0;
    },
    async launch(): Promise<Reservation | null> {
      if (launching.value || !this.validate()) return null;
      batch(() => {
        launching.value = true;
        error.value = null;
      });
      try {
        const input = { ...runInput(form.value, current.profile), clientToken };
        const reservation = await ec2Call(runInstances, current.profile, current.signer, input);
        launched.value = reservation;
        clientToken = crypto.randomUUID();
        return reservation;
      } catch (e) {
        error.value = asError(e);
        return null;
      } finally {
        launching.value = false;
      }
    },
    async savePreset(name: string): Promise<boolean> {
      if (!name.trim() || !this.validate()) return false;
      const preset = {
        id: crypto.randomUUID(),
        name: name.trim(),
        profileId: current.profile.id,
        form: { ...form.value } as unknown as Record<string, unknown>,
      };
      try {
        await save(preset);
      } catch (e) {
        error.value = asError(e);
        return false;
      }
      presetSaved.value = preset.name;
      return true;
    },
  };
}

export type LaunchModel = ReturnType<typeof createLaunchModel>;
