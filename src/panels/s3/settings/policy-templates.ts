// The bucket policy editor's templates: statements added to what is typed. Pure, for tests.

import { type JsonValue, parseJson } from '../../../cloud/policy-check';

/** The draft with `statement` added: to its statements when it is a policy, else a new policy. */
export function withStatement(draft: string, statement: JsonValue): string {
  const parsed = parseJson(draft);
  const doc = parsed.ok ? parsed.value : null;
  if (doc && typeof doc === 'object' && !Array.isArray(doc) && doc.Statement !== undefined) {
    const now = doc.Statement;
    const list = Array.isArray(now) ? now : [now];
    return JSON.stringify({ ...doc, Statement: [...list, statement] }, null, 2);
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2);
}

export function publicReadStatement(bucket: string, prefix: string): JsonValue {
  return {
    Sid: 'PublicReadOfPrefix',
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:GetObject',
    Resource: `arn:aws:s3:::${bucket}/${prefix}*`,
  };
}

export function denyWithoutTlsStatement(bucket: string): JsonValue {
  return {
    Sid: 'DenyRequestsWithoutTls',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}
