// Launch presets' user data (often bootstrap secrets) sealed with the vault when a passphrase is
// set: saved through the background, opened only for a launch. Without a passphrase it stays
// plain, as the preset dialog says.
import { CloudError } from '../cloud/errors';
import {
  type LaunchPreset,
  launchPresets,
  type PresetUserData,
  type SealedValue,
} from '../storage/items';

/** The part of the keychain this needs (src/background/keychain.ts). */
export interface ValueVault {
  status(): Promise<{ hasPassphrase: boolean; locked: boolean }>;
  sealValue(value: unknown): Promise<SealedValue | null>;
  openValue<T>(sealed: SealedValue): Promise<T>;
}

function userDataOf(form: Record<string, unknown>): PresetUserData {
  return {
    userData: typeof form.userData === 'string' ? form.userData : '',
    userDataFile: form.userDataFile ?? null,
  };
}

const holdsUserData = (form: Record<string, unknown>) => {
  const { userData, userDataFile } = userDataOf(form);
  return userData !== '' || userDataFile !== null;
};

/** The preset with its user data sealed, when there is a passphrase and plain user data. */
async function sealed(preset: LaunchPreset, vault: ValueVault): Promise<LaunchPreset> {
  if (preset.sealedUserData || !holdsUserData(preset.form)) return preset;
  const box = await vault.sealValue(userDataOf(preset.form));
  if (!box) return preset;
  return {
    ...preset,
    form: { ...preset.form, userData: '', userDataFile: null },
    sealedUserData: box,
  };
}

/** The preset with its user data back in its form, plain. */
async function opened(preset: LaunchPreset, vault: ValueVault): Promise<LaunchPreset> {
  if (!preset.sealedUserData) return preset;
  // One sealed under a key no longer kept cannot be opened by anyone: left as it is.
  const data = await vault.openValue<PresetUserData>(preset.sealedUserData).catch(() => null);
  if (!data) return preset;
  const { sealedUserData: _, ...rest } = preset;
  return { ...rest, form: { ...preset.form, ...data } };
}

function isPreset(value: unknown): value is LaunchPreset {
  const p = value as LaunchPreset;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.id === 'string' &&
    typeof p.name === 'string' &&
    p.name.trim() !== '' &&
    typeof p.profileId === 'string' &&
    typeof p.form === 'object' &&
    p.form !== null &&
    p.sealedUserData === undefined
  );
}

/** Saves a preset from the launch dialog (replacing one of the same name for the profile). */
export async function savePreset(
  preset: LaunchPreset,
  vault: ValueVault,
): Promise<{ sealed: boolean }> {
  if (!isPreset(preset))
    throw new CloudError({ code: 'InvalidPreset', message: 'This is not a launch preset.' });
  const stored = await sealed(preset, vault);
  await launchPresets.update((list) => [
    ...list.filter((p) => !(p.name === stored.name && p.profileId === stored.profileId)),
    stored,
  ]);
  return { sealed: stored.sealedUserData !== undefined };
}

/** A sealed preset's user data, opened for one launch (the popup's quick launch). */
export async function presetUserData(id: string, vault: ValueVault): Promise<PresetUserData> {
  const preset = (await launchPresets.get()).find((p) => p.id === id);
  if (!preset)
    throw new CloudError({ code: 'PresetNotFound', message: 'This launch preset is gone.' });
  return preset.sealedUserData
    ? vault.openValue<PresetUserData>(preset.sealedUserData)
    : userDataOf(preset.form);
}

/** Replaces each preset by `change(preset)`, unless it changed in storage meanwhile. */
async function rewrite(change: (preset: LaunchPreset) => Promise<LaunchPreset>): Promise<void> {
  const done = new Map<string, { was: string; now: LaunchPreset }>();
  for (const preset of await launchPresets.get())
    done.set(preset.id, { was: JSON.stringify(preset), now: await change(preset) });
  await launchPresets.update((list) =>
    list.map((p) => {
      const entry = done.get(p.id);
      return entry && entry.was === JSON.stringify(p) ? entry.now : p;
    }),
  );
}

/**
 * Seals the user data of every preset that still holds it plainly: presets kept before the
 * passphrase was set (or before sealing existed), and any a change of passphrase left open.
 * Does nothing without a passphrase or while locked.
 */
export async function sealPresets(vault: ValueVault): Promise<void> {
  const { hasPassphrase, locked } = await vault.status();
  if (!hasPassphrase || locked) return;
  await rewrite((p) => sealed(p, vault));
}

/**
 * Opens every sealed preset's user data back into its form, before the passphrase is removed
 * or changed. Written plain first, so a worker stopped halfway loses nothing; the next
 * sealPresets (after the new passphrase, or the next unlock) seals it again.
 */
export async function unsealPresets(vault: ValueVault): Promise<void> {
  await rewrite((p) => opened(p, vault));
}
