// A bucket's lifecycle rules (?lifecycle): the LifecycleConfiguration document read and written,
// the checks S3 makes before it takes one, and the rules said in plain words by the panel.
// Older stores (Walrus, early S3) put the Prefix on the rule itself instead of in a Filter; both
// are read, and a configuration is written back in the form it was read in.

import { CloudError } from '../errors';
import type { Profile } from '../profile';
import type { Signer } from '../signer';
import { child, elements, text, type XmlValue } from '../xml';
import { deleteBucketConfig, getBucketConfig, putBucketConfig } from './bucket-config';
import type { S3CallOptions } from './call';
import { escapeXmlText } from './keys';
import { expectRoot, has, readS3Xml, tokenText } from './s3-xml';

export interface LifecycleTag {
  key: string;
  value: string;
}

export interface LifecycleTransition {
  days: number;
  storageClass: TransitionClass;
}

export interface LifecycleRule {
  /** Up to 255 characters; S3 makes one up when it is empty. */
  id: string;
  enabled: boolean;
  /** The key prefix the rule applies to ('' for the whole bucket). */
  prefix: string;
  tags: LifecycleTag[];
  /** Current objects expire this many days after creation. */
  expirationDays?: number;
  /** Old versions are removed this many days after they stopped being current. */
  noncurrentDays?: number;
  /** Unfinished multipart uploads are aborted this many days after they began. */
  abortDays?: number;
  transitions: LifecycleTransition[];
  /** Parts of the rule read but not edited here (Expiration Date…): not written back. */
  unsupported: string[];
}

export interface LifecycleConfiguration {
  rules: LifecycleRule[];
  /** Prefix on the rule, no Filter: what older stores speak. */
  legacy: boolean;
}

/** The classes a Transition may name (STANDARD and REDUCED_REDUNDANCY are not targets). */
export const TRANSITION_CLASSES = [
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER_IR',
  'GLACIER',
  'DEEP_ARCHIVE',
] as const;
export type TransitionClass = (typeof TRANSITION_CLASSES)[number];

export const MAX_RULE_ID = 255;
/** S3 takes at most 1,000 rules in one configuration. */
export const MAX_LIFECYCLE_RULES = 1000;

// --- reading ---------------------------------------------------------------------------------

export function parseLifecycle(body: string, status = 200, requestId?: string) {
  const doc = readS3Xml(body, status, requestId);
  expectRoot(doc, 'LifecycleConfiguration');
  const rules = elements(child(doc.value, 'Rule'));
  const parsed = rules.map(parseRule);
  return {
    rules: parsed,
    legacy: rules.length > 0 && rules.every((r) => !has(r, 'Filter') && has(r, 'Prefix')),
  } satisfies LifecycleConfiguration;
}

function days(node: XmlValue | undefined, name: string): number | undefined {
  const raw = text(child(node, name));
  return raw === '' ? undefined : Number(raw);
}

function parseTags(node: XmlValue | undefined): LifecycleTag[] {
  // <Key> is read like an object key (readS3Xml protects it), so it comes back exactly.
  return elements(child(node, 'Tag')).map((tag) => ({
    key: tokenText(tag, 'Key'),
    value: text(child(tag, 'Value')),
  }));
}

function parseRule(node: XmlValue): LifecycleRule {
  const unsupported: string[] = [];
  const filter = child(node, 'Filter');
  const and = child(filter, 'And');
  const scope = and ?? filter;
  const prefix = has(node, 'Prefix') ? tokenText(node, 'Prefix') : tokenText(scope, 'Prefix');
  for (const name of ['ObjectSizeGreaterThan', 'ObjectSizeLessThan'])
    if (has(scope, name)) unsupported.push(name);
  const rule: LifecycleRule = {
    id: text(child(node, 'ID')),
    enabled: text(child(node, 'Status')) === 'Enabled',
    prefix,
    tags: parseTags(scope),
    transitions: [],
    unsupported,
  };
  const expiration = child(node, 'Expiration');
  const expirationDays = days(expiration, 'Days');
  if (expirationDays !== undefined) rule.expirationDays = expirationDays;
  if (has(expiration, 'Date')) unsupported.push('Expiration Date');
  if (text(child(expiration, 'ExpiredObjectDeleteMarker')) === 'true')
    unsupported.push('ExpiredObjectDeleteMarker');
  const noncurrent = days(child(node, 'NoncurrentVersionExpiration'), 'NoncurrentDays');
  if (noncurrent !== undefined) rule.noncurrentDays = noncurrent;
  const abort = days(child(node, 'AbortIncompleteMultipartUpload'), 'DaysAfterInitiation');
  if (abort !== undefined) rule.abortDays = abort;
  for (const transition of elements(child(node, 'Transition'))) {
    const after = days(transition, 'Days');
    if (after === undefined) {
      unsupported.push('Transition Date');
      continue;
    }
    rule.transitions.push({
      days: after,
      storageClass: text(child(transition, 'StorageClass')) as TransitionClass,
    });
  }
  if (has(node, 'NoncurrentVersionTransition')) unsupported.push('NoncurrentVersionTransition');
  return rule;
}

// --- writing ---------------------------------------------------------------------------------

const el = (name: string, body: string) => `<${name}>${body}</${name}>`;
const tagXml = (tag: LifecycleTag) =>
  el('Tag', el('Key', escapeXmlText(tag.key)) + el('Value', escapeXmlText(tag.value)));

