// A lifecycle rule as its editor holds it (text as typed, so a wrong entry stays in view with its
// message), the checks before anything is sent, and the rule in plain words.

import {
  type LifecycleProblemCode,
  type LifecycleRule,
  ruleProblems,
  TRANSITION_CLASSES,
  type TransitionClass,
} from '../../../cloud/s3';
import { type MessageKey, t } from '../../i18n';

export interface TransitionRow {
  days: string;
  storageClass: string;
}

export interface LifecycleForm {
  id: string;
  enabled: boolean;
  prefix: string;
  /** key=value, one a line. */
  tags: string;
  expirationDays: string;
  noncurrentDays: string;
  abortDays: string;
  transitions: TransitionRow[];
}

export type LifecycleField =
  | 'id'
  | 'tags'
  | 'expirationDays'
  | 'noncurrentDays'
  | 'abortDays'
  | 'transitions'
  | 'rule';

export type LifecycleFormProblems = Partial<Record<LifecycleField, MessageKey>>;

export function emptyLifecycleForm(): LifecycleForm {
  return {
    id: '',
    enabled: true,
    prefix: '',
    tags: '',
    expirationDays: '',
    noncurrentDays: '',
    abortDays: '',
    transitions: [],
  };
}

const daysText = (days: number | undefined) => (days === undefined ? '' : String(days));

export function lifecycleForm(rule: LifecycleRule): LifecycleForm {
  return {
    id: rule.id,
    enabled: rule.enabled,
    prefix: rule.prefix,
    tags: rule.tags.map((tag) => `${tag.key}=${tag.value}`).join('\n'),
    expirationDays: daysText(rule.expirationDays),
    noncurrentDays: daysText(rule.noncurrentDays),
    abortDays: daysText(rule.abortDays),
    transitions: rule.transitions.map((tr) => ({
      days: String(tr.days),
      storageClass: tr.storageClass,
    })),
  };
}

// A whole number of days, as typed: '' is "not set"; anything else must be digits.
function parseDays(raw: string): number | undefined | null {
  const value = raw.trim();
  if (value === '') return undefined;
  if (!/^\d+$/.test(value)) return null;
  const days = Number(value);
  return days > 0 && Number.isSafeInteger(days) ? days : null;
}

const CODE_MESSAGES: Record<LifecycleProblemCode, [LifecycleField, MessageKey]> = {
  idTooLong: ['id', 'lcIdTooLong'],
  idDuplicate: ['id', 'lcIdDuplicate'],
  daysInvalid: ['rule', 'lcDaysInvalid'],
  noAction: ['rule', 'lcNoAction'],
  transitionsOrder: ['transitions', 'lcTransitionsOrder'],
  storageClassInvalid: ['transitions', 'lcStorageClassInvalid'],
  tagKeyMissing: ['tags', 'lcTagKeyMissing'],
  tagsInLegacy: ['tags', 'lcTagsInLegacy'],
  tooManyRules: ['rule', 'lcTooManyRules'],
};

/**
 * The rule the form describes, or what is wrong with it. `otherIds` are the IDs of the other
 * rules; `legacy` when the store takes only a rule-level prefix (no tags).
 */
export function formToRule(
  form: LifecycleForm,
  otherIds: string[],
  legacy: boolean,
): { rule: LifecycleRule } | { problems: LifecycleFormProblems } {
  const problems: LifecycleFormProblems = {};
  const days: Record<'expirationDays' | 'noncurrentDays' | 'abortDays', number | undefined> = {
    expirationDays: undefined,
    noncurrentDays: undefined,
    abortDays: undefined,
  };
  for (const field of ['expirationDays', 'noncurrentDays', 'abortDays'] as const) {
    const value = parseDays(form[field]);
    if (value === null) problems[field] = 'lcDaysInvalid';
    else days[field] = value;
  }
  const transitions = form.transitions.map((row) => ({
    days: parseDays(row.days),
    storageClass: row.storageClass as TransitionClass,
  }));
  if (transitions.some((tr) => tr.days == null)) problems.transitions = 'lcDaysInvalid';
  const tags = form.tags
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const at = line.indexOf('=');
      return at < 0
        ? { key: line.trim(), value: '' }
        : { key: line.slice(0, at).trim(), value: line.slice(at + 1).trim() };
    });
  const rule: LifecycleRule = {
    id: form.id.trim(),
    enabled: form.enabled,
    prefix: form.prefix,
    tags,
    transitions: transitions.map((tr) => ({ days: tr.days ?? 0, storageClass: tr.storageClass })),
    unsupported: [],
  };
  if (days.expirationDays !== undefined) rule.expirationDays = days.expirationDays;
  if (days.noncurrentDays !== undefined) rule.noncurrentDays = days.noncurrentDays;
  if (days.abortDays !== undefined) rule.abortDays = days.abortDays;
  const daysMarked = Object.keys(problems).length > 0;
  for (const code of ruleProblems(rule, otherIds, legacy)) {
    const [field, message] = CODE_MESSAGES[code];
    // A wrong day count is marked at its field already; it is also an action meant, if unreadable.
    if (daysMarked && (code === 'daysInvalid' || code === 'noAction')) continue;
    problems[field] ??= message;
  }
  return Object.keys(problems).length > 0 ? { problems } : { rule };
}

export const TRANSITION_CHOICES: readonly TransitionClass[] = TRANSITION_CLASSES;

// --- plain words ------------------------------------------------------------------------------

export function daysWords(days: number): string {
  return days === 1 ? t('lcOneDay') : t('lcDays', String(days));
}

function scopeWords(rule: LifecycleRule): string {
  const tags = rule.tags.map((tag) => `${tag.key}=${tag.value}`).join(', ');
  if (rule.prefix && tags) return t('lcScopePrefixTags', rule.prefix, tags);
  if (rule.prefix) return t('lcScopePrefix', rule.prefix);
  if (tags) return t('lcScopeTags', tags);
  return t('lcScopeAll');
}

/**
 * "Objects under logs/ expire 30 days after creation; old versions after 7 days; unfinished
 * uploads are aborted after 2 days".
 */
export function lifecycleWords(rule: LifecycleRule): string {
  const parts: string[] = [];
  for (const tr of rule.transitions)
    parts.push(t('lcWordsTransition', tr.storageClass, daysWords(tr.days)));
  if (rule.expirationDays !== undefined)
    parts.push(t('lcWordsExpire', daysWords(rule.expirationDays)));
  // After an expiry clause the verb carries over; alone, the clause says it in full.
  if (rule.noncurrentDays !== undefined)
    parts.push(
      t(
        parts.length > 0 ? 'lcWordsOldVersions' : 'lcWordsOldVersionsAlone',
        daysWords(rule.noncurrentDays),
      ),
    );
  // Only the abort clause is a sentence of its own: then the scope stands before a colon.
  const verbFirst = parts.length > 0;
  if (rule.abortDays !== undefined) parts.push(t('lcWordsAbort', daysWords(rule.abortDays)));
  const sentence = t(
    verbFirst ? 'lcWordsSentence' : 'lcWordsSentenceColon',
    scopeWords(rule),
    parts.join(t('lcWordsSeparator')),
  );
  return rule.enabled ? sentence : t('lcWordsDisabled', sentence);
}
