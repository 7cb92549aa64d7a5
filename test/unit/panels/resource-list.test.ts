// The shared list and panel, driven by hand: a profile source the test switches and fetches the
// test answers when it chooses.

import { effect } from '@preact/signals';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { CloudError } from '../../../src/cloud/errors';
import { createResourceList } from '../../../src/panels/components/resource-list';
import { createResourcePanel } from '../../../src/panels/components/resource-panel';
import type { CurrentProfile } from '../../../src/panels/current-profile';
import { deferred, fakeCurrent, settle, testDeps } from '../../support/model-deps';

interface Row {
  id: string;
  state: string;
}

const row = (id: string, state = 'ready'): Row => ({ id, state });

/** A list whose every fetch waits for the test: `answer(i, rows)` settles the i-th one. */
function handList(options: { busy?: (r: Row) => boolean; pollMs?: number } = {}) {
  const calls: Array<{
    current: CurrentProfile;
    onPage: (page: readonly Row[]) => void;
    reply: ReturnType<typeof deferred<readonly Row[]>>;
  }> = [];
  const list = createResourceList<Row>({
    fetch: (current, onPage) => {
      const reply = deferred<readonly Row[]>();
      calls.push({ current, onPage, reply });
      return reply.promise;
    },
    key: (r) => r.id,
    ...options,
  });
  const call = (i: number) => {
    const c = calls[i];
    if (!c) throw new Error(`no fetch #${i}; ${calls.length} so far`);
    return c;
  };
  return { list, calls, call };
}

