// The instances model against moto: search over every column, the remembered columns and sort
// order, a quick launch seen through storage, and an action followed by polling.

import '../../support/fake-browser';
import { beforeEach, expect, test } from 'vitest';
import { ec2Call, runInstances } from '../../../src/cloud/ec2';
import { createInstancesModel } from '../../../src/panels/instances/instances-model';
import { launchWatches, tablePrefs } from '../../../src/storage/items';
import { fakeStorage } from '../../support/fake-browser';
import { testDeps } from '../../support/model-deps';
import { connect } from '../ec2/support';
import { loadedList, motoPerFile } from './support';

const MOTO_IMAGE = 'ami-12c6146b';

const env = motoPerFile();
beforeEach(async () => {
  await env.moto.reset();
  await fakeStorage.local.clear();
});

async function launch(name: string): Promise<{ id: string; reservation: string }> {
  const c = connect(env.port);
  const r = await ec2Call(runInstances, c.profile, c.signer, {
    imageId: MOTO_IMAGE,
    tags: [{ key: 'Name', value: name }],
  });
  return { id: r.instances[0]?.instanceId ?? '', reservation: r.reservationId };
}

/** `pollMs` long by default, so nothing but what a test does reloads the list. */
function openModel(pollMs = 600_000) {
  const t = testDeps();
  const model = createInstancesModel(t.deps, { pollMs });
  env.dispose(() => model.dispose());
  t.switchTo(connect(env.port));
  return { ...t, model };
}

test('search finds instances by any column, shown or not, every word in any case', async () => {
  const web = await launch('Web one');
  const db = await launch('db two');
  const { model } = openModel();
  await loadedList(model.list);
  const ids = () => model.filtered.value.map((i) => i.instanceId);
  expect(ids().sort()).toEqual([web.id, db.id].sort());

  model.search.query.value = 'WEB';
  expect(ids()).toEqual([web.id]);
  // The reservation column is hidden by default; it is searched all the same.
  expect(model.columns.visibleColumns.value.map((c) => c.id)).not.toContain('reservation');
  model.search.query.value = db.reservation;
  expect(ids()).toEqual([db.id]);
  model.search.query.value = 'two web';
  expect(ids()).toEqual([]);
});

test('sort order and columns are saved to tablePrefs and used by the next model', async () => {
  const b = await launch('b');
  const a = await launch('a');
  const c = await launch('c');
  const { model } = openModel();
  await loadedList(model.list);
  await model.columns.ready;

  model.columns.sortBy('name');
  expect(model.filtered.value.map((i) => i.instanceId)).toEqual([a.id, b.id, c.id]);
  model.columns.sortBy('name');
  expect(model.filtered.value.map((i) => i.instanceId)).toEqual([c.id, b.id, a.id]);
  model.columns.toggleColumn('zone', false);
  model.columns.toggleColumn('owner', true);

  await expect
    .poll(async () => (await tablePrefs.get()).instances?.sort)
    .toEqual({
      column: 'name',
      desc: true,
    });
  const saved = (await tablePrefs.get()).instances?.columns ?? [];
  expect(saved).not.toContain('zone');
  expect(saved.at(-1)).toBe('owner');

  const next = openModel().model;
  await next.columns.ready;
  await loadedList(next.list);
  expect(next.columns.prefs.value.sort).toEqual({ column: 'name', desc: true });
  expect(next.columns.visibleColumns.value.map((col) => col.id)).toEqual(saved);
  expect(next.filtered.value.map((i) => i.instanceId)).toEqual([c.id, b.id, a.id]);
});

test('a quick launch recorded by another page shows up without a refresh', async () => {
  await launch('first');
  const { model, storageChange } = openModel();
  await loadedList(model.list);
  expect(model.list.rows.value).toHaveLength(1);

  const quick = await launch('from the popup');
  storageChange({ [launchWatches.key]: { newValue: [] } });
  await expect
    .poll(() => model.list.rows.value.map((i) => i.instanceId), { timeout: 20_000 })
    .toContain(quick.id);
});

test('stop tells what it did and the list polls until the instance has stopped', async () => {
  const { id } = await launch('to stop');
  const { model } = openModel(50);
  await loadedList(model.list);
  await expect
    .poll(() => model.list.rows.value[0]?.state.name, { timeout: 20_000 })
    .toBe('running');

  expect(await model.stop([id])).toBe(true);
  expect(model.notice.value).toEqual({ key: 'noticeStopping', args: [id] });
  await expect
    .poll(() => model.list.rows.value[0]?.state.name, { timeout: 20_000 })
    .toBe('stopped');
  await expect.poll(() => model.list.polling.value).toBe(false);
});

test('console output goes into the open console dialog', async () => {
  const { id } = await launch('console');
  const { model } = openModel();
  await loadedList(model.list);
  await model.showConsole(id);
  const dialog = model.dialog.value;
  expect(dialog?.kind).toBe('console');
  expect(dialog?.kind === 'console' && dialog.output?.instanceId).toBe(id);
  expect(model.dialogError.value).toBeNull();
});
