// Eucalyptus password sign-in, done by the background: it sends GetAccessToken itself, keeps the
// temporary keys in storage.session (gone when the browser closes) and tells the page only who
// is signed in and until when. The password lives in this call's arguments and nowhere else.

import { endpointFor } from '../cloud/endpoints';
import { CloudError } from '../cloud/errors';
import { requestAccessToken } from '../cloud/login/password-login';
import { isSignInDuration, sessionLabel } from '../cloud/login/session-time';
import type { EucalyptusProfile, Profile } from '../cloud/profile';
import { usesPasswordSignIn } from '../cloud/profile-validation';
import type { TemporaryCredentials } from '../cloud/temporary-credentials';
import type { SignInView } from '../shared/messages';
import { clockOffsets, profilesState, sessionCredentials } from '../storage/items';

async function passwordProfile(profileId: string): Promise<EucalyptusProfile> {
  const profile = (await profilesState.get()).profiles.find((p) => p.id === profileId);
  if (profile?.kind !== 'eucalyptus' || !usesPasswordSignIn(profile)) {
    throw new CloudError({
      code: 'NotPasswordProfile',
      message: 'This profile does not sign in with a password.',
    });
  }
  return profile;
}

/**
 * What a page may know of a session: the label and the end, on the page's clock (the server's
 * expiration less the learned clock offset), so "until 14:05" is right on a server that is off.
 */
function view(session: TemporaryCredentials, offsetMs: number): SignInView {
  const end = Date.parse(session.expiration) - offsetMs;
  const result: SignInView = { label: session.label, expiration: new Date(end).toISOString() };
  if (session.issued) result.issued = session.issued;
  return result;
}

export async function signInWithPassword(
  profileId: string,
  password: string,
  durationSeconds: number,
): Promise<SignInView> {
  const profile = await passwordProfile(profileId);
  if (!isSignInDuration(durationSeconds)) {
    throw new CloudError({
      code: 'InvalidDuration',
      message: 'A session lasts 15 minutes to 12 hours.',
    });
  }
  const endpoint = endpointFor(profile, 'sts');
  if (!endpoint) {
    throw new CloudError({ code: 'NoSuchService', message: 'This profile has no Tokens service.' });
  }
  const account = profile.account ?? '';
  const user = profile.user ?? '';
  const token = await requestAccessToken({
    tokensBaseUrl: endpoint.baseUrl,
    account,
    user,
    password,
    durationSeconds,
  });
  const base: TemporaryCredentials = {
    ...token,
    label: sessionLabel(user, account),
    source: 'login',
    issued: new Date().toISOString(),
  };
  // A new base session replaces the old one; anything built on the old one (a role) goes too.
  await sessionCredentials.update((all) => ({ ...all, [profileId]: { base } }));
  const offsets = await clockOffsets.get();
  return view(base, offsets[profileId] ?? 0);
}

export async function signOut(profileId: string): Promise<void> {
  await sessionCredentials.update(({ [profileId]: _gone, ...rest }) => rest);
}

/** The current session of a password profile, or null (none, or a profile with keys). */
export async function signInStatus(profileId: string): Promise<SignInView | null> {
  const [all, offsets] = await Promise.all([sessionCredentials.get(), clockOffsets.get()]);
  const base = all[profileId]?.base;
  if (base?.source !== 'login') return null;
  return view(base, offsets[profileId] ?? 0);
}

/**
 * After an edit: a session signed in for another cloud, account or user is no longer this
 * profile's, so it is dropped (a browser restart would drop it anyway).
 */
export async function forgetMovedSession(before: Profile, after: Profile): Promise<void> {
  const same = (p: Profile) =>
    p.kind === 'eucalyptus'
      ? JSON.stringify([p.signIn, p.account, p.user, p.host, p.port, p.https, p.tokensPath])
      : p.kind;
  if (usesPasswordSignIn(before) && same(before) !== same(after)) await signOut(before.id);
}
