// Sends one S3 request for a profile: builds the URL (addressing, key encoding), signs and sends
// through ../http, and retries what is safe to send again with the EC2 client's backoff.

import { CloudError } from '../errors';
import { type SendOptions, send, sendForText, type TextResponse } from '../http';
import type { Profile } from '../profile';
import type { HttpRequest } from '../request';
import { isRetryable, isThrottling, type RetryOptions, withRetry } from '../retry';
import type { Signer } from '../signer';
import { type S3Location, s3Url } from './address';

export interface S3CallOptions {
  /** Deadline per attempt; 0 for none. */
  timeoutMs?: number;
  signal?: AbortSignal;
  retry?: RetryOptions;
}

export interface S3Request extends S3Location {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
  /** Lower-case names. */
  headers?: Record<string, string>;
  /** Small XML documents only; objects go up through presigned URLs. */
  body?: string;
}

/**
 * When a failed request may be sent again:
 * - 'safe': reads and idempotent writes (GET, HEAD, PUT of an object or part, DELETE of an
 *   object, DeleteObjects): throttling, 5xx, a lost connection;
 * - 'throttled': the rest: only when the server said it did not take the request (SlowDown,
 *   429, 503), since a repeat of a request that did run may fail differently (BucketAlreadyOwned).
 */
export type RetryPolicy = 'safe' | 'throttled' | ((error: unknown) => boolean);

export function buildS3Request(profile: Profile, req: S3Request): HttpRequest {
  const request: HttpRequest = {
    method: req.method,
    url: s3Url(profile, req),
    headers: { ...req.headers },
  };
  if (req.body !== undefined) request.body = req.body;
  return request;
}

function retryable(policy: RetryPolicy): (error: unknown) => boolean {
  if (typeof policy === 'function') return policy;
  // 501 NotImplemented is an answer, not a hiccup: the server lacks the feature.
  if (policy === 'safe') return (error) => isRetryable(error) && error.status !== 501;
  return (error) => error instanceof CloudError && isThrottling(error);
}

function sendOptions(opts: S3CallOptions): SendOptions {
  const out: SendOptions = {};
  if (opts.timeoutMs !== undefined) out.timeoutMs = opts.timeoutMs;
  if (opts.signal) out.signal = opts.signal;
  return out;
}

function retryOptions(opts: S3CallOptions): RetryOptions & { signal?: AbortSignal } {
  return { ...opts.retry, ...(opts.signal ? { signal: opts.signal } : {}) };
}

/**
 * Sends and reads the body as text. `check` runs inside the attempt, so an answer that is an
 * error despite its 200 (an `<Error>` body) is retried under the same policy.
 */
export async function s3Text<T = TextResponse>(
  profile: Profile,
  signer: Signer,
  req: S3Request,
  policy: RetryPolicy,
  opts: S3CallOptions = {},
  check?: (response: TextResponse) => T,
): Promise<T> {
  const request = buildS3Request(profile, req);
  return withRetry(
    async () => {
      const response = await sendForText(request, signer, 's3', sendOptions(opts));
      return check ? check(response) : (response as T);
    },
    retryable(policy),
    retryOptions(opts),
  );
}

/** Sends and resolves with the unread response (downloads, HEAD). */
export async function s3Send(
  profile: Profile,
  signer: Signer,
  req: S3Request,
  policy: RetryPolicy,
  opts: S3CallOptions = {},
): Promise<Response> {
  const request = buildS3Request(profile, req);
  return withRetry(
    () => send(request, signer, 's3', sendOptions(opts)),
    retryable(policy),
    retryOptions(opts),
  );
}

export function requestIdOf(headers: Headers): string | undefined {
  return headers.get('x-amz-request-id') ?? undefined;
}
