// Sends one signed request: sign, fetch, learn the server clock from successful responses and
// from the cloud's own clock-skew errors (not from any other answer, which anyone on the path can
// forge), and turn failures into CloudErrors (network failures and timeouts here; a server's
// error answer is read by http-errors.ts). A request rejected for clock skew is signed again once
// with the corrected clock; a server more than an hour off is refused (ClockOutOfRange).

import type { Service } from './endpoints';
import { CloudError } from './errors';
import { isClockSkewError, parseErrorResponse, redact } from './http-errors';
import type { HttpRequest } from './request';
import { isBrowserControlledHeader } from './sign/common';
import type { Signer } from './signer';

export interface SendOptions {
  /** Deadline for the whole exchange, body included; 0 for none (streamed downloads). */
  timeoutMs?: number;
  /** Sign again once after a clock-skew rejection (default true). */
  retrySkew?: boolean;
  signal?: AbortSignal;
}

export interface TextResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Server minus local clock after this exchange, when the server sent its time. */
  clockOffsetMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

// Below this, a re-signed request would carry about the same time and fail the same way.
const SKEW_RETRY_MIN_SHIFT_MS = 5_000;

/** Signs and sends; resolves with the unread response when the server answered 2xx or 304. */
export async function send(
  request: HttpRequest,
  signer: Signer,
  service: Service,
  opts: SendOptions = {},
): Promise<Response> {
  return (await exchange(request, signer, service, opts, false)).response;
}

/** As `send`, and reads the body as text under the same deadline. */
export async function sendForText(
  request: HttpRequest,
  signer: Signer,
  service: Service,
  opts: SendOptions = {},
): Promise<TextResponse> {
  const { response, body, clockOffsetMs } = await exchange(request, signer, service, opts, true);
  const result: TextResponse = {
    status: response.status,
    headers: response.headers,
    text: body ?? '',
  };
  if (clockOffsetMs !== undefined) result.clockOffsetMs = clockOffsetMs;
  return result;
}

async function exchange(
  request: HttpRequest,
  signer: Signer,
  service: Service,
  opts: SendOptions,
  readBody: boolean,
): Promise<{ response: Response; body?: string; clockOffsetMs?: number }> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined;
  const signal = combineSignals(timeout, opts.signal);
  const fail = (error: unknown): CloudError =>
    transportError(error, request.url, timeoutMs, timeout, opts.signal);
  let retried = false;

  for (;;) {
    const signingLocal = Date.now();
    const signed = await signer.sign(request, service);
    const signedAt = signingTime(signed);
    const offsetWhenSigned = signedAt === undefined ? undefined : signedAt - signingLocal;

    const sentLocal = Date.now();
    let response: Response;
    try {
      response = await fetch(signed.url, requestInit(signed, signal));
    } catch (error) {
      throw fail(error);
    }
    const receivedLocal = Date.now();
    // The server stamped its time somewhere between sending and receiving.
    const localMid = new Date((sentLocal + receivedLocal) / 2);
    const dateHeader = response.headers.get('date');

    if (isSuccess(response.status)) {
      // The answer stands even when its Date is out of range; that clock is just not learned.
      const clockOffsetMs = await learnClock(signer, dateHeader, localMid).catch((error) => {
        if (error instanceof CloudError && error.code === 'ClockOutOfRange') return undefined;
        throw error;
      });
      if (!readBody) return withOffset({ response }, clockOffsetMs);
      let body: string;
      try {
        body = await response.text();
      } catch (error) {
        throw fail(error);
      }
      return withOffset({ response, body }, clockOffsetMs);
    }

    let body: string;
    try {
      body = await response.text();
    } catch (error) {
      throw fail(error);
    }
    const parsed = parseErrorResponse(
      response.status,
      body,
      response.headers.get('content-type') ?? '',
      requestIdHeader(response.headers),
    );
    if (isClockSkewError(parsed.error)) {
      // S3 names its time in the error itself, which holds even when a proxy rewrote Date.
      // Throws ClockOutOfRange for a server too far off; that error then replaces this one.
      const serverTime = parseServerTime(parsed.serverTime);
      const clockOffsetMs = serverTime
        ? await signer.observeServerTime(serverTime, localMid)
        : await learnClock(signer, dateHeader, localMid);
      const shifted =
        !retried &&
        opts.retrySkew !== false &&
        clockOffsetMs !== undefined &&
        (offsetWhenSigned === undefined ||
          Math.abs(clockOffsetMs - offsetWhenSigned) > SKEW_RETRY_MIN_SHIFT_MS);
      if (shifted) {
        retried = true;
        continue;
      }
    }
    throw new CloudError(redact(parsed.error, signed));
  }
}

