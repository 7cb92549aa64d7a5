// The JSON editor for policy documents, shared by the S3 bucket policy and the IAM tab: a
// monospace text area, the check before sending (JSON syntax with line and column, then the
// policy grammar's basic shape) and the list of what is wrong, next to the text.

import {
  checkPolicy,
  type PolicyKind,
  type PolicyProblem,
  type PolicyProblemCode,
  parseJson,
} from '../../cloud/policy-check';
import { type MessageKey, t } from '../i18n';
import { jsonErrorText } from './json-error';

const PROBLEM: Record<PolicyProblemCode, MessageKey> = {
  notObject: 's3PolicyNotObject',
  unknownKey: 's3PolicyUnknownKey',
  versionMissing: 's3PolicyVersionMissing',
  versionInvalid: 's3PolicyVersionInvalid',
  statementMissing: 's3PolicyStatementMissing',
  statementInvalid: 's3PolicyStatementInvalid',
  statementEmpty: 's3PolicyStatementEmpty',
  effectInvalid: 's3PolicyEffectInvalid',
  actionMissing: 's3PolicyActionMissing',
  actionBoth: 's3PolicyActionBoth',
  actionInvalid: 's3PolicyActionInvalid',
  resourceMissing: 's3PolicyResourceMissing',
  resourceBoth: 's3PolicyResourceBoth',
  resourceInvalid: 's3PolicyResourceInvalid',
  principalMissing: 's3PolicyPrincipalMissing',
  principalBoth: 's3PolicyPrincipalBoth',
  principalInvalid: 's3PolicyPrincipalInvalid',
  principalNotAllowed: 's3PolicyPrincipalNotAllowed',
  sidInvalid: 's3PolicySidInvalid',
  conditionInvalid: 's3PolicyConditionInvalid',
};

export const problemText = (p: PolicyProblem) =>
  t('s3PolicyProblemAt', p.path || t('s3PolicyDocument'), t(PROBLEM[p.code]));

/** What is wrong with `text` as a policy of this kind, in words; empty when it may be sent. */
export function policyProblems(text: string, kind: PolicyKind): string[] {
  const check = checkPolicy(text, kind);
  if (check.ok) return [];
  return check.syntax ? [jsonErrorText(check.syntax)] : check.problems.map(problemText);
}

/** Pretty-prints a stored document when it is JSON (clouds keep it minified); else as it is. */
export function prettyPolicy(text: string): string {
  const parsed = parseJson(text);
  return parsed.ok ? JSON.stringify(parsed.value, null, 2) : text;
}

interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (text: string) => void;
  /** From policyProblems, shown under the text and announced. */
  problems: readonly string[];
  readOnly?: boolean;
  rows?: number;
}

export function PolicyEditor({ id, label, value, onInput, problems, readOnly, rows }: Props) {
  return (
    <div class="field policy-editor">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        class="mono policy-text"
        rows={rows ?? 14}
        spellcheck={false}
        readOnly={readOnly}
        value={value}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length ? `${id}-problems` : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {problems.length > 0 && (
        <ul class="field-error policy-problems" id={`${id}-problems`} role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
