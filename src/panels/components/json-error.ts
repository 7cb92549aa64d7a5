// The words for a JSON mistake, with where it is, for every JSON field (bucket settings, IAM policies).

import type { JsonErrorCode, JsonSyntaxError } from '../../cloud/policy-check';
import { type MessageKey, t } from '../i18n';

const WHAT: Record<JsonErrorCode, MessageKey> = {
  unexpectedEnd: 's3JsonUnexpectedEnd',
  unexpectedCharacter: 's3JsonUnexpectedCharacter',
  badEscape: 's3JsonBadEscape',
  controlCharacter: 's3JsonControlCharacter',
  badNumber: 's3JsonBadNumber',
  trailingText: 's3JsonTrailingText',
};

/** "JSON error at line 3, column 5: unexpected “}”." */
export function jsonErrorText(error: JsonSyntaxError): string {
  return t(
    's3JsonErrorAt',
    String(error.line),
    String(error.column),
    t(WHAT[error.code], error.found),
  );
}
