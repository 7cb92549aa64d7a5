import { afterEach, describe, expect, test, vi } from 'vitest';
import { createKeychain } from '../../../src/background/keychain';
import { createRouter } from '../../../src/background/router';
import { keychain } from '../../../src/background/services';
import { signFor } from '../../../src/background/signer';
import type { EucalyptusProfile } from '../../../src/cloud/profile';
import { signingCacheSize, signRequest } from '../../../src/cloud/sign';
import { call } from '../../../src/shared/call';
import type { Handlers } from '../../../src/shared/messages';
import { memoryArea } from '../../../src/storage/area';
import { profilesState, settings } from '../../../src/storage/items';

const creds = { accessKeyId: 'AKID', secretAccessKey: 'raw-secret-in-a-cache-key' };
const request = { method: 'GET', url: 'http://10.0.0.5:8773/services/compute/', headers: {} };
const now = new Date('2026-01-02T03:04:05Z');

type FakeBrowser = { alarms?: unknown; runtime: { sendMessage: unknown } };
const fake = (globalThis as unknown as { browser: FakeBrowser }).browser;

afterEach(() => {
  delete fake.alarms;
  vi.unstubAllGlobals();
});

describe('locking forgets the signing keys', () => {
  test('SigV2 and SigV4 caches are empty after lock', async () => {
    await signRequest(request, creds, { service: 'ec2', region: 'r', signatureVersion: 2 }, now);
    await signRequest(request, creds, { service: 'ec2', region: 'r', signatureVersion: 4 }, now);
    expect(signingCacheSize()).toBeGreaterThan(0);
    const chain = createKeychain({ local: memoryArea, session: memoryArea });
    await chain.lock();
    expect(signingCacheSize()).toBe(0);
  });
});

describe('auto-lock counts the user, not polling', () => {
  const origin = { id: 'cirrus-unit-test', baseUrl: 'chrome-extension://cirrus-unit-test/' };
  const page = { id: origin.id, url: `${origin.baseUrl}panel.html` };
  const handlers = {
    sign: async () => ({ method: 'GET', url: 'x', headers: {} }),
    clockObserved: async () => ({ offsetMs: 0 }),
  } as Partial<Handlers> as Handlers;

  test('only a message sent on a user gesture resets the idle timer', async () => {
    const onActivity = vi.fn();
    const route = createRouter(handlers, origin, onActivity);
    const args = { profileId: 'p', service: 'ec2', request };
    await route({ cirrus: 1, name: 'sign', args }, page);
    expect(onActivity).not.toHaveBeenCalled();
    await route({ cirrus: 1, name: 'clockObserved', args: {}, activity: true }, page);
    await route({ cirrus: 1, name: 'unknownName', args: {}, activity: true }, page);
    expect(onActivity).not.toHaveBeenCalled();
    await route({ cirrus: 1, name: 'sign', args, activity: true }, page);
    expect(onActivity).toHaveBeenCalledTimes(1);
  });

  test('a page marks a message only while it has a fresh user gesture', async () => {
    const sent: unknown[] = [];
    fake.runtime.sendMessage = async (m: unknown) => {
      sent.push(m);
      return { ok: true, value: { profiles: [] } };
    };
    vi.stubGlobal('navigator', { userActivation: { isActive: false } });
    await call('profilesImport', { items: [] });
    vi.stubGlobal('navigator', { userActivation: { isActive: true } });
    await call('profilesImport', { items: [] });
    expect(sent.map((m) => (m as { activity?: true }).activity)).toEqual([undefined, true]);
  });

  test('signing in the background (polling, the launch watch) does not touch the alarm', async () => {
    const alarms = { create: vi.fn(async () => undefined), clear: vi.fn(async () => true) };
    fake.alarms = alarms;
    const profile: EucalyptusProfile = {
      id: 'poll',
      kind: 'eucalyptus',
      name: 'poll',
      accessKeyId: 'AKID',
      host: '10.0.0.5',
      port: 8773,
      https: false,
      ec2Path: '/services/compute',
      s3Path: '/services/objectstorage',
      s3Host: '',
      region: 'eucalyptus',
      signatureVersion: 4,
      apiVersion: '2013-02-01',
    };
    await profilesState.set({ profiles: [profile], currentId: 'poll' });
    await settings.set({ autoLockMinutes: 30 });
    await keychain.set('poll', { secretAccessKey: 'sk' });
    await signFor('poll', 'ec2', request);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(alarms.create).not.toHaveBeenCalled();
    expect(alarms.clear).not.toHaveBeenCalled();
  });
});
