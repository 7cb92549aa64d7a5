// The header's view of a Eucalyptus password session for the current profile: who is signed in
// and until when, the sign-in dialog (asked for by the user, by a failed call, or ~5 minutes
// before the end), and sign-out. Keys never come here: the background answers label and time.

import { batch, computed, signal } from '@preact/signals';
import type { CloudErrorData } from '../../cloud/errors';
import {
  DEFAULT_SIGN_IN_MINUTES,
  nextPhaseIn,
  type SessionPhase,
  sessionPhase,
} from '../../cloud/login/session-time';
import type { EucalyptusProfile, Profile } from '../../cloud/profile';
import { usesPasswordSignIn } from '../../cloud/profile-validation';
import type { MessageArgs, MessageResult, SignInView } from '../../shared/messages';
import { asError } from '../errors';
import { announceSignedIn, onSignInRequest } from './sign-in-events';

/** The three background messages the model uses (call() in the page, a fake in tests). */
export interface SessionApi {
  signIn(args: MessageArgs<'signIn'>): Promise<MessageResult<'signIn'>>;
  signOut(args: MessageArgs<'signOut'>): Promise<MessageResult<'signOut'>>;
  signInStatus(args: MessageArgs<'signInStatus'>): Promise<MessageResult<'signInStatus'>>;
}

/** Eucalyptus gives the account admin at most an hour (its console asks no more). */
export const ADMIN_MAX_MINUTES = 60;

export function isAccountAdmin(profile: EucalyptusProfile | null): boolean {
  return profile?.user?.trim() === 'admin';
}

/** Longest wait between checks, so a session changed in another page shows up soon. */
const RECHECK_MS = 60_000;

export function createSessionModel(api: SessionApi, now: () => number = Date.now) {
  const profile = signal<EucalyptusProfile | null>(null);
  const session = signal<SignInView | null>(null);
  const clock = signal(now());
  const dialogOpen = signal(false);
  const password = signal('');
  const minutes = signal<number>(DEFAULT_SIGN_IN_MINUTES);
  const error = signal<CloudErrorData | null>(null);
  const busy = signal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The session whose "ask again" already opened the dialog (once per session). */
  let askedFor: string | null = null;
  let generation = 0;

  const phase = computed<SessionPhase | 'none'>(() => {
    const s = session.value;
    return s ? sessionPhase(s.expiration, clock.value, s.issued) : 'none';
  });

  function schedule() {
    clearTimeout(timer);
    if (!profile.value) return;
    const s = session.value;
    const next = s ? nextPhaseIn(s.expiration, now(), s.issued) : undefined;
    timer = setTimeout(tick, Math.min(next === undefined ? RECHECK_MS : next + 50, RECHECK_MS));
  }

  function tick() {
    clock.value = now();
    const s = session.value;
    // About to end: ask once, over whatever the page shows; the page keeps its state.
    if (s && phase.value === 'renew' && askedFor !== s.expiration) {
      askedFor = s.expiration;
      openDialog();
    }
    schedule();
  }

  async function refresh() {
    const current = profile.value;
    const mine = ++generation;
    if (!current) {
      session.value = null;
      return;
    }
    try {
      const { session: next } = await api.signInStatus({ profileId: current.id });
      if (mine !== generation) return;
      session.value = next;
    } catch {
      // A background restarting: the next check will tell.
    }
    tick();
  }

  function openDialog() {
    if (!profile.value) return;
    batch(() => {
      if (isAccountAdmin(profile.value) && minutes.value > ADMIN_MAX_MINUTES) {
        minutes.value = ADMIN_MAX_MINUTES;
      }
      dialogOpen.value = true;
      error.value = null;
    });
  }

  /** The session state (its end, or none) for which a failed call already opened the dialog. */
  let failureAskedFor: string | null = null;
  const stopRequests = onSignInRequest((automatic) => {
    if (!profile.value) return;
    const state = session.value?.expiration ?? 'none';
    if (automatic && failureAskedFor === state) return;
    if (automatic) failureAskedFor = state;
    openDialog();
    void refresh();
  });

  return {
    profile,
    session,
    phase,
    dialogOpen,
    password,
    minutes,
    error,
    busy,

    /** Follows the header's current profile; only password profiles have anything to show. */
    use(next: Profile | null) {
      const chosen = next && usesPasswordSignIn(next) ? (next as EucalyptusProfile) : null;
      if (chosen?.id !== profile.value?.id) {
        batch(() => {
          session.value = null;
          dialogOpen.value = false;
          error.value = null;
        });
        askedFor = null;
        failureAskedFor = null;
      }
      profile.value = chosen;
      void refresh();
    },
    refresh,
    open: openDialog,
    close() {
      batch(() => {
        dialogOpen.value = false;
        password.value = '';
        error.value = null;
      });
    },

    async submit() {
      const current = profile.value;
      if (!current || busy.value) return;
      busy.value = true;
      try {
        const view = await api.signIn({
          profileId: current.id,
          password: password.value,
          durationSeconds: minutes.value * 60,
        });
        batch(() => {
          session.value = view;
          dialogOpen.value = false;
          password.value = '';
          error.value = null;
        });
        askedFor = null;
        tick();
        announceSignedIn();
      } catch (thrown) {
        // The dialog stays open with the duration chosen; the password is typed again.
        batch(() => {
          error.value = asError(thrown);
          password.value = '';
        });
      } finally {
        busy.value = false;
      }
    },

    async signOut() {
      const current = profile.value;
      if (!current) return;
      try {
        await api.signOut({ profileId: current.id });
      } finally {
        await refresh();
      }
    },

    dispose() {
      generation++;
      clearTimeout(timer);
      stopRequests();
    },
  };
}

export type SessionModel = ReturnType<typeof createSessionModel>;