function setup(options: Parameters<typeof handList>[0] = {}) {
  const t = testDeps();
  const hand = handList(options);
  const panel = createResourcePanel<{ kind: string }>(t.deps, [hand.list]);
  return { ...t, ...hand, panel };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('loading', () => {
  test('an answer for the last profile is dropped once another profile is current', async () => {
    const { switchTo, list, call, calls } = setup();
    switchTo(fakeCurrent('a'));
    switchTo(fakeCurrent('b'));
    expect(calls.map((c) => c.current.profile.id)).toEqual(['a', 'b']);

    call(1).reply.resolve([row('b1')]);
    await settle();
    expect(list.rows.value).toEqual([row('b1')]);

    // The first profile's server answers late: too late.
    call(0).reply.resolve([row('a1'), row('a2')]);
    await settle();
    expect(list.rows.value).toEqual([row('b1')]);
    expect(list.loading.value).toBe(false);
  });

  test("a late error from the last profile is not shown on the next profile's list", async () => {
    const { switchTo, list, call } = setup();
    switchTo(fakeCurrent('a'));
    switchTo(fakeCurrent('b'));
    call(0).reply.reject(new CloudError({ code: 'AuthFailure', message: 'old profile' }));
    await settle();
    expect(list.error.value).toBeNull();
    expect(list.loading.value).toBe(true);
    call(1).reply.resolve([]);
    await settle();
    expect(list.loading.value).toBe(false);
    expect(list.loaded.value).toBe(true);
  });

  test('rows that vanished leave the selection; the others stay selected', async () => {
    const { switchTo, list, call, panel } = setup();
    switchTo(fakeCurrent('a'));
    call(0).reply.resolve([row('x'), row('y'), row('z')]);
    await settle();
    list.selected.value = new Set(['x', 'z']);

    panel.refresh();
    // A quiet reload keeps the rows and the selection on screen while it runs.
    expect(list.rows.value).toHaveLength(3);
    expect(list.selected.value).toEqual(new Set(['x', 'z']));
    call(1).reply.resolve([row('x'), row('y')]);
    await settle();
    expect(list.selected.value).toEqual(new Set(['x']));
    expect(list.selectedRows.value).toEqual([row('x')]);
  });

  test('no profile: an empty list, nothing selected, nothing loading', async () => {
    const { switchTo, list, call } = setup();
    switchTo(fakeCurrent('a'));
    call(0).reply.resolve([row('x')]);
    await settle();
    list.selected.value = new Set(['x']);
    list.load(true);
    switchTo(null);
    expect(list.rows.value).toEqual([]);
    expect(list.selected.value.size).toBe(0);
    expect(list.loading.value).toBe(false);
    expect(list.loaded.value).toBe(true);
  });
});

describe('streamed pages', () => {
  test('the first page shows at once, later pages append in order, the answer completes it', async () => {
    const { switchTo, list, call } = setup();
    switchTo(fakeCurrent('a'));
    const { onPage, reply } = call(0);
    onPage([row('1'), row('2')]);
    expect(list.rows.value.map((r) => r.id)).toEqual(['1', '2']);
    expect(list.loading.value).toBe(true);
    onPage([row('3')]);
    onPage([row('4'), row('5')]);
    expect(list.rows.value.map((r) => r.id)).toEqual(['1', '2', '3', '4', '5']);
    const all = ['1', '2', '3', '4', '5', '6'].map((id) => row(id));
    reply.resolve(all);
    await settle();
    expect(list.rows.value.map((r) => r.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(list.loading.value).toBe(false);
  });

  test('a thousand pages make a handful of copies, not one each', () => {
    const { switchTo, list, call } = setup();
    switchTo(fakeCurrent('a'));
    const shown: number[] = [];
    const stop = effect(() => void shown.push(list.rows.value.length));
    shown.length = 0;
    for (let i = 0; i < 1000; i++) call(0).onPage([row(String(i))]);
    stop();
    // Copies happen when the buffer has doubled: 1, 2, 4, ... 512 rows.
    expect(shown).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512]);
    expect(list.rows.value.map((r) => r.id)).toEqual(
      Array.from({ length: 512 }, (_, i) => String(i)),
    );
    // The count of rows received follows every page, for the "Loading… N" status.
    expect(list.received.value).toBe(1000);
  });

  test("a quiet reload keeps the old rows until the new stream's first page", async () => {
    const { switchTo, list, call } = setup();
    switchTo(fakeCurrent('a'));
    call(0).reply.resolve([row('old')]);
    await settle();
    void list.load(true);
    expect(list.rows.value.map((r) => r.id)).toEqual(['old']);
    call(1).onPage([row('new')]);
    expect(list.rows.value.map((r) => r.id)).toEqual(['new']);
  });

  test('pages of a stream begun for the last profile are dropped', async () => {
    const { switchTo, list, call } = setup();
    switchTo(fakeCurrent('a'));
    call(0).onPage([row('a1')]);
    switchTo(fakeCurrent('b'));
    expect(list.rows.value).toEqual([]);
    call(1).onPage([row('b1')]);
    call(0).onPage([row('a2'), row('a3')]);
    call(0).reply.resolve([row('a1'), row('a2'), row('a3')]);
    await settle();
    expect(list.rows.value.map((r) => r.id)).toEqual(['b1']);
    call(1).onPage([row('b2'), row('b3')]);
    call(1).reply.resolve([row('b1'), row('b2'), row('b3')]);
    await settle();
    expect(list.rows.value.map((r) => r.id)).toEqual(['b1', 'b2', 'b3']);
  });
});

describe('polling', () => {
  const busy = (r: Row) => r.state === 'pending';

  test('starts while a row is changing by itself and stops once every row is stable', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { switchTo, list, call, calls } = setup({ busy, pollMs: 1000 });
    switchTo(fakeCurrent('a'));
    call(0).reply.resolve([row('x', 'pending'), row('y')]);
    await settle();
    expect(list.polling.value).toBe(true);
    expect(calls).toHaveLength(1);

    vi.advanceTimersByTime(1000);
    expect(calls).toHaveLength(2);
    call(1).reply.resolve([row('x', 'pending'), row('y')]);
    await settle();
    expect(list.polling.value).toBe(true);

    vi.advanceTimersByTime(1000);
    call(2).reply.resolve([row('x'), row('y')]);
    await settle();
    expect(list.polling.value).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(calls).toHaveLength(3);
  });

  test('the polling flag clears and polling stops when the profile goes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { switchTo, list, call, calls } = setup({ busy, pollMs: 1000 });
    switchTo(fakeCurrent('a'));
    call(0).reply.resolve([row('x', 'pending')]);
    await settle();
    expect(list.polling.value).toBe(true);

    switchTo(null);
    expect(list.polling.value).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(calls).toHaveLength(1);
  });

  test('a poll in flight when the profile goes does not turn polling back on', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { switchTo, list, call, calls } = setup({ busy, pollMs: 1000 });
    switchTo(fakeCurrent('a'));
    call(0).reply.resolve([row('x', 'pending')]);
    await settle();
    vi.advanceTimersByTime(1000);
    switchTo(null);
    call(1).reply.resolve([row('x', 'pending')]);
    await settle();
    expect(list.polling.value).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(calls).toHaveLength(2);
  });
});

