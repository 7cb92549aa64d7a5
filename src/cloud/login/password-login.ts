// Eucalyptus password sign-in: GetAccessToken at the Tokens service, authenticated by a Basic
// header instead of a signature, as the Eucalyptus console does it. The answer is a set of
// temporary keys with a session token; the password itself goes nowhere else.
//
// How Eucalyptus reads the header (clc/modules/tokens TokensQueryPipeline): the Basic value
// decodes to `base64(user)@base64(account):password`, split at the first ':' and then at '@'. A
// ';' anywhere means "change my password" (`user@account;base64(old)@new`), and an '@' in the
// password part starts a new password, so a password holding either cannot be sent this way.

import { CloudError } from '../errors';
import { parseErrorResponse } from '../http-errors';
import { child, parseXml, path, root, text } from '../xml';

export const TOKENS_API_VERSION = '2011-06-15';

/** What GetAccessToken hands back. */
export interface AccessToken {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** ISO 8601, as the server wrote it. */
  expiration: string;
}

export interface PasswordLogin {
  /** Account name (alias) or 12-digit account id. */
  account: string;
  user: string;
  password: string;
}

/** Standard base64 of the UTF-8 bytes (btoa alone takes only Latin-1). */
export function base64Utf8(value: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The Authorization header for GetAccessToken. */
export function passwordAuthorization({ account, user, password }: PasswordLogin): string {
  return `Basic ${base64Utf8(`${base64Utf8(user)}@${base64Utf8(account)}:${password}`)}`;
}

/** Why a sign-in cannot be sent, before anything goes on the wire; undefined when it can. */
export function loginProblem(login: PasswordLogin): CloudError | undefined {
  if (login.account.trim() === '' || login.user.trim() === '') {
    return new CloudError({
      code: 'SignInIncomplete',
      message: 'The profile needs an account and a user name to sign in.',
    });
  }
  if (login.password === '') {
    return new CloudError({ code: 'SignInIncomplete', message: 'Type the password.' });
  }
  if (/[;@]/.test(login.password)) {
    return new CloudError({
      code: 'PasswordNotSendable',
      message:
        'Eucalyptus reads ";" and "@" in a sign-in password as a password change, so this password cannot be sent.',
    });
  }
  return undefined;
}

/** The Tokens URL for a sign-in lasting `durationSeconds`; `tokensBaseUrl` has no trailing slash. */
export function accessTokenUrl(tokensBaseUrl: string, durationSeconds: number): string {
  return `${tokensBaseUrl}?Action=GetAccessToken&DurationSeconds=${durationSeconds}&Version=${TOKENS_API_VERSION}`;
}

/** Reads <GetAccessTokenResponse><GetAccessTokenResult><Credentials>. */
export function readAccessToken(body: string): AccessToken {
  const top = root(parseXml(body));
  const credentials = path(top.value, 'GetAccessTokenResult', 'Credentials');
  const token: AccessToken = {
    accessKeyId: text(child(credentials, 'AccessKeyId')).trim(),
    secretAccessKey: text(child(credentials, 'SecretAccessKey')).trim(),
    sessionToken: text(child(credentials, 'SessionToken')).trim(),
    expiration: text(child(credentials, 'Expiration')).trim(),
  };
  if (
    top.name !== 'GetAccessTokenResponse' ||
    !token.accessKeyId ||
    !token.secretAccessKey ||
    !token.sessionToken ||
    Number.isNaN(Date.parse(token.expiration))
  ) {
    throw new CloudError({
      code: 'UnexpectedResponse',
      message: `Expected temporary credentials in <GetAccessTokenResponse>, got <${top.name}>.`,
    });
  }
  return token;
}

/**
 * A refused sign-in as a plain error. Eucalyptus answers every wrong account, user name or
 * password (and a disabled user) alike: 401 "Unauthorized" in text/plain with a Basic challenge,
 * so it cannot say which; an expired password is 403 "Expired credentials". Anything else is an
 * ordinary Query error (<ErrorResponse>, e.g. ValidationError for a duration out of range).
 */
export function loginError(status: number, body: string, contentType = ''): CloudError {
  const plain = !body.trim().startsWith('<');
  if (status === 401) {
    return new CloudError({
      code: 'LoginFailed',
      message: 'Eucalyptus refused the account, user name or password (or the user is disabled).',
      status,
    });
  }
  if (status === 403 && plain && /expired/i.test(body)) {
    return new CloudError({
      code: 'PasswordExpired',
      message: 'The password has expired: set a new one, then sign in.',
      status,
    });
  }
  return new CloudError(parseErrorResponse(status, body, contentType).error);
}

export interface AccessTokenRequest extends PasswordLogin {
  /** The profile's Tokens service, e.g. http://10.0.0.5:8773/services/Tokens. */
  tokensBaseUrl: string;
  durationSeconds: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Signs in: one GET to the Tokens service; the password is in the header and nowhere else. */
export async function requestAccessToken(request: AccessTokenRequest): Promise<AccessToken> {
  const problem = loginProblem(request);
  if (problem) throw problem;
  const url = accessTokenUrl(request.tokensBaseUrl, request.durationSeconds);
  const send = request.fetch ?? fetch;
  let response: Response;
  let body: string;
  try {
    response = await send(url, {
      method: 'GET',
      headers: { authorization: passwordAuthorization(request) },
      // No cookies, no cached answer: the header is the only credential, every time.
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(request.timeoutMs ?? 30_000),
    });
    body = await response.text();
  } catch (thrown) {
    const timedOut = thrown instanceof Error && thrown.name === 'TimeoutError';
    throw new CloudError({
      code: timedOut ? 'Timeout' : 'NetworkError',
      message: `${timedOut ? 'No answer in time from' : 'Could not reach'} ${request.tokensBaseUrl}`,
    });
  }
  if (!response.ok) {
    throw loginError(response.status, body, response.headers.get('content-type') ?? '');
  }
  return readAccessToken(body);
}
