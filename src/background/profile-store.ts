import { CloudError } from '../cloud/errors';
import type { Profile } from '../cloud/profile';
import { checkProfile } from '../cloud/profile-checks';
import { usesPasswordSignIn } from '../cloud/profile-validation';
import type { KeychainView, ProfileInput, ProfilesView } from '../shared/messages';
import { clockOffsets, profilesState, sessionCredentials, settings } from '../storage/items';
import { releaseUnusedOrigins } from './host-permissions';
import { forgetMovedSession, signOut } from './password-sign-in';
import { keychain } from './services';

export async function keychainView(): Promise<KeychainView> {
  const [status, { autoLockMinutes }] = await Promise.all([keychain.status(), settings.get()]);
  return { ...status, autoLockMinutes };
}

export async function listProfiles(): Promise<ProfilesView> {
  const [state, offsets, view] = await Promise.all([
    profilesState.get(),
    clockOffsets.get(),
    keychainView(),
  ]);
  return { ...state, clockOffsets: offsets, keychain: view };
}

export async function findProfile(id: string): Promise<Profile> {
  const profile = (await profilesState.get()).profiles.find((p) => p.id === id);
  if (!profile)
    throw new CloudError({ code: 'NoSuchProfile', message: 'This profile no longer exists.' });
  return profile;
}

function tidy(profile: Profile): Profile {
  const trimmed = {
    ...profile,
    name: profile.name.trim(),
    accessKeyId: profile.accessKeyId.trim(),
  };
  return { ...trimmed, region: profile.region.trim() };
}

/** Saves one profile; the page validates first, this checks again since it is the last gate. */
export async function saveProfile({ profile, secret }: ProfileInput): Promise<Profile> {
  const isNew = profile.id === '';
  const hasSecret = secret?.secretAccessKey ? true : !isNew && (await keychain.has(profile.id));
  const problems = checkProfile(profile, hasSecret);
  const first = Object.entries(problems)[0];
  if (first) {
    throw new CloudError({ code: 'InvalidProfile', message: `${first[0]}: ${first[1]}` });
  }
  const saved = tidy({ ...profile, id: isNew ? crypto.randomUUID() : profile.id });
  // The secret goes first: a locked keychain must refuse before the profile changes.
  if (secret?.secretAccessKey && !usesPasswordSignIn(saved)) {
    await keychain.set(saved.id, {
      secretAccessKey: secret.secretAccessKey.trim(),
      ...(secret.sessionToken?.trim() ? { sessionToken: secret.sessionToken.trim() } : {}),
    });
  }
  // A password profile keeps no keys: one left from its keys days is removed.
  if (!isNew && usesPasswordSignIn(saved) && (await keychain.has(saved.id))) {
    await keychain.delete(saved.id);
  }
  const before = (await profilesState.get()).profiles;
  const previous = before.find((p) => p.id === saved.id);
  if (previous) await forgetMovedSession(previous, saved);
  const after = await profilesState.update((state) => {
    const profiles = isNew
      ? [...state.profiles, saved]
      : state.profiles.map((p) => (p.id === saved.id ? saved : p));
    return { profiles, currentId: state.currentId ?? saved.id };
  });
  // An edit may move a profile off a host that nothing else uses.
  if (!isNew) await releaseUnusedOrigins(before, after.profiles);
  return saved;
}

function uniqueName(name: string, taken: Set<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) if (!taken.has(`${name} (${n})`)) return `${name} (${n})`;
}

export async function duplicateProfile(id: string): Promise<Profile> {
  const original = await findProfile(id);
  const state = await profilesState.get();
  const copy = { ...original, id: crypto.randomUUID() };
  copy.name = uniqueName(original.name, new Set(state.profiles.map((p) => p.name)));
  if (await keychain.has(id)) await keychain.set(copy.id, await keychain.get(id));
  await profilesState.set({ ...state, profiles: [...state.profiles, copy] });
  return copy;
}

export async function deleteProfile(id: string): Promise<void> {
  await keychain.delete(id);
  await signOut(id);
  const before = (await profilesState.get()).profiles;
  const after = await profilesState.update((state) => {
    const profiles = state.profiles.filter((p) => p.id !== id);
    const currentId = state.currentId === id ? (profiles[0]?.id ?? null) : state.currentId;
    return { profiles, currentId };
  });
  await releaseUnusedOrigins(before, after.profiles);
  await clockOffsets.update(({ [id]: _gone, ...rest }) => rest);
  // Its temporary keys (MFA session, role) go with it rather than wait for a browser restart.
  await sessionCredentials.update(({ [id]: _gone, ...rest }) => rest);
}

export async function setCurrentProfile(id: string): Promise<void> {
  await findProfile(id);
  await profilesState.update((state) => ({ ...state, currentId: id }));
}

/** Saves several drafts (an import); names that already exist get a number. */
export async function importProfiles(items: ProfileInput[]): Promise<Profile[]> {
  const taken = new Set((await profilesState.get()).profiles.map((p) => p.name));
  const saved: Profile[] = [];
  for (const item of items) {
    const name = uniqueName(item.profile.name.trim() || 'Imported', taken);
    taken.add(name);
    saved.push(await saveProfile({ ...item, profile: { ...item.profile, id: '', name } }));
  }
  return saved;
}
