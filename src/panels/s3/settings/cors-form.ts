// A CORS rule as its editor holds it (lists as lines of text, so a wrong entry stays in view with
// its message), the checks before anything is sent, and the rule in one line.

import {
  CORS_METHODS,
  type CorsMethod,
  type CorsProblemCode,
  type CorsRule,
  corsRuleProblems,
} from '../../../cloud/s3';
import { type MessageKey, t } from '../../i18n';

export interface CorsForm {
  id: string;
  /** One a line. */
  origins: string;
  methods: CorsMethod[];
  allowedHeaders: string;
  exposeHeaders: string;
  maxAgeSeconds: string;
}

export type CorsField = 'id' | 'origins' | 'methods' | 'headers' | 'maxAgeSeconds';
export type CorsFormProblems = Partial<Record<CorsField, MessageKey>>;

export const METHOD_CHOICES: readonly CorsMethod[] = CORS_METHODS;

export function emptyCorsForm(): CorsForm {
  return {
    id: '',
    origins: '',
    methods: ['GET'],
    allowedHeaders: '',
    exposeHeaders: '',
    maxAgeSeconds: '',
  };
}

export function corsForm(rule: CorsRule): CorsForm {
  return {
    id: rule.id,
    origins: rule.origins.join('\n'),
    methods: [...rule.methods],
    allowedHeaders: rule.allowedHeaders.join('\n'),
    exposeHeaders: rule.exposeHeaders.join('\n'),
    maxAgeSeconds: rule.maxAgeSeconds === undefined ? '' : String(rule.maxAgeSeconds),
  };
}

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

const CODE_MESSAGES: Record<CorsProblemCode, [CorsField, MessageKey]> = {
  idTooLong: ['id', 'corsIdTooLong'],
  noOrigin: ['origins', 'corsNoOrigin'],
  originInvalid: ['origins', 'corsOriginInvalid'],
  noMethod: ['methods', 'corsNoMethod'],
  methodInvalid: ['methods', 'corsNoMethod'],
  headerInvalid: ['headers', 'corsHeaderInvalid'],
  maxAgeInvalid: ['maxAgeSeconds', 'corsMaxAgeInvalid'],
  tooManyRules: ['id', 'corsTooManyRules'],
};

/** The rule the form describes, or what is wrong with it. */
export function formToCorsRule(
  form: CorsForm,
): { rule: CorsRule } | { problems: CorsFormProblems } {
  const problems: CorsFormProblems = {};
  const rule: CorsRule = {
    id: form.id.trim(),
    origins: lines(form.origins),
    // In the order S3's documentation lists them, whatever order they were ticked in.
    methods: CORS_METHODS.filter((m) => form.methods.includes(m)),
    allowedHeaders: lines(form.allowedHeaders),
    exposeHeaders: lines(form.exposeHeaders),
  };
  const age = form.maxAgeSeconds.trim();
  if (age !== '') {
    if (/^\d+$/.test(age) && Number.isSafeInteger(Number(age))) rule.maxAgeSeconds = Number(age);
    else problems.maxAgeSeconds = 'corsMaxAgeInvalid';
  }
  for (const code of corsRuleProblems(rule)) {
    const [field, message] = CODE_MESSAGES[code];
    problems[field] ??= message;
  }
  return Object.keys(problems).length > 0 ? { problems } : { rule };
}

/** "GET, PUT from https://example.com; headers: *; answers cached 3000 s". */
export function corsWords(rule: CorsRule): string {
  const parts = [t('corsWordsFrom', rule.methods.join(', '), rule.origins.join(', '))];
  if (rule.allowedHeaders.length > 0)
    parts.push(t('corsWordsHeaders', rule.allowedHeaders.join(', ')));
  if (rule.exposeHeaders.length > 0)
    parts.push(t('corsWordsExposed', rule.exposeHeaders.join(', ')));
  if (rule.maxAgeSeconds !== undefined)
    parts.push(t('corsWordsMaxAge', String(rule.maxAgeSeconds)));
  return parts.join(t('lcWordsSeparator'));
}
