// The app shell's model: the remembered tab, and whether the background answers.

import { expect, test } from 'vitest';
import { CloudError } from '../../../src/cloud/errors';
import { createShellModel } from '../../../src/panels/shell-model';
import { memoryArea } from '../../../src/storage/area';
import { defineItem } from '../../../src/storage/item';

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
  expect(model.active.value).toBe('instances');
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
  const model = createShellModel({ lastTab, ping: async () => ({}), requestedTab: 'instances' });
  await model.init();
  expect(model.active.value).toBe('instances');
  expect(await lastTab.get()).toBe('s3');
  const odd = createShellModel({ lastTab, ping: async () => ({}), requestedTab: 'nope' });
  await odd.init();
  expect(odd.active.value).toBe('s3');
});
