// Eucalyptus's password sign-in for the front door: Tokens GetAccessToken authenticated by a
// Basic header (moto has no such action). The checks follow Eucalyptus's TokensQueryPipeline:
// a request with no signature at all is a password request; the header decodes to
// `base64(user)@base64(account):password`; a wrong account, user or password, or a disabled
// user, is a 401 "Unauthorized" text/plain challenge, an expired password a 403 "Expired
// credentials". The keys it issues work only with their session token and until they expire
// (the front door's credential map checks both). Nothing here imports from src/.

import { randomBytes } from 'node:crypto';
import type { FrontDoorCredential, ReceivedRequest } from './front-door-request';
import { isoSeconds, lastValue } from './front-door-request';

export interface PasswordLoginUser {
  /** Account name (alias); `accountId` works too. */
  account: string;
  accountId: string;
  user: string;
  password: string;
  disabled?: boolean;
  passwordExpired?: boolean;
  /** moto's account for what the temporary keys do (x-moto-account-id). */
  motoAccountId?: string;
}

export interface PasswordLoginOptions {
  users: PasswordLoginUser[];
  /** Every session ends this many seconds after issue, whatever was asked (tests of expiry). */
  lifetimeSeconds?: number;
}

export interface PlainAnswer {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

/** Eucalyptus's rule for choosing password authentication: no signature of any kind. */
export function isPasswordRequest(req: ReceivedRequest): boolean {
  return (
    lastValue(req.params, 'SignatureVersion') === undefined &&
    lastValue(req.params, 'X-Amz-Algorithm') === undefined &&
    !/^AWS4-HMAC-SHA256\s/i.test(req.headers.authorization ?? '')
  );
}

const challenge = (): PlainAnswer => ({
  status: 401,
  contentType: 'text/plain; charset=utf8',
  body: 'Unauthorized',
  headers: { 'www-authenticate': 'Basic realm="eucalyptus"' },
});

function queryError(status: number, code: string, message: string, requestId: string) {
  return {
    status,
    contentType: 'text/xml;charset=UTF-8',
    body:
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message>` +
      `</Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  };
}

/** Standard base64 only: Java's decoder refuses anything else. */
function decodeBase64(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  return Buffer.from(text, 'base64').toString('utf8');
}

/** The account, user and password in a Basic header, as Eucalyptus splits it; undefined if unreadable. */
export function readPasswordHeader(
  authorization: string | undefined,
): { account: string; user: string; password: string } | undefined {
  const [scheme, value] = (authorization ?? '').split(' ', 2);
  if (scheme?.toLowerCase() !== 'basic' || value === undefined) return undefined;
  const decoded = decodeBase64(value);
  // ';' asks for a password change, which a sign-in never does.
  if (decoded === undefined || decoded.includes(';')) return undefined;
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const names = decoded.slice(0, colon).split('@');
  // An '@' in the password part would start a new password: Eucalyptus keeps only what precedes it.
  const password = decoded.slice(colon + 1).split('@')[0] ?? '';
  if (names.length !== 2) return undefined;
  const user = decodeBase64(names[0] ?? '');
  const account = decodeBase64(names[1] ?? '');
  if (user === undefined || account === undefined) return undefined;
  return { account, user, password };
}

/**
 * Answers a password request at the Tokens path. `learn` adds the issued keys to the front
 * door's credentials, so they sign later requests (with their token, until they expire).
 */
export function answerPasswordLogin(
  req: ReceivedRequest,
  options: PasswordLoginOptions | undefined,
  now: number,
  requestId: string,
  learn: (credential: FrontDoorCredential) => void,
): PlainAnswer {
  const login = readPasswordHeader(req.headers.authorization);
  const user = login
    ? options?.users.find(
        (u) =>
          (u.account === login.account || u.accountId === login.account) &&
          u.user === login.user &&
          u.password === login.password,
      )
    : undefined;
  if (!user || user.disabled) return challenge();
  if (user.passwordExpired) {
    return { status: 403, contentType: 'text/plain; charset=utf8', body: 'Expired credentials' };
  }
  // The query pipeline wants a Version; the action must be GetAccessToken for a password.
  if (lastValue(req.params, 'Version') === undefined) {
    return queryError(400, 'MissingParameter', 'Missing required parameter: Version', requestId);
  }
  if (lastValue(req.params, 'Action') !== 'GetAccessToken') {
    return queryError(403, 'MissingAuthenticationToken', 'Missing credential.', requestId);
  }
  const asked = Number(lastValue(req.params, 'DurationSeconds') ?? 43_200);
  if (!Number.isInteger(asked) || asked < 900 || asked > 43_200) {
    return queryError(400, 'ValidationError', 'Invalid duration requested', requestId);
  }
  const seconds = options?.lifetimeSeconds ?? asked;
  const expiresAt = now + seconds * 1000;
  const credential: FrontDoorCredential = {
    accessKeyId: `AKIT${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: randomBytes(48).toString('base64'),
    expiresAt,
    ...(user.motoAccountId ? { accountId: user.motoAccountId } : {}),
  };
  learn(credential);
  return {
    status: 200,
    contentType: 'text/xml;charset=UTF-8',
    body:
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<GetAccessTokenResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">' +
      '<GetAccessTokenResult><Credentials>' +
      `<AccessKeyId>${credential.accessKeyId}</AccessKeyId>` +
      `<SecretAccessKey>${credential.secretAccessKey}</SecretAccessKey>` +
      `<SessionToken>${credential.sessionToken}</SessionToken>` +
      `<Expiration>${isoSeconds(expiresAt)}</Expiration>` +
      '</Credentials></GetAccessTokenResult>' +
      `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
      '</GetAccessTokenResponse>',
  };
}
