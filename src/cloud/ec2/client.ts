// Runs EC2 operations: builds the Query request for a profile, sends it signed, reads the answer,
// retries what is safe to retry, and follows NextToken pages.

import { endpointFor } from '../endpoints';
import { CloudError } from '../errors';
import { type SendOptions, sendForText } from '../http';
import { AWS_EC2_API_VERSION, type Profile } from '../profile';
import type { HttpRequest } from '../request';
import { isRetryable, type RetryOptions, withRetry } from '../retry';
import type { Signer } from '../signer';
import { child, parseXml, root, text } from '../xml';
import type { Ec2ListOperation, Ec2Operation } from './operation';
import { encodeQuery, type QueryParams } from './query';
import { readItems } from './read-items';

export interface Ec2CallOptions extends Pick<SendOptions, 'timeoutMs' | 'signal'> {
  retry?: RetryOptions;
  /** Makes a ClientToken when an idempotent call has none (default crypto.randomUUID). */
  newClientToken?: () => string;
}

export interface Ec2ListOptions<T> extends Ec2CallOptions {
  /** Each page's items as they arrive, for lists that fill in while loading. */
  onPage?: (items: T[]) => void;
  /**
   * Read each page as it arrives (the streaming scanner) and call onPage with batches of it,
   * for lists that can be huge (all public images). The result still holds every item.
   */
  stream?: boolean;
}

/** The API version this profile speaks: Eucalyptus profiles choose theirs. */
export function apiVersionFor(profile: Profile): string {
  return profile.kind === 'eucalyptus' ? profile.apiVersion : AWS_EC2_API_VERSION;
}

/** The unsigned POST for one action, exactly as regions.ts and the connection test send it. */
export function buildEc2Request(
  profile: Profile,
  action: string,
  params: QueryParams,
): HttpRequest {
  const endpoint = endpointFor(profile, 'ec2');
  if (!endpoint) {
    throw new CloudError({ code: 'NoEndpoint', message: 'This profile has no EC2 endpoint' });
  }
  const all: QueryParams = [['Action', action], ['Version', apiVersionFor(profile)], ...params];
  return {
    method: 'POST',
    url: `${endpoint.baseUrl}/`,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: encodeQuery(all),
  };
}

/** Sends one operation (one page of a list) and reads it; retries only what is safe to repeat. */
export async function ec2Call<I, O>(
  op: Ec2Operation<I, O>,
  profile: Profile,
  signer: Signer,
  input: I,
  opts: Ec2CallOptions = {},
): Promise<O> {
  return (await callPage(op, profile, signer, op.params(input), opts)).result;
}

/** Every page of a list: follows nextToken until the server stops sending one (or repeats one). */
export async function ec2List<I, T>(
  op: Ec2ListOperation<I, T>,
  profile: Profile,
  signer: Signer,
  input: I,
  opts: Ec2ListOptions<T> = {},
): Promise<T[]> {
  const params = op.params(input);
  const all: T[] = [];
  const seen = new Set<string>();
  let token = '';
  for (;;) {
    const pageParams: QueryParams = token ? [...params, ['NextToken', token]] : params;
    let nextToken: string;
    if (opts.stream) {
      // Loaded when first needed: only the big lists (images) stream.
      const { streamPage } = await import('./stream-page');
      const request = buildEc2Request(profile, op.action, pageParams);
      ({ nextToken } = await streamPage(op, request, signer, opts, (items) => {
        for (const item of items) all.push(item);
        opts.onPage?.(items);
      }));
    } else {
      const page = await callPage(op, profile, signer, pageParams, opts);
      for (const item of page.result) all.push(item);
      opts.onPage?.(page.result);
      nextToken = page.nextToken;
    }
    // Eucalyptus never pages; a server that hands back a token it already gave would loop forever.
    if (!nextToken || seen.has(nextToken)) return all;
    seen.add(nextToken);
    token = nextToken;
  }
}

async function callPage<I, O>(
  op: Ec2Operation<I, O>,
  profile: Profile,
  signer: Signer,
  params: QueryParams,
  opts: Ec2CallOptions,
): Promise<{ result: O; nextToken: string }> {
  let sendParams = params;
  if (op.clientToken && !params.some(([name]) => name === 'ClientToken')) {
    // Made once per logical call, before the first attempt, so every retry carries the same one.
    const token = (opts.newClientToken ?? (() => crypto.randomUUID()))();
    sendParams = [...params, ['ClientToken', token]];
  }
  const request = buildEc2Request(profile, op.action, sendParams);
  const sendOpts: SendOptions = {};
  if (opts.timeoutMs !== undefined) sendOpts.timeoutMs = opts.timeoutMs;
  if (opts.signal) sendOpts.signal = opts.signal;
  const canRetry = op.readOnly || op.clientToken === true;
  const response = await withRetry(
    () => sendForText(request, signer, 'ec2', sendOpts),
    (error) => canRetry && isRetryable(error),
    { ...opts.retry, ...(opts.signal ? { signal: opts.signal } : {}) },
  );
  return readPage(op, response.text);
}

/** Reads a response body with an operation: its items through readItems, else its `read`. */
export function readPage<I, O>(
  op: Ec2Operation<I, O>,
  body: string,
): { result: O; nextToken: string } {
  if (op.items) {
    const page = readItems(body, { items: op.items });
    const read = op.items.read;
    // A list operation's result is its items (Ec2ListOperation<I, T> is Ec2Operation<I, T[]>).
    const result = page.items.flatMap((item) => read(item)) as O;
    return { result, nextToken: text(child(page.rest, 'nextToken')) };
  }
  const doc = root(parseXml(body)).value;
  return { result: op.read(doc), nextToken: text(child(doc, 'nextToken')) };
}
