// The import model: reading pasted or dropped credential files, choosing profiles, saving them
// through the background (played here by the test, as in the profiles model's tests).

import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createImportModel } from '../../../src/panels/profiles/import-model';
import browser from '../../../src/shared/browser';
import type { Envelope, Reply } from '../../../src/shared/messages';

const EUCARC = [
  'export EC2_URL=http://192.0.2.10:8773/services/compute',
  'export S3_URL=http://192.0.2.10:8773/services/objectstorage',
  'export EC2_ACCESS_KEY=AKIAIMPORTTEST0000001',
  'export EC2_SECRET_KEY=importSecretEXAMPLE0123456789abcdefghij',
].join('\n');

let saved: unknown[];
let refuse: Reply | null;

beforeEach(() => {
  saved = [];
  refuse = null;
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    const { name, args } = message as Envelope;
    if (name !== 'profilesImport') throw new Error(`unexpected message ${name}`);
    if (refuse) return refuse;
    const { items } = args as { items: unknown[] };
    saved.push(...items);
    return { ok: true, value: { profiles: items.map((_, i) => ({ id: `p${i}` })) } } as Reply;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

test('pasted eucarc text is read, every profile found is chosen, and saving sends them', async () => {
  const done: number[] = [];
  const model = createImportModel((count) => done.push(count));
  model.text.value = EUCARC;
  model.readText();
  expect(model.found().map((p) => p.draft.kind)).toEqual(['eucalyptus']);
  expect(model.selected.value).toEqual([true]);
  // What the page shows of the file carries no secret.
  expect(JSON.stringify(model.results.value.map((r) => r.problems))).not.toContain(
    'importSecretEXAMPLE',
  );
  await model.save();
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({
    profile: { kind: 'eucalyptus', host: '192.0.2.10', port: 8773, id: '' },
    secret: { secretAccessKey: 'importSecretEXAMPLE0123456789abcdefghij' },
  });
  expect(done).toEqual([1]);
  expect(model.text.value).toBe('');
  expect(model.results.value).toEqual([]);
});

test('a profile unchosen is not saved; nothing chosen sends nothing', async () => {
  const model = createImportModel(() => {});
  model.text.value = EUCARC;
  model.readText();
  model.toggle(0);
  expect(model.selected.value).toEqual([false]);
  await model.save();
  expect(saved).toEqual([]);
});

test("a refused save keeps what was pasted and shows the background's error", async () => {
  refuse = { ok: false, error: { code: 'KeychainLocked', message: 'Unlock Cirrus first' } };
  const model = createImportModel(() => {});
  model.text.value = EUCARC;
  model.readText();
  await model.save();
  expect(model.error.value).toMatchObject({ code: 'KeychainLocked' });
  expect(model.text.value).toBe(EUCARC);
  expect(model.found()).toHaveLength(1);
  expect(model.saving.value).toBe(false);
});

test('dropped files are read and told apart by their content', async () => {
  const model = createImportModel(() => {});
  await model.readFiles([
    new File([EUCARC], 'eucarc'),
    new File(['not a credential file'], 'notes.txt'),
  ]);
  expect(model.results.value.map((r) => r.profiles.length)).toEqual([1, 0]);
  expect(model.found().map((p) => p.draft.kind)).toEqual(['eucalyptus']);
  expect(model.selected.value).toEqual([true]);
});
