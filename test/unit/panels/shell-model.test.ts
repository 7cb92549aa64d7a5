// The app shell's model: the remembered tab, and whether the background answers.

import '../../support/fake-browser';
import { expect, test } from 'vitest';
import { CloudError } from '../../../src/cloud/errors';
import { createShellModel } from '../../../src/panels/shell-model';
import { memoryArea } from '../../../src/storage/area';
import { defineItem } from '../../../src/storage/item';
import { lastTab } from '../../../src/storage/items';
import { fakeStorage } from '../../support/fake-browser';

const lastTabIn = (area = memoryArea()) =>
  defineItem({ key: 'ui.lastTab', version: 1, defaultValue: 'instances' }, () => area);

test('opens the tab last used, and remembers the one selected', async () => {
  const lastTab = lastTabIn();
  await lastTab.set('s3');
  const model = createShellModel({ lastTab, ping: async () => ({}) });
  await model.init();
  expect(model.active.value).toBe('s3');
  expect(model.ready.value).toBe(true);
  expect(model.backgroundError.value).toBeNull();
  model.select('zones');
  expect(model.active.value).toBe('zones');
  await expect.poll(() => lastTab.get()).toBe('zones');
});

test('a stored tab that no longer exists opens the first tab', async () => {
  const lastTab = lastTabIn();
  await lastTab.set('no-such-tab');
  const model = createShellModel({ lastTab, ping: async () => ({}) });
  await model.init();
  expect(model.active.value).toBe('overview');
});

test('a new user (nothing stored) lands on the Overview', async () => {
  await fakeStorage.local.clear();
  const model = createShellModel({ lastTab, ping: async () => ({}) });
  await model.init();
  expect(model.active.value).toBe('overview');
});

test('openPanel shows the panel and hands its request to that panel once', async () => {
  const lastTab = lastTabIn();
  const model = createShellModel({ lastTab, ping: async () => ({}) });
  await model.init();
  const before = model.visit.value;
  model.openPanel('instances', { select: 'i-0123' });
  expect(model.active.value).toBe('instances');
  expect(model.visit.value).toBe(before + 1);
  await expect.poll(() => lastTab.get()).toBe('instances');
  // Another panel does not get it; the target gets it once.
  expect(model.takeRequest('volumes')).toBeNull();
  expect(model.takeRequest('instances')).toEqual({ select: 'i-0123' });
  expect(model.takeRequest('instances')).toBeNull();
  // Opened from its tab: no request.
  model.select('volumes');
  expect(model.takeRequest('volumes')).toBeNull();
});

test("a background that does not answer is reported with the call's error", async () => {
  const model = createShellModel({
    lastTab: lastTabIn(),
    ping: async () => {
      throw new CloudError({ code: 'NoResponse', message: 'No response from the background' });
    },
  });
  await model.init();
  expect(model.ready.value).toBe(true);
  expect(model.backgroundError.value).toMatchObject({ code: 'NoResponse' });
});

test('a disposed shell ignores an answer that comes late', async () => {
  let answer: (value: unknown) => void = () => {};
  const model = createShellModel({
    lastTab: lastTabIn(),
    ping: () =>
      new Promise((_, reject) => {
        answer = reject;
      }),
  });
  const started = model.init();
  await expect.poll(() => model.ready.value).toBe(true);
  model.dispose();
  answer(new CloudError({ code: 'NoResponse', message: 'late' }));
  await started;
  expect(model.backgroundError.value).toBeNull();
});

test('a tab asked for in the address (a reminder’s Open) is shown instead, not remembered', async () => {
  const lastTab = lastTabIn();
  await lastTab.set('s3');
  const requested = { tab: 'instances', select: 'i-0123' };
  const model = createShellModel({ lastTab, ping: async () => ({}), requested });
  await model.init();
  expect(model.active.value).toBe('instances');
  expect(await lastTab.get()).toBe('s3');
  // The row goes to the tab's model once, as a request from another tab does.
  expect(model.takeRequest('instances')).toEqual({ select: 'i-0123' });
  expect(model.takeRequest('instances')).toBeNull();
  const odd = createShellModel({ lastTab, ping: async () => ({}), requested: { tab: 'nope' } });
  await odd.init();
  expect(odd.active.value).toBe('s3');
});
