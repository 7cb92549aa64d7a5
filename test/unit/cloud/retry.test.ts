// The retry policy EC2 and S3 share: backoff with full jitter, what counts as retryable, and
// withRetry's attempts and waits.

import { describe, expect, test } from 'vitest';
import { CloudError } from '../../../src/cloud/errors';
import { backoffDelay, isRetryable, withRetry } from '../../../src/cloud/retry';

describe('retry policy', () => {
  test('full jitter below an exponential ceiling with a cap', () => {
    const top = () => 0.999_999;
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, top, 200, 5000))).toEqual([
      199, 399, 799, 1599, 3199, 4999, 4999,
    ]);
    expect(backoffDelay(3, () => 0.5, 200, 5000)).toBe(400);
    expect(backoffDelay(3, () => 0, 200, 5000)).toBe(0);
  });

  test('what counts as retryable', () => {
    const e = (code: string, status?: number) =>
      new CloudError(status === undefined ? { code, message: '' } : { code, message: '', status });
    expect(isRetryable(e('RequestLimitExceeded', 400))).toBe(true);
    expect(isRetryable(e('Throttling', 400))).toBe(true);
    expect(isRetryable(e('SlowDown', 503))).toBe(true);
    expect(isRetryable(e('Whatever', 429))).toBe(true);
    expect(isRetryable(e('InternalError', 500))).toBe(true);
    expect(isRetryable(e('BadGateway', 502))).toBe(true);
    expect(isRetryable(e('NetworkError'))).toBe(true);
    expect(isRetryable(e('Timeout'))).toBe(false);
    expect(isRetryable(e('Aborted'))).toBe(false);
    expect(isRetryable(e('InvalidInstanceID.NotFound', 400))).toBe(false);
    expect(isRetryable(e('AuthFailure', 401))).toBe(false);
    expect(isRetryable(new Error('plain'))).toBe(false);
  });

  test('withRetry waits the backoff between attempts, at most maxAttempts', async () => {
    const waits: number[] = [];
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(
        new CloudError({ code: 'Throttling', message: 'Rate exceeded', status: 400 }),
      );
    };
    await expect(
      withRetry(failing, isRetryable, {
        sleep: async (ms) => {
          waits.push(ms);
        },
        random: () => 0.5,
      }),
    ).rejects.toMatchObject({ code: 'Throttling', message: 'Rate exceeded' });
    expect(calls).toBe(4);
    expect(waits).toEqual([100, 200, 400]);
  });
});