function withOffset<T extends object>(
  result: T,
  clockOffsetMs: number | undefined,
): T & { clockOffsetMs?: number } {
  return clockOffsetMs === undefined ? result : { ...result, clockOffsetMs };
}

function isSuccess(status: number): boolean {
  return (status >= 200 && status < 300) || status === 304;
}

function requestInit(signed: HttpRequest, signal: AbortSignal | undefined): RequestInit {
  const headers: Record<string, string> = {};
  // The browser owns Host, Date, Content-Length and friends; the signature covers none of them.
  for (const [name, value] of Object.entries(signed.headers)) {
    if (!isBrowserControlledHeader(name.toLowerCase())) headers[name] = value;
  }
  const method = signed.method.toUpperCase();
  const init: RequestInit = {
    method,
    headers,
    // A cached response would teach a stale clock; cookies are not how these services sign.
    cache: 'no-store',
    credentials: 'omit',
  };
  if (signed.body !== undefined && method !== 'GET' && method !== 'HEAD') init.body = signed.body;
  if (signal) init.signal = signal;
  return init;
}

function combineSignals(
  a: AbortSignal | undefined,
  b: AbortSignal | undefined,
): AbortSignal | undefined {
  if (!a) return b;
  if (!b) return a;
  return AbortSignal.any([a, b]);
}

async function learnClock(
  signer: Signer,
  dateHeader: string | null,
  localTime: Date,
): Promise<number | undefined> {
  if (!dateHeader) return undefined;
  const ms = Date.parse(dateHeader);
  if (Number.isNaN(ms)) return undefined;
  // An HTTP date is truncated to the second: the server's time lies in [Date, Date + 1 s).
  return signer.observeServerTime(new Date(ms + 500), localTime);
}

/** The signing time the signer wrote into the request (x-amz-date, or EC2 SigV2's Timestamp). */
function signingTime(signed: HttpRequest): number | undefined {
  const url = new URL(signed.url);
  const header = Object.entries(signed.headers).find(
    ([name]) => name.toLowerCase() === 'x-amz-date',
  )?.[1];
  let raw = header ?? url.searchParams.get('X-Amz-Date') ?? url.searchParams.get('Timestamp');
  if (raw === null && signed.body && /(^|&)Timestamp=/.test(signed.body)) {
    raw = new URLSearchParams(signed.body).get('Timestamp');
  }
  return raw ? parseServerTime(raw)?.getTime() : undefined;
}

/** 20240102T030405Z (SigV4), an ISO 8601 time (UTC when no zone is given), or an HTTP date. */
function parseServerTime(raw: string | undefined): Date | undefined {
  if (!raw) return undefined;
  const value = raw.trim();
  const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (basic) {
    const [, y, mo, d, h, mi, s] = basic.map(Number) as number[];
    return new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s));
  }
  const isoWithoutZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value);
  const ms = Date.parse(isoWithoutZone ? `${value}Z` : value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

function requestIdHeader(headers: Headers): string | undefined {
  return headers.get('x-amz-request-id') ?? headers.get('x-amzn-requestid') ?? undefined;
}

function transportError(
  error: unknown,
  url: string,
  timeoutMs: number,
  timeout: AbortSignal | undefined,
  callerSignal: AbortSignal | undefined,
): CloudError {
  if (error instanceof CloudError) return error;
  const where = originOf(url);
  const name = error instanceof Error ? error.name : '';
  if (timeout?.aborted || name === 'TimeoutError') {
    return new CloudError({
      code: 'Timeout',
      message: `No complete answer from ${where} within ${timeoutMs / 1000} s`,
    });
  }
  if (callerSignal?.aborted || name === 'AbortError') {
    return new CloudError({ code: 'Aborted', message: `Request to ${where} was cancelled` });
  }
  // Node puts the system error code on `cause` (ECONNREFUSED, ENOTFOUND, a certificate error);
  // browsers say only "Failed to fetch", whether the connection was refused or TLS failed.
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const detail = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  return new CloudError({
    code: 'NetworkError',
    message: `Could not connect to ${where}${detail}`,
  });
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the endpoint';
  }
}
