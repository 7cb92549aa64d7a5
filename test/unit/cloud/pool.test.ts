import { describe, expect, test } from 'vitest';
import { pool } from '../../../src/cloud/pool';

/** A promise the test settles by hand. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('pool', () => {
  test('never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await pool([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, (n % 3) * 2));
      running--;
      return n;
    });
    expect(most).toBe(3);
    expect(results).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  test('results come in the items’ order, not the order they finish', async () => {
    const gates = [deferred(), deferred(), deferred()];
    const done = pool(['a', 'b', 'c'], 3, async (item, { index }) => {
      await gates[index]?.promise;
      return item.toUpperCase();
    });
    gates[2]?.resolve();
    gates[0]?.resolve();
    gates[1]?.resolve();
    expect(await done).toEqual(['A', 'B', 'C']);
  });

  test('an empty list and a limit below one are fine', async () => {
    expect(await pool([], 4, async () => 1)).toEqual([]);
    expect(await pool([1, 2], 0, async (n) => n * 2)).toEqual([2, 4]);
  });

  test('the first failure starts nothing more, aborts the running, and comes back once they settled', async () => {
    const started: number[] = [];
    let settled = 0;
    const first = new Error('first');
    const done = pool([0, 1, 2, 3, 4], 2, async (n, { signal }) => {
      started.push(n);
      if (n === 0) {
        await tick();
        throw first;
      }
      // Runs until the pool's signal tells it to stop, as a request given the signal does.
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      await tick();
      settled++;
      throw new Error('later');
    });
    await expect(done).rejects.toBe(first);
    expect(started).toEqual([0, 1]);
    expect(settled).toBe(1);
  });

  test('work that catches its own failures lets every item run', async () => {
    const results = await pool([1, 2, 3], 2, async (n) => {
      try {
        if (n === 2) throw new Error('no');
        return `ok ${n}`;
      } catch {
        return `failed ${n}`;
      }
    });
    expect(results).toEqual(['ok 1', 'failed 2', 'ok 3']);
  });

  test('an abort starts nothing more and rejects with its reason', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const done = pool(
      [0, 1, 2, 3],
      1,
      async (n) => {
        started.push(n);
        if (n === 1) controller.abort('stopped');
        await tick();
        return n;
      },
      { signal: controller.signal },
    );
    await expect(done).rejects.toBe('stopped');
    expect(started).toEqual([0, 1]);
  });

  test('an already aborted signal runs nothing', async () => {
    const started: number[] = [];
    const done = pool([1], 1, async (n) => started.push(n), { signal: AbortSignal.abort('no') });
    await expect(done).rejects.toBe('no');
    expect(started).toEqual([]);
  });

  test('upcoming() names the item that starts next', async () => {
    const seen: Array<[number, number | undefined]> = [];
    await pool([0, 1, 2, 3], 2, async (n, { upcoming }) => {
      seen.push([n, upcoming()]);
      await tick();
    });
    expect(seen.slice(0, 2)).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(seen.at(-1)).toEqual([3, undefined]);
  });
});