function filterXml(rule: LifecycleRule): string {
  const prefix = el('Prefix', escapeXmlText(rule.prefix));
  if (rule.tags.length === 0) return el('Filter', prefix);
  const [only, ...more] = rule.tags;
  if (only && more.length === 0 && rule.prefix === '') return el('Filter', tagXml(only));
  return el('Filter', el('And', (rule.prefix ? prefix : '') + rule.tags.map(tagXml).join('')));
}

function ruleXml(rule: LifecycleRule, legacy: boolean): string {
  let body = rule.id ? el('ID', escapeXmlText(rule.id)) : '';
  body += legacy ? el('Prefix', escapeXmlText(rule.prefix)) : filterXml(rule);
  body += el('Status', rule.enabled ? 'Enabled' : 'Disabled');
  for (const transition of rule.transitions)
    body += el(
      'Transition',
      el('Days', String(transition.days)) + el('StorageClass', transition.storageClass),
    );
  if (rule.expirationDays !== undefined)
    body += el('Expiration', el('Days', String(rule.expirationDays)));
  if (rule.noncurrentDays !== undefined)
    body += el('NoncurrentVersionExpiration', el('NoncurrentDays', String(rule.noncurrentDays)));
  if (rule.abortDays !== undefined)
    body += el('AbortIncompleteMultipartUpload', el('DaysAfterInitiation', String(rule.abortDays)));
  return el('Rule', body);
}

export function buildLifecycle(config: LifecycleConfiguration): string {
  return `<?xml version="1.0" encoding="UTF-8"?><LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${config.rules
    .map((rule) => ruleXml(rule, config.legacy))
    .join('')}</LifecycleConfiguration>`;
}

// --- checks ----------------------------------------------------------------------------------

export type LifecycleProblemCode =
  | 'idTooLong'
  | 'idDuplicate'
  | 'daysInvalid'
  | 'noAction'
  | 'transitionsOrder'
  | 'storageClassInvalid'
  | 'tagKeyMissing'
  | 'tagsInLegacy'
  | 'tooManyRules';

export interface LifecycleProblem {
  /** Index of the rule; -1 for the configuration as a whole. */
  rule: number;
  code: LifecycleProblemCode;
}

const isDays = (value: number | undefined) =>
  value === undefined || (Number.isInteger(value) && value > 0);

/** One rule's problems; `others` are the IDs of the other rules, for uniqueness. */
export function ruleProblems(
  rule: LifecycleRule,
  others: string[],
  legacy = false,
): LifecycleProblemCode[] {
  const out: LifecycleProblemCode[] = [];
  if (rule.id.length > MAX_RULE_ID) out.push('idTooLong');
  if (rule.id !== '' && others.includes(rule.id)) out.push('idDuplicate');
  const allDays = [
    rule.expirationDays,
    rule.noncurrentDays,
    rule.abortDays,
    ...rule.transitions.map((t) => t.days),
  ];
  if (!allDays.every(isDays)) out.push('daysInvalid');
  if (
    rule.expirationDays === undefined &&
    rule.noncurrentDays === undefined &&
    rule.abortDays === undefined &&
    rule.transitions.length === 0
  )
    out.push('noAction');
  const ordered = rule.transitions.every(
    (t, i) => i === 0 || t.days > (rule.transitions[i - 1]?.days ?? 0),
  );
  const beforeExpiry = rule.transitions.every(
    (t) => rule.expirationDays === undefined || t.days < rule.expirationDays,
  );
  if (!ordered || !beforeExpiry) out.push('transitionsOrder');
  if (!rule.transitions.every((t) => TRANSITION_CLASSES.includes(t.storageClass)))
    out.push('storageClassInvalid');
  if (rule.tags.some((tag) => tag.key.trim() === '')) out.push('tagKeyMissing');
  if (legacy && rule.tags.length > 0) out.push('tagsInLegacy');
  return out;
}

export function lifecycleProblems(config: LifecycleConfiguration): LifecycleProblem[] {
  const out: LifecycleProblem[] = [];
  if (config.rules.length > MAX_LIFECYCLE_RULES) out.push({ rule: -1, code: 'tooManyRules' });
  config.rules.forEach((rule, index) => {
    const others = config.rules.filter((_, i) => i !== index).map((r) => r.id);
    for (const code of ruleProblems(rule, others, config.legacy)) out.push({ rule: index, code });
  });
  return out;
}

// --- calls -----------------------------------------------------------------------------------

/** The bucket's rules; null when it has none. */
export async function getLifecycle(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions = {},
): Promise<LifecycleConfiguration | null> {
  const got = await getBucketConfig(profile, signer, bucket, 'lifecycle', opts);
  return got ? parseLifecycle(got.text, 200, got.requestId) : null;
}

/** Writes the rules after the checks S3 would make; no rules at all removes the configuration. */
export async function putLifecycle(
  profile: Profile,
  signer: Signer,
  bucket: string,
  config: LifecycleConfiguration,
  opts: S3CallOptions = {},
): Promise<void> {
  const [first] = lifecycleProblems(config);
  if (first) {
    throw new CloudError({
      code: 'InvalidLifecycleRule',
      message: `Rule ${first.rule + 1}: ${first.code}`,
    });
  }
  if (config.rules.length === 0) return deleteLifecycle(profile, signer, bucket, opts);
  await putBucketConfig(profile, signer, bucket, 'lifecycle', buildLifecycle(config), opts);
}

export function deleteLifecycle(
  profile: Profile,
  signer: Signer,
  bucket: string,
  opts: S3CallOptions = {},
): Promise<void> {
  return deleteBucketConfig(profile, signer, bucket, 'lifecycle', opts);
}
