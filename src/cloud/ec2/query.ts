// EC2 Query parameters: a nested plain object flattened into `Name.N.Sub` pairs, in input order.

import { rfc3986 } from '../sign/common';

/** Ordered name/value pairs; order is kept so the same input always yields the same request. */
export type QueryParams = Array<[string, string]>;

export type QueryScalar = string | number | boolean;
export type QueryValue =
  | QueryScalar
  | null
  | undefined
  | readonly QueryValue[]
  | { readonly [name: string]: QueryValue };

/**
 * Flattens `{ Filter: [{ Name: 'state', Value: ['running'] }] }` into
 * `Filter.1.Name=state&Filter.1.Value.1=running`: arrays count from 1, object keys join with dots,
 * undefined and null are left out (and not counted), booleans become 'true'/'false'.
 */
export function flattenQuery(value: { readonly [name: string]: QueryValue }): QueryParams {
  const out: QueryParams = [];
  for (const [name, child] of Object.entries(value)) add(out, name, child);
  return out;
}

function add(out: QueryParams, name: string, value: QueryValue): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    const present = (value as readonly QueryValue[]).filter((v) => v !== undefined && v !== null);
    for (const [index, item] of present.entries()) add(out, `${name}.${index + 1}`, item);
    return;
  }
  if (typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) add(out, `${name}.${key}`, child);
    return;
  }
  out.push([name, String(value)]);
}

/** The form body for a POST: RFC 3986 encoded, in the given order. */
export function encodeQuery(params: QueryParams): string {
  return params.map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`).join('&');
}

/** EC2 filters as the API names them: Filter.N.Name and Filter.N.Value.M. */
export interface Filter {
  name: string;
  values: readonly string[];
}

export function filterParams(filters: readonly Filter[] | undefined): QueryValue {
  return filters?.map((f) => ({ Name: f.name, Value: f.values }));
}
