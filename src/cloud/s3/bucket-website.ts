// A bucket's static website (?website): index and error documents, redirect rules (edited as
// the JSON the AWS CLI uses, checked here before they become XML), and the site's address.

import type { JsonSyntaxError, JsonValue } from '../policy-check';
import { parseJson } from '../policy-check';
import type { Profile } from '../profile';
import type { Signer } from '../signer';
import { child, elements, isElement, text } from '../xml';
import { deleteBucketConfig, getBucketConfig, putBucketConfig } from './bucket-config';
import type { S3CallOptions } from './call';
import { document, expectSettingRoot, leaf, node } from './config-xml';
import { readS3Xml, tokenText } from './s3-xml';

const CONDITION_FIELDS = ['KeyPrefixEquals', 'HttpErrorCodeReturnedEquals'] as const;
const REDIRECT_FIELDS = [
  'HostName',
  'HttpRedirectCode',
  'Protocol',
  'ReplaceKeyPrefixWith',
  'ReplaceKeyWith',
] as const;

export interface RoutingRule {
  Condition?: Partial<Record<(typeof CONDITION_FIELDS)[number], string>>;
  Redirect: Partial<Record<(typeof REDIRECT_FIELDS)[number], string>>;
}

export interface BucketWebsite {
  indexDocument: string;
  errorDocument: string;
  routingRules: RoutingRule[];
}

export type RoutingRulesProblem =
  | { code: 'syntax'; syntax: JsonSyntaxError }
  | {
      code:
        | 'notList'
        | 'ruleNotObject'
        | 'redirectMissing'
        | 'unknownField'
        | 'notText'
        | 'keyBoth'
        | 'badProtocol'
        | 'badCode';
      path: string;
    };

/**
 * Reads redirect rules typed as JSON: a list of { Condition?, Redirect }, each field text, as
 * in `aws s3api put-bucket-website`. '' means no rules.
 */
export function parseRoutingRules(
  json: string,
): { ok: true; rules: RoutingRule[] } | { ok: false; problem: RoutingRulesProblem } {
  if (json.trim() === '') return { ok: true, rules: [] };
  const parsed = parseJson(json);
  if (!parsed.ok) return { ok: false, problem: { code: 'syntax', syntax: parsed.error } };
  const fail = (code: Exclude<RoutingRulesProblem['code'], 'syntax'>, path: string) =>
    ({ ok: false, problem: { code, path } }) as const;
  if (!Array.isArray(parsed.value)) return fail('notList', '');
  const rules: RoutingRule[] = [];
  for (const [n, rule] of parsed.value.entries()) {
    const at = `[${n}]`;
    if (!isObject(rule)) return fail('ruleNotObject', at);
    for (const key of Object.keys(rule))
      if (key !== 'Condition' && key !== 'Redirect') return fail('unknownField', `${at}.${key}`);
    const checkFields = (part: string, fields: readonly string[]) => {
      const value = rule[part];
      if (!isObject(value)) return `${at}.${part}`;
      for (const [key, v] of Object.entries(value)) {
        if (!fields.includes(key)) return `${at}.${part}.${key}`;
        if (typeof v !== 'string') return `${at}.${part}.${key}!`;
      }
      return null;
    };
    if (!isObject(rule.Redirect)) return fail('redirectMissing', at);
    for (const [part, fields] of [
      ['Redirect', REDIRECT_FIELDS],
      ['Condition', CONDITION_FIELDS],
    ] as const) {
      if (part === 'Condition' && rule.Condition === undefined) continue;
      const bad = checkFields(part, fields);
      if (bad?.endsWith('!')) return fail('notText', bad.slice(0, -1));
      if (bad) return fail(isObject(rule[part]) ? 'unknownField' : 'ruleNotObject', bad);
    }
    const redirect = rule.Redirect as Record<string, string>;
    if (redirect.ReplaceKeyPrefixWith !== undefined && redirect.ReplaceKeyWith !== undefined)
      return fail('keyBoth', `${at}.Redirect`);
    if (redirect.Protocol !== undefined && !['http', 'https'].includes(redirect.Protocol))
      return fail('badProtocol', `${at}.Redirect.Protocol`);
    if (redirect.HttpRedirectCode !== undefined && !/^3\d\d$/.test(redirect.HttpRedirectCode))
      return fail('badCode', `${at}.Redirect.HttpRedirectCode`);
    rules.push(rule as unknown as RoutingRule);
  }
  return { ok: true, rules };
}

