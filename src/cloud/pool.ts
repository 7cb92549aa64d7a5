// Bounded concurrency over a list: uploads' parts, multipart copies, single DELETEs, copies and
// moves between objects, region lookups. Pure, so Node tests drive it.

export interface PoolStep<T> {
  index: number;
  /** Aborted when the caller's signal aborts or another item fails: running work should stop. */
  signal: AbortSignal;
  /** The item that starts next, if any: work may prepare it while its own item is in flight. */
  upcoming(): T | undefined;
}

export interface PoolOptions {
  /** Once aborted no further item starts, and the pool rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Runs `work` over `items`, at most `limit` at once, and resolves with the results in the items'
 * order. The first failure starts no further item and aborts the others' signal; the pool then
 * rejects with it once the running items have settled, so nothing still runs when the caller
 * cleans up. Work that treats a failure as its own business catches it and returns a value.
 */
export async function pool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, step: PoolStep<T>) => Promise<R>,
  opts: PoolOptions = {},
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const stop = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal;
  let next = 0;
  let failure: { error: unknown } | null = null;
  const upcoming = () => (signal.aborted ? undefined : items[next]);
  const worker = async (): Promise<void> => {
    while (!signal.aborted && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index] as T, { index, signal, upcoming });
      } catch (error) {
        failure ??= { error };
        stop.abort();
      }
    }
  };
  const workers = Math.min(items.length, Math.max(1, Math.floor(limit) || 1));
  await Promise.all(Array.from({ length: workers }, worker));
  if (failure) throw (failure as { error: unknown }).error;
  if (opts.signal?.aborted) throw opts.signal.reason;
  return results;
}
