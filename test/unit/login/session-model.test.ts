import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CloudError } from '../../../src/cloud/errors';
import type { EucalyptusProfile } from '../../../src/cloud/profile';
import { createSessionModel, type SessionApi } from '../../../src/panels/components/session-model';
import { onSignedIn, requestSignIn } from '../../../src/panels/components/sign-in-events';
import type { SignInView } from '../../../src/shared/messages';

const START = Date.parse('2026-12-03T10:00:00.000Z');
const profile: EucalyptusProfile = {
  id: 'p1',
  name: 'Lab',
  kind: 'eucalyptus',
  accessKeyId: '',
  host: '10.0.0.5',
  port: 8773,
  https: false,
  ec2Path: '/services/compute',
  s3Path: '/services/objectstorage',
  s3Host: '',
  region: 'eucalyptus',
  signatureVersion: 4,
  apiVersion: '2013-02-01',
  signIn: 'password',
  account: 'engineering',
  user: 'alice',
};

function fakeApi() {
  let stored: SignInView | null = null;
  const calls: string[] = [];
  const api: SessionApi = {
    async signIn({ password, durationSeconds }) {
      calls.push(`signIn ${durationSeconds}`);
      if (password !== 'right') {
        throw new CloudError({ code: 'LoginFailed', message: 'refused', status: 401 });
      }
      stored = {
        label: 'alice@engineering',
        issued: new Date(Date.now()).toISOString(),
        expiration: new Date(Date.now() + durationSeconds * 1000).toISOString(),
      };
      return stored;
    },
    async signOut() {
      calls.push('signOut');
      stored = null;
      return {};
    },
    async signInStatus() {
      return { session: stored };
    },
  };
  return { api, calls };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('the session model', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  test('a profile with keys has nothing to show; a password profile is not signed in', async () => {
    const { api } = fakeApi();
    const model = createSessionModel(api);
    model.use({ ...profile, signIn: 'keys' });
    await settle();
    expect(model.profile.value).toBeNull();
    model.use(profile);
    await settle();
    expect(model.phase.value).toBe('none');
    model.dispose();
  });

  test('a refused password keeps the dialog and the duration, and clears the password', async () => {
    const { api } = fakeApi();
    const model = createSessionModel(api);
    model.use(profile);
    await settle();
    model.open();
    model.minutes.value = 30;
    model.password.value = 'wrong';
    await model.submit();
    expect(model.dialogOpen.value).toBe(true);
    expect(model.error.value?.code).toBe('LoginFailed');
    expect(model.password.value).toBe('');
    expect(model.minutes.value).toBe(30);
    model.dispose();
  });

  test('signed in, it asks again once near the end, then expires; sign out forgets', async () => {
    const { api, calls } = fakeApi();
    const model = createSessionModel(api);
    const signedIn = vi.fn();
    const stop = onSignedIn(signedIn);
    model.use(profile);
    await settle();
    model.open();
    model.minutes.value = 15;
    model.password.value = 'right';
    await model.submit();
    expect(calls).toEqual(['signIn 900']);
    expect(signedIn).toHaveBeenCalledOnce();
    expect(model.dialogOpen.value).toBe(false);
    expect(model.password.value).toBe('');
    expect(model.phase.value).toBe('active');

    // Five minutes before the end of a 15-minute session: the dialog opens by itself.
    await vi.advanceTimersByTimeAsync(10 * 60_000 + 100);
    expect(model.phase.value).toBe('renew');
    expect(model.dialogOpen.value).toBe(true);
    model.close();
    await vi.advanceTimersByTimeAsync(60_000);
    // Once per session, not again.
    expect(model.dialogOpen.value).toBe(false);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(model.phase.value).toBe('expired');

    // A failed call asks for the dialog by itself once; the user's own click always opens it.
    requestSignIn(true);
    expect(model.dialogOpen.value).toBe(true);
    model.close();
    requestSignIn(true);
    expect(model.dialogOpen.value).toBe(false);
    requestSignIn();
    expect(model.dialogOpen.value).toBe(true);
    model.close();

    await model.signOut();
    expect(calls).toContain('signOut');
    expect(model.session.value).toBeNull();
    stop();
    model.dispose();
  });

  test('the account admin is offered an hour at most', async () => {
    const { api } = fakeApi();
    const model = createSessionModel(api);
    model.use({ ...profile, user: 'admin' });
    await settle();
    model.minutes.value = 720;
    model.open();
    expect(model.minutes.value).toBe(60);
    model.dispose();
  });
});