const isObject = (v: JsonValue | undefined): v is { [k: string]: JsonValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function buildWebsiteXml(w: BucketWebsite): string {
  const fields = (part: Record<string, string | undefined>, names: readonly string[]) =>
    names.map((name) => leaf(name, part[name]));
  const rules = w.routingRules.map((r) =>
    node(
      'RoutingRule',
      r.Condition ? node('Condition', ...fields(r.Condition, CONDITION_FIELDS)) : '',
      node('Redirect', ...fields(r.Redirect, REDIRECT_FIELDS)),
    ),
  );
  return document(
    'WebsiteConfiguration',
    node('IndexDocument', leaf('Suffix', w.indexDocument)),
    w.errorDocument ? node('ErrorDocument', leaf('Key', w.errorDocument)) : '',
    rules.length ? node('RoutingRules', ...rules) : '',
  );
}

export function parseWebsite(body: string): BucketWebsite {
  const doc = readS3Xml(body);
  expectSettingRoot(doc, 'WebsiteConfiguration');
  const pick = (value: unknown, names: readonly string[]) => {
    const out: Record<string, string> = {};
    if (isElement(value))
      for (const name of names) if (name in value) out[name] = text(value[name]);
    return out;
  };
  const routingRules = elements(child(child(doc.value, 'RoutingRules'), 'RoutingRule')).map((r) => {
    const rule: RoutingRule = { Redirect: pick(child(r, 'Redirect'), REDIRECT_FIELDS) };
    const condition = child(r, 'Condition');
    if (condition !== undefined) rule.Condition = pick(condition, CONDITION_FIELDS);
    return rule;
  });
  return {
    indexDocument: text(child(child(doc.value, 'IndexDocument'), 'Suffix')),
    // ErrorDocument's Key is protected by readS3Xml (percent-encoded before parsing).
    errorDocument: tokenText(child(doc.value, 'ErrorDocument'), 'Key'),
    routingRules,
  };
}

/** The website configuration; null when the bucket is not a website. */
export async function getBucketWebsite(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions = {},
): Promise<BucketWebsite | null> {
  const got = await getBucketConfig(profile, signer, bucket, 'website', opts);
  return got ? parseWebsite(got.text) : null;
}

export async function putBucketWebsite(
  profile: Profile,
  signer: Signer,
  bucket: string,
  w: BucketWebsite,
  opts: S3CallOptions = {},
): Promise<void> {
  await putBucketConfig(profile, signer, bucket, 'website', buildWebsiteXml(w), opts);
}

export async function deleteBucketWebsite(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions = {},
): Promise<void> {
  await deleteBucketConfig(profile, signer, bucket, 'website', opts);
}

// The older regions name their website endpoint with a dash, the others with a dot.
// https://docs.aws.amazon.com/general/latest/gr/s3.html#s3_website_region_endpoints
const DASH_REGIONS = new Set([
  'us-east-1',
  'us-west-1',
  'us-west-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'eu-west-1',
  'sa-east-1',
  'us-gov-west-1',
]);

/** The site's address on AWS; null for other stores, whose website endpoint is not known. */
export function websiteEndpoint(profile: Profile, bucket: string, region: string): string | null {
  if (profile.kind !== 'aws') return null;
  const host = DASH_REGIONS.has(region) ? `s3-website-${region}` : `s3-website.${region}`;
  return `http://${bucket}.${host}.amazonaws.com/`;
}
