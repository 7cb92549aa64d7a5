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

interface Waiting {
  start: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
}

export function createLimiter(limit: number): Limiter {
  const max = Math.max(1, Math.floor(limit) || 1);
  let waiting: Waiting[] = [];
  // One listener per signal, however many tasks wait on it (hundreds for one Overview refresh).
  const watched = new WeakSet<AbortSignal>();
  let active = 0;

  function next() {
    while (active < max) {
      const item = waiting.shift();
      if (!item) return;
      item.start();
    }
  }

  function watch(signal: AbortSignal) {
    if (watched.has(signal)) return;
    watched.add(signal);
    signal.addEventListener(
      'abort',
      () => {
        const dropped = waiting.filter((w) => w.signal === signal);
        waiting = waiting.filter((w) => w.signal !== signal);
        for (const w of dropped) w.reject(signal.reason);
      },
      { once: true },
    );
  }

  return {
    get active() {
      return active;
    },
    run<R>(task: () => Promise<R>, signal?: AbortSignal): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const start = () => {
          active++;
          task()
            .then(resolve, reject)
            .finally(() => {
              active--;
              next();
            });
        };
        if (signal) watch(signal);
        waiting.push({ start, reject, signal });
        next();
      });
    },
  };
}
