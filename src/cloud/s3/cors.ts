// A bucket's CORS rules (?cors): which web pages may read or write the bucket from a browser.
// The CORSConfiguration document read and written, and the checks S3 makes before taking it.

import { CloudError } from '../errors';
import type { Profile } from '../profile';
import type { Signer } from '../signer';
import { child, elements, list, text, type XmlValue } from '../xml';
import { deleteBucketConfig, getBucketConfig, putBucketConfig } from './bucket-config';
import type { S3CallOptions } from './call';
import { escapeXmlText } from './keys';
import { expectRoot, readS3Xml } from './s3-xml';

export const CORS_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'] as const;
export type CorsMethod = (typeof CORS_METHODS)[number];

export interface CorsRule {
  id: string;
  origins: string[];
  methods: CorsMethod[];
  allowedHeaders: string[];
  exposeHeaders: string[];
  maxAgeSeconds?: number;
}

/** S3 takes at most 100 rules. */
export const MAX_CORS_RULES = 100;
export const MAX_CORS_ID = 255;

// --- reading ---------------------------------------------------------------------------------

function texts(node: XmlValue | undefined, name: string): string[] {
  return list(child(node, name))
    .map((value) => text(value))
    .filter((value) => value !== '');
}

export function parseCors(body: string, status = 200, requestId?: string): CorsRule[] {
  const doc = readS3Xml(body, status, requestId);
  expectRoot(doc, 'CORSConfiguration');
  return elements(child(doc.value, 'CORSRule')).map((node) => {
    const rule: CorsRule = {
      id: text(child(node, 'ID')),
      origins: texts(node, 'AllowedOrigin'),
      methods: texts(node, 'AllowedMethod') as CorsMethod[],
      allowedHeaders: texts(node, 'AllowedHeader'),
      exposeHeaders: texts(node, 'ExposeHeader'),
    };
    const maxAge = text(child(node, 'MaxAgeSeconds'));
    if (maxAge !== '') rule.maxAgeSeconds = Number(maxAge);
    return rule;
  });
}

// --- writing ---------------------------------------------------------------------------------

const el = (name: string, body: string) => `<${name}>${escapeXmlText(body)}</${name}>`;

export function buildCors(rules: CorsRule[]): string {
  const body = rules
    .map((rule) => {
      let xml = rule.id ? el('ID', rule.id) : '';
      xml += rule.allowedHeaders.map((h) => el('AllowedHeader', h)).join('');
      xml += rule.methods.map((m) => el('AllowedMethod', m)).join('');
      xml += rule.origins.map((o) => el('AllowedOrigin', o)).join('');
      xml += rule.exposeHeaders.map((h) => el('ExposeHeader', h)).join('');
      if (rule.maxAgeSeconds !== undefined) xml += el('MaxAgeSeconds', String(rule.maxAgeSeconds));
      return `<CORSRule>${xml}</CORSRule>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${body}</CORSConfiguration>`;
}

// --- checks ----------------------------------------------------------------------------------

export type CorsProblemCode =
  | 'idTooLong'
  | 'noOrigin'
  | 'originInvalid'
  | 'noMethod'
  | 'methodInvalid'
  | 'headerInvalid'
  | 'maxAgeInvalid'
  | 'tooManyRules';

export interface CorsProblem {
  /** Index of the rule; -1 for the configuration as a whole. */
  rule: number;
  code: CorsProblemCode;
}

// scheme://host[:port], where the host may hold the one wildcard S3 allows (https://*.example.com).
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[a-z0-9*._~-]+(?::\d{1,5})?$/i;
// An HTTP header name (RFC 9110 token); AllowedHeader may also hold one `*`.
const HEADER = /^[A-Za-z0-9!#$%&'+.^_`|~*-]+$/;

/** `*`, or scheme://host[:port] with at most one `*` in it. */
export function isValidOrigin(origin: string): boolean {
  if (origin === '*') return true;
  return ORIGIN.test(origin) && origin.split('*').length <= 2;
}

export function corsRuleProblems(rule: CorsRule): CorsProblemCode[] {
  const out: CorsProblemCode[] = [];
  if (rule.id.length > MAX_CORS_ID) out.push('idTooLong');
  if (rule.origins.length === 0) out.push('noOrigin');
  else if (!rule.origins.every(isValidOrigin)) out.push('originInvalid');
  if (rule.methods.length === 0) out.push('noMethod');
  else if (!rule.methods.every((m) => CORS_METHODS.includes(m))) out.push('methodInvalid');
  const headersOk =
    rule.allowedHeaders.every((h) => HEADER.test(h) && h.split('*').length <= 2) &&
    rule.exposeHeaders.every((h) => HEADER.test(h) && !h.includes('*'));
  if (!headersOk) out.push('headerInvalid');
  const age = rule.maxAgeSeconds;
  if (age !== undefined && !(Number.isInteger(age) && age >= 0)) out.push('maxAgeInvalid');
  return out;
}

export function corsProblems(rules: CorsRule[]): CorsProblem[] {
  const out: CorsProblem[] = [];
  if (rules.length > MAX_CORS_RULES) out.push({ rule: -1, code: 'tooManyRules' });
  rules.forEach((rule, index) => {
    for (const code of corsRuleProblems(rule)) out.push({ rule: index, code });
  });
  return out;
}

// --- calls -----------------------------------------------------------------------------------

/** The bucket's CORS rules; null when it has none. */
export async function getCors(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions = {},
): Promise<CorsRule[] | null> {
  const got = await getBucketConfig(profile, signer, bucket, 'cors', opts);
  return got ? parseCors(got.text, 200, got.requestId) : null;
}

/** Writes the rules after S3's own checks; no rules at all removes the configuration. */
export async function putCors(
  profile: Profile,
  signer: Signer,
  bucket: string,
  rules: CorsRule[],
  opts: S3CallOptions = {},
): Promise<void> {
  const [first] = corsProblems(rules);
  if (first) {
    throw new CloudError({
      code: 'InvalidCORSRule',
      message: `Rule ${first.rule + 1}: ${first.code}`,
    });
  }
  if (rules.length === 0) return deleteCors(profile, signer, bucket, opts);
  await putBucketConfig(profile, signer, bucket, 'cors', buildCors(rules), opts);
}

export function deleteCors(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions = {},
): Promise<void> {
  return deleteBucketConfig(profile, signer, bucket, 'cors', opts);
}
