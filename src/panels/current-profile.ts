import { type ReadonlySignal, signal } from '@preact/signals';
import browser from '../shared/browser';
import { call } from '../shared/call';
import { remoteSigner } from '../shared/remote-signer';
import type { CurrentProfile, ProfileWatch } from './model-deps';

// Declared with the model dependencies (which this module implements), so neither imports the
// other; re-exported for the many modules that know it from here.
export type { CurrentProfile };

/**
 * The profile the header's switcher has chosen, for a panel's model: follows changes made in any
 * Cirrus page (another profile, another region) and reports them through `onChange`.
 */
export function watchCurrentProfile(
  onChange: (current: CurrentProfile | null) => void,
): ProfileWatch & { loaded: ReadonlySignal<boolean> } {
  const current = signal<CurrentProfile | null>(null);
  const loaded = signal(false);
  let key = '';
  let disposed = false;

  async function load() {
    const view = await call('profilesList', {}).catch(() => null);
    if (disposed) return;
    const profile = view?.profiles.find((p) => p.id === view.currentId) ?? null;
    // The role a profile works as changes every answer; a renewed login or MFA session does not.
    const role = profile
      ? await call('stsSessions', { profileId: profile.id }).then(
          (sessions) => sessions.role?.roleArn ?? '',
          () => '',
        )
      : '';
    if (disposed) return;
    // Only what the requests depend on counts as a change; a learned clock offset does not.
    const nextKey = profile ? `${role} ${JSON.stringify(profile)}` : '';
    loaded.value = true;
    if (nextKey === key && current.value !== null) return;
    key = nextKey;
    current.value = profile ? { profile, signer: remoteSigner(profile.id) } : null;
    onChange(current.value);
  }

  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && 'profiles' in changes) void load();
    if (area === 'session' && 'session.credentials' in changes) void load();
  };
  browser.storage.onChanged.addListener(onStorage);
  void load();

  return {
    current,
    loaded,
    dispose() {
      disposed = true;
      browser.storage.onChanged.removeListener(onStorage);
    },
  };
}