describe('actions', () => {
  const refused = new CloudError({ code: 'InvalidParameterValue', message: 'refused' });

  async function ready() {
    const s = setup();
    s.switchTo(fakeCurrent('a'));
    s.call(0).reply.resolve([row('x')]);
    await settle();
    return s;
  }

  test("an action's error lands on the dialog it came from, which stays open", async () => {
    const { panel } = await ready();
    panel.open({ kind: 'edit' });
    const ok = await panel.act(() => Promise.reject(refused));
    expect(ok).toBe(false);
    expect(panel.dialog.value).toEqual({ kind: 'edit' });
    expect(panel.dialogError.value?.code).toBe('InvalidParameterValue');
    expect(panel.error.value).toBeNull();
  });

  test('without a dialog the error lands on the panel', async () => {
    const { panel } = await ready();
    const ok = await panel.act(() => Promise.reject(refused));
    expect(ok).toBe(false);
    expect(panel.error.value?.code).toBe('InvalidParameterValue');
    expect(panel.dialogError.value).toBeNull();
  });

  test('an error from a dialog the user has since left goes to the panel, not the next dialog', async () => {
    const { panel } = await ready();
    panel.open({ kind: 'edit' });
    const reply = deferred<never>();
    const running = panel.act(() => reply.promise);
    panel.open({ kind: 'other' });
    reply.reject(refused);
    await running;
    expect(panel.dialog.value).toEqual({ kind: 'other' });
    expect(panel.dialogError.value).toBeNull();
    expect(panel.error.value?.code).toBe('InvalidParameterValue');
  });

  test('success closes the dialog it ran from, tells, and reloads the lists quietly', async () => {
    const { panel, list, calls, call } = await ready();
    panel.open({ kind: 'edit' });
    const running = panel.act(async () => ({ key: 'imagesDone', args: ['x'] }));
    await settle();
    expect(panel.dialog.value).toBeNull();
    expect(panel.notice.value).toEqual({ key: 'imagesDone', args: ['x'] });
    expect(calls).toHaveLength(2);
    expect(list.rows.value).toEqual([row('x')]);
    call(1).reply.resolve([row('x'), row('y')]);
    expect(await running).toBe(true);
    expect(list.rows.value).toHaveLength(2);
  });

  test('a profile switch closes the dialog and clears the messages', async () => {
    const { panel, switchTo } = await ready();
    await panel.act(() => Promise.reject(refused));
    panel.open({ kind: 'edit' });
    switchTo(fakeCurrent('b'));
    expect(panel.dialog.value).toBeNull();
    expect(panel.error.value).toBeNull();
  });

  test('dispose lets go of the profile source', () => {
    const { panel, open } = setup();
    expect(open().watches).toBe(1);
    panel.dispose();
    expect(open().watches).toBe(0);
  });
});

describe('a row asked for by another panel', () => {
  test('is selected and revealed on the first answer, and only then', async () => {
    const { switchTo, list, call } = setup();
    list.selectWhenLoaded('b');
    switchTo(fakeCurrent('a'));
    call(0).reply.resolve([row('a'), row('b'), row('c')]);
    await settle();
    expect([...list.selected.value]).toEqual(['b']);
    expect(list.reveal.value).toBe('b');

    // The user picks another; a refresh does not pick the asked-for row again.
    list.selected.value = new Set(['c']);
    void list.load(true);
    call(1).reply.resolve([row('a'), row('b'), row('c')]);
    await settle();
    expect([...list.selected.value]).toEqual(['c']);
  });

  test('a row that is not there selects nothing and is forgotten', async () => {
    const { switchTo, list, call } = setup();
    list.selectWhenLoaded('gone');
    switchTo(fakeCurrent('a'));
    call(0).reply.resolve([row('a')]);
    await settle();
    expect(list.selected.value.size).toBe(0);
    expect(list.reveal.value).toBeNull();
  });
});
