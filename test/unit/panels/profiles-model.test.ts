// The profiles model with a background played by the test (its messages answered here) and
// storage events fired by hand, as another Cirrus page changing profiles would.

import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Profile } from '../../../src/cloud/profile';
import { createProfilesModel } from '../../../src/panels/profiles/profiles-model';
import browser from '../../../src/shared/browser';
import type { Envelope, ProfilesView, Reply } from '../../../src/shared/messages';
import { testDeps } from '../../support/model-deps';

const profile = (id: string): Profile => ({
  id,
  kind: 'aws',
  name: `profile ${id}`,
  accessKeyId: `AKID${id}`,
  region: 'us-east-1',
});

let state: { profiles: Profile[]; currentId: string | null };
let sent: string[];

beforeEach(() => {
  state = { profiles: [profile('a'), profile('b')], currentId: 'a' };
  sent = [];
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    const { name, args } = message as Envelope;
    sent.push(name);
    const ok = (value: unknown): Reply => ({ ok: true, value });
    switch (name) {
      case 'profilesList':
        return ok({ ...state, clockOffsets: {}, keychain: {} } as unknown as ProfilesView);
      case 'profileSetCurrent':
        state.currentId = (args as { id: string }).id;
        return ok({});
      default:
        return { ok: false, error: { code: 'KeychainLocked', message: 'locked' } } as Reply;
    }
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

test('loads the profiles and makes another one current', async () => {
  const { deps } = testDeps();
  const model = createProfilesModel(deps);
  await model.load();
  expect(model.view.value?.profiles.map((p) => p.id)).toEqual(['a', 'b']);
  expect(model.view.value?.currentId).toBe('a');

  await model.makeCurrent('b');
  expect(sent).toEqual(['profilesList', 'profileSetCurrent', 'profilesList']);
  expect(model.view.value?.currentId).toBe('b');
  expect(model.notice.value).toBeNull();
});

test("a refused action's error becomes the notice; the list is read again", async () => {
  const { deps } = testDeps();
  const model = createProfilesModel(deps);
  await model.duplicate('a');
  expect(model.notice.value).toEqual({
    kind: 'error',
    error: { code: 'KeychainLocked', message: 'locked' },
  });
  expect(sent).toEqual(['profileDuplicate', 'profilesList']);
});

test('follows profile and keychain changes made by other pages, until disposed', async () => {
  const { deps, storageChange, open } = testDeps();
  const model = createProfilesModel(deps);
  await model.load();
  sent = [];

  state.profiles = [...state.profiles, profile('c')];
  storageChange({ profiles: {} });
  await vi.waitFor(() => expect(model.view.value?.profiles).toHaveLength(3));
  storageChange({ 'keychain.sessionKey': {} }, 'session');
  storageChange({ 'ui.lastTab': {} });
  storageChange({ profiles: {} }, 'sync');
  await vi.waitFor(() => expect(sent).toEqual(['profilesList', 'profilesList']));

  expect(open().listeners).toBe(1);
  model.dispose();
  expect(open().listeners).toBe(0);
});

test('a background restarting is asked again: the error goes, and the profiles read stay shown', async () => {
  vi.useFakeTimers();
  try {
    const { deps } = testDeps();
    const model = createProfilesModel(deps);
    await model.load();
    const answer = vi.mocked(browser.runtime.sendMessage).getMockImplementation();
    // The next two messages find no background (it is starting again), the third is answered.
    let refused = 0;
    vi.mocked(browser.runtime.sendMessage).mockImplementation(async (message: unknown) => {
      if (refused++ < 2)
        throw new Error('Could not establish connection. Receiving end does not exist.');
      return answer?.(message as never);
    });
    await model.load();
    expect(model.loadError.value?.message).toContain('Receiving end does not exist');
    expect(model.view.value?.profiles.map((p) => p.id)).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(300);
    expect(model.loadError.value).not.toBeNull();
    await vi.advanceTimersByTimeAsync(600);
    expect(model.loadError.value).toBeNull();
    expect(refused).toBe(3);
    model.dispose();
  } finally {
    vi.useRealTimers();
  }
});

test('a disposed model stops asking a background that does not answer', async () => {
  vi.useFakeTimers();
  try {
    const { deps } = testDeps();
    const model = createProfilesModel(deps);
    let asked = 0;
    vi.mocked(browser.runtime.sendMessage).mockImplementation(async () => {
      asked++;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await model.load();
    model.dispose();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(asked).toBe(1);
  } finally {
    vi.useRealTimers();
  }
});
