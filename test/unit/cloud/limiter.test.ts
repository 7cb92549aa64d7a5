// The limiter: never more than its limit at once, first come first served, and a waiting task
// that is cancelled never starts.

import { expect, test } from 'vitest';
import { createLimiter } from '../../../src/cloud/limiter';
import { deferred, settle } from '../../support/model-deps';

test('runs at most `limit` tasks at once, in the order they came', async () => {
  const limiter = createLimiter(2);
  const gates = Array.from({ length: 5 }, () => deferred<number>());
  const started: number[] = [];
  const results = gates.map((gate, i) =>
    limiter.run(() => {
      started.push(i);
      return gate.promise;
    }),
  );
  // Caught now: its failure below must not go unhandled before the test looks at it.
  const zero = results[0]?.catch((error: Error) => error.message);
  await settle();
  expect(started).toEqual([0, 1]);
  expect(limiter.active).toBe(2);
  gates[1]?.resolve(1);
  await settle();
  expect(started).toEqual([0, 1, 2]);
  gates[0]?.reject(new Error('zero failed'));
  await settle();
  // A failure frees its place like a success; it fails only its own caller.
  expect(started).toEqual([0, 1, 2, 3]);
  expect(await zero).toBe('zero failed');
  for (const [i, gate] of gates.entries()) gate.resolve(i);
  expect(await Promise.all(results.slice(1))).toEqual([1, 2, 3, 4]);
  expect(limiter.active).toBe(0);
});

test('a task still waiting when its signal aborts never starts', async () => {
  const limiter = createLimiter(1);
  const gate = deferred<void>();
  const first = limiter.run(() => gate.promise);
  const stop = new AbortController();
  let ran = false;
  const second = limiter.run(async () => {
    ran = true;
  }, stop.signal);
  stop.abort(new Error('closed'));
  await expect(second).rejects.toThrow('closed');
  gate.resolve();
  await first;
  await settle();
  expect(ran).toBe(false);
  await expect(limiter.run(async () => 1, stop.signal)).rejects.toThrow('closed');
});
