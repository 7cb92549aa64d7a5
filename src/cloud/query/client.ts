// Runs Query-protocol operations of CloudWatch, IAM / Euare and STS / Tokens for a profile: the
// same transport, signing, retries and errors as EC2 (src/cloud/ec2/client.ts), with each service's
// own endpoint, API version and <ActionResult> envelope.

import { encodeQuery, type QueryParams } from '../ec2/query';
import { endpointFor, type QueryService } from '../endpoints';
import { CloudError } from '../errors';
import { type SendOptions, sendForText } from '../http';
import type { Profile } from '../profile';
import type { HttpRequest } from '../request';
import { isRetryable, type RetryOptions, withRetry } from '../retry';
import type { Signer } from '../signer';
import { child, parseXml, root, type XmlElement, type XmlValue } from '../xml';
import type { QueryListOperation, QueryOperation } from './operation';

/** The API version each service is spoken in; Eucalyptus accepts the same ones. */
export const QUERY_API_VERSIONS: Record<QueryService, string> = {
  monitoring: '2010-08-01',
  iam: '2010-05-08',
  sts: '2011-06-15',
};

const SERVICE_NAMES: Record<QueryService, string> = {
  monitoring: 'CloudWatch',
  iam: 'IAM',
  sts: 'STS',
};

export interface QueryCallOptions extends Pick<SendOptions, 'timeoutMs' | 'signal'> {
  retry?: RetryOptions;
}

export interface QueryListOptions<T> extends QueryCallOptions {
  /** Each page's items as they arrive. */
  onPage?: (items: T[]) => void;
}

/** The unsigned POST for one action of a service at the profile's endpoint for it. */
export function buildQueryRequest(
  service: QueryService,
  profile: Profile,
  action: string,
  params: QueryParams,
): HttpRequest {
  const endpoint = endpointFor(profile, service);
  if (!endpoint) {
    throw new CloudError({
      code: 'NoEndpoint',
      message: `This profile has no ${SERVICE_NAMES[service]} endpoint.`,
    });
  }
  const all: QueryParams = [
    ['Action', action],
    ['Version', QUERY_API_VERSIONS[service]],
    ...params,
  ];
  return {
    method: 'POST',
    url: `${endpoint.baseUrl}/`,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: encodeQuery(all),
  };
}

/** Sends one operation and reads it; retries only what is safe to repeat. */
export async function queryCall<I, O>(
  service: QueryService,
  op: QueryOperation<I, O>,
  profile: Profile,
  signer: Signer,
  input: I,
  opts: QueryCallOptions = {},
): Promise<O> {
  return op.read(await callPage(service, op, profile, signer, op.params(input), opts));
}

/** Every page of a list, following NextToken or Marker until the server stops sending one. */
export async function queryList<I, T>(
  service: QueryService,
  op: QueryListOperation<I, T>,
  profile: Profile,
  signer: Signer,
  input: I,
  opts: QueryListOptions<T> = {},
): Promise<T[]> {
  const params = op.params(input);
  const all: T[] = [];
  const seen = new Set<string>();
  let token = '';
  for (;;) {
    const pageParams: QueryParams = token ? [...params, [op.nextParam, token]] : params;
    const result = await callPage(service, op, profile, signer, pageParams, opts);
    const items = op.items(result);
    for (const item of items) all.push(item);
    opts.onPage?.(items);
    const next = op.next(result);
    // A server that hands back a token it already gave would loop forever.
    if (!next || seen.has(next)) return all;
    seen.add(next);
    token = next;
  }
}

async function callPage<I, O>(
  service: QueryService,
  op: QueryOperation<I, O>,
  profile: Profile,
  signer: Signer,
  params: QueryParams,
  opts: QueryCallOptions,
): Promise<XmlValue> {
  const request = buildQueryRequest(service, profile, op.action, params);
  const sendOpts: SendOptions = {};
  if (opts.timeoutMs !== undefined) sendOpts.timeoutMs = opts.timeoutMs;
  if (opts.signal) sendOpts.signal = opts.signal;
  const response = await withRetry(
    () => sendForText(request, signer, service, sendOpts),
    (error) => op.readOnly && isRetryable(error),
    { ...opts.retry, ...(opts.signal ? { signal: opts.signal } : {}) },
  );
  if (!op.big) return readResult(op.action, response.text);
  // Loaded when first needed: only a few operations have big answers.
  const { scanText } = await import('../xml-scan');
  // No element has an empty name: nothing is handed out as an item, the whole document is built.
  return readResult(op.action, response.text, (body) => scanText(body, ['', ''], () => {}));
}

/** The <ActionResult> of an <ActionResponse>; '' when a write answers without one. */
export function readResult(
  action: string,
  body: string,
  parse: (body: string) => XmlElement = parseXml,
): XmlValue {
  const top = root(parse(body));
  if (top.name !== `${action}Response`) {
    throw new CloudError({
      code: 'UnexpectedResponse',
      message: `Expected <${action}Response>, got <${top.name}>.`,
    });
  }
  return child(top.value, `${action}Result`) ?? '';
}
