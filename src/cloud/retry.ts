// When to send a request again (EC2 and S3 alike), and how long to wait: exponential backoff
// with full jitter (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).

import { CloudError } from './errors';

/** Error codes servers use for "slow down"; 429 and 503 count too, whatever the code. */
export const THROTTLING_CODES: ReadonlySet<string> = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'TooManyRequests',
  'TooManyRequestsException',
  'EC2ThrottledException',
]);

export interface RetryOptions {
  /** Attempts in all, the first included (default 4). */
  maxAttempts?: number;
  /** Backoff base in ms (default 200). */
  baseDelayMs?: number;
  /** Longest wait in ms (default 5000). */
  maxDelayMs?: number;
  /** Injected in tests so they do not wait. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** [0, 1); injected in tests. */
  random?: () => number;
  /** Told before each wait, e.g. to show "retrying". */
  onRetry?: (info: { attempt: number; delayMs: number; error: CloudError }) => void;
}

export const DEFAULT_RETRY = { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 5_000 } as const;

export function isThrottling(error: { code: string; status?: number }): boolean {
  return THROTTLING_CODES.has(error.code) || error.status === 429 || error.status === 503;
}

/** Throttling, a server error or a lost connection: the request may be sent again. */
export function isRetryable(error: unknown): error is CloudError {
  if (!(error instanceof CloudError)) return false;
  if (isThrottling(error)) return true;
  if (error.status !== undefined && error.status >= 500) return true;
  // Not Timeout: the user already waited the whole deadline once. Not Aborted: they asked to stop.
  return error.code === 'NetworkError';
}

/** Wait before retry number `retry` (1 for the first retry): random in [0, min(cap, base·2^(n-1))). */
export function backoffDelay(
  retry: number,
  random: () => number = Math.random,
  baseMs: number = DEFAULT_RETRY.baseDelayMs,
  capMs: number = DEFAULT_RETRY.maxDelayMs,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** Runs `attempt` until it succeeds, fails for good, or the attempts run out; rethrows as is. */
export async function withRetry<T>(
  attempt: (n: number) => Promise<T>,
  retryable: (error: unknown) => boolean,
  opts: RetryOptions & { signal?: AbortSignal } = {},
): Promise<T> {
  const maxAttempts = Math.max(1, opts.maxAttempts ?? DEFAULT_RETRY.maxAttempts);
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n >= maxAttempts || !retryable(error) || opts.signal?.aborted) throw error;
      const delayMs = backoffDelay(
        n,
        random,
        opts.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs,
        opts.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
      );
      opts.onRetry?.({ attempt: n, delayMs, error: error as CloudError });
      await sleep(delayMs, opts.signal);
      if (opts.signal?.aborted) throw abortedError();
    }
  }
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = (): void => {
      clearTimeout(timer);
      reject(abortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }, ms);
    if (signal?.aborted) aborted();
    else signal?.addEventListener('abort', aborted, { once: true });
  });
}

function abortedError(): CloudError {
  return new CloudError({ code: 'Aborted', message: 'Request was cancelled' });
}
