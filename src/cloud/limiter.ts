// At most N tasks at once, for work that is discovered while it runs (the Overview learns an AWS
// profile's regions and then queues a task per region); pool.ts covers a list known up front.
// Pure, so Node tests drive it.

export interface Limiter {
  /**
   * Runs `task` once fewer than `limit` tasks are running, first come first served. A task still
   * waiting when `signal` aborts never starts and rejects with the signal's reason.
   */
  run<R>(task: () => Promise<R>, signal?: AbortSignal): Promise<R>;
  /** Tasks running now (tests check the limit with it). */
  readonly active: number;
}

export function createLimiter(limit: number): Limiter {
  const max = Math.max(1, Math.floor(limit) || 1);
  const waiting: Array<() => void> = [];
  let active = 0;

  function next() {
    while (active < max && waiting.length > 0) waiting.shift()?.();
  }

  return {
    get active() {
      return active;
    },
    run<R>(task: () => Promise<R>, signal?: AbortSignal): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        const start = () => {
          signal?.removeEventListener('abort', onAbort);
          if (signal?.aborted) {
            reject(signal.reason);
            return;
          }
          active++;
          task()
            .then(resolve, reject)
            .finally(() => {
              active--;
              next();
            });
        };
        const onAbort = () => {
          const index = waiting.indexOf(start);
          if (index >= 0) waiting.splice(index, 1);
          reject(signal?.reason);
        };
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(start);
        next();
      });
    },
  };
}
