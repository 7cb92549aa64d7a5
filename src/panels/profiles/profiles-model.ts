import { batch, signal } from '@preact/signals';
import { type ConnectionResult, testConnection } from '../../cloud/connection-test';
import { isAwsHost, originsFor, type Service } from '../../cloud/endpoints';
import type { CloudErrorData } from '../../cloud/errors';
import type { ProfileKind } from '../../cloud/profile';
import { checkProfile } from '../../cloud/profile-checks';
import type { ProfileProblems } from '../../cloud/profile-validation';
import browser from '../../shared/browser';
import { call } from '../../shared/call';
import type { ProfilesView } from '../../shared/messages';
import { remoteSigner } from '../../shared/remote-signer';
import { asError } from '../errors';
import type { ModelDeps, StorageListener } from '../model-deps';
import {
  emptyForm,
  formFromProfile,
  type ProfileForm,
  profileFromForm,
} from './profile-form-state';

export type TestState = { running: true } | ({ running: false } & ConnectionResult);

export type Notice =
  | { kind: 'saved'; name: string }
  | { kind: 'imported'; count: number }
  | { kind: 'permission-refused'; name: string; origins: string[] }
  | { kind: 'error'; error: CloudErrorData };

/** Asks for the non-AWS origins a profile talks to; must run inside the Save click. */
export function requestHostPermission(
  form: ProfileForm,
): Promise<{ granted: boolean; origins: string[] }> {
  let origins: string[];
  try {
    origins = originsFor(profileFromForm(form)).filter(
      (o) => !isAwsHost(new URL(o.slice(0, -1)).hostname),
    );
  } catch {
    return Promise.resolve({ granted: true, origins: [] });
  }
  if (!origins.length) return Promise.resolve({ granted: true, origins });
  return browser.permissions.request({ origins }).then(
    (granted) => ({ granted, origins }),
    () => ({ granted: false, origins }),
  );
}

/** How often a failed read of the profiles is tried again (after 0.3, 0.6, 1.2, 2.4, 4.8 s). */
const LOAD_RETRIES = 5;

export function createProfilesModel(deps: ModelDeps) {
  const view = signal<ProfilesView | null>(null);
  const loadError = signal<CloudErrorData | null>(null);
  const form = signal<ProfileForm | null>(null);
  const problems = signal<ProfileProblems>({});
  const saving = signal(false);
  const notice = signal<Notice | null>(null);
  const tests = signal<Record<string, Partial<Record<Service, TestState>>>>({});
  const confirmDelete = signal<string | null>(null);

  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  /**
   * Reads the profiles. A background that does not answer is asked again a few times, about 9 s in
   * all: the browser stops and restarts it (Firefox's event page, Chrome's idle worker), and a
   * message sent while it starts again can fail although the next one is answered.
   */
  async function load(attempt = 0) {
    clearTimeout(retryTimer);
    try {
      const next = await call('profilesList', {});
      if (disposed) return;
      view.value = next;
      loadError.value = null;
    } catch (error) {
      if (disposed) return;
      loadError.value = asError(error);
      if (attempt < LOAD_RETRIES)
        retryTimer = setTimeout(() => void load(attempt + 1), 300 * 2 ** attempt);
    }
  }

  // Other pages (popup, sidebar, another tab) change profiles too: follow storage.
  const onStorage: StorageListener = (changes, area) => {
    if (
      area === 'local' &&
      ('profiles' in changes || 'clock.offsets' in changes || 'keychain' in changes)
    )
      void load();
    if (area === 'session' && 'keychain.sessionKey' in changes) void load();
  };
  deps.storageEvents.addListener(onStorage);

  async function run(action: () => Promise<unknown>) {
    try {
      await action();
      notice.value = null;
    } catch (error) {
      notice.value = { kind: 'error', error: asError(error) };
    } finally {
      await load();
    }
  }

  return {
    view,
    loadError,
    form,
    problems,
    saving,
    notice,
    tests,
    confirmDelete,
    load: () => load(),

    startAdd(kind: ProfileKind) {
      batch(() => {
        form.value = emptyForm(kind);
        problems.value = {};
        notice.value = null;
      });
    },
    startEdit(id: string) {
      const profile = view.value?.profiles.find((p) => p.id === id);
      if (!profile) return;
      batch(() => {
        form.value = formFromProfile(profile);
        problems.value = {};
        notice.value = null;
      });
    },
    change(patch: Partial<ProfileForm>) {
      if (!form.value) return;
      form.value = { ...form.value, ...patch };
      // A corrected field loses its message as soon as it is edited.
      const cleared = { ...problems.value };
      for (const key of Object.keys(patch)) delete cleared[key as keyof ProfileProblems];
      problems.value = cleared;
    },
    cancel() {
      form.value = null;
      problems.value = {};
    },

    /** Checks the form; returns false (with messages by the fields) when it cannot be saved. */
    validate(): boolean {
      const current = form.value;
      if (!current) return false;
      const hasSecret = current.secretAccessKey.trim() !== '' || current.id !== '';
      problems.value = checkProfile(profileFromForm(current), hasSecret);
      return Object.keys(problems.value).length === 0;
    },

    async save(permission: Promise<{ granted: boolean; origins: string[] }>) {
      const current = form.value;
      if (!current) return;
      saving.value = true;
      try {
        const keys = !(current.kind === 'eucalyptus' && current.signIn === 'password');
        const secret =
          keys && current.secretAccessKey.trim()
            ? { secretAccessKey: current.secretAccessKey, sessionToken: current.sessionToken }
            : undefined;
        const { profile } = await call('profileSave', {
          profile: profileFromForm(current),
          ...(secret ? { secret } : {}),
        });
        const { granted, origins } = await permission;
        batch(() => {
          form.value = null;
          notice.value = granted
            ? { kind: 'saved', name: profile.name }
            : { kind: 'permission-refused', name: profile.name, origins };
        });
      } catch (error) {
        // The form stays open with everything typed; the message says what to fix.
        notice.value = { kind: 'error', error: asError(error) };
      } finally {
        saving.value = false;
        await load();
      }
    },

    async test(id: string, service: Service) {
      const profile = view.value?.profiles.find((p) => p.id === id);
      if (!profile) return;
      tests.value = { ...tests.value, [id]: { ...tests.value[id], [service]: { running: true } } };
      let result: ConnectionResult;
      try {
        result = await testConnection(profile, remoteSigner(id), service);
      } catch (error) {
        result = { ok: false, error: asError(error), hint: 'unknown' };
      }
      tests.value = {
        ...tests.value,
        [id]: { ...tests.value[id], [service]: { running: false, ...result } },
      };
      await load();
    },

    duplicate: (id: string) => run(() => call('profileDuplicate', { id })),
    makeCurrent: (id: string) => run(() => call('profileSetCurrent', { id })),
    async remove(id: string) {
      confirmDelete.value = null;
      await run(() => call('profileDelete', { id }));
    },

    dispose() {
      disposed = true;
      clearTimeout(retryTimer);
      deps.storageEvents.removeListener(onStorage);
    },
  };
}

export type ProfilesModel = ReturnType<typeof createProfilesModel>;
