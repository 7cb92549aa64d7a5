// Temporary credentials: a Eucalyptus password login (Tokens GetAccessToken), an AWS MFA session
// (STS GetSessionToken) or an assumed role (STS AssumeRole). The background keeps them in
// storage.session only, so a browser restart signs the user out; pages see only their label and
// expiry (PublicSession).

import { CloudError } from './errors';
import type { Credentials } from './profile';

export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** ISO 8601, as the Tokens / STS answer's Expiration. */
  expiration: string;
  /** ISO 8601, when Cirrus received it: a short session asks to be renewed in proportion. */
  issued?: string;
  /** What the header shows: "admin@engineering", "mfa", the role's label. */
  label: string;
  source: 'login' | 'mfa' | 'role';
  roleArn?: string;
  /** The role's colour in the header, a CSS colour chosen in the profile form. */
  color?: string;
}

/** One profile's sessions: the role, when one is assumed, signs; otherwise the base session. */
export interface ProfileSessions {
  base?: TemporaryCredentials;
  role?: TemporaryCredentials;
}

/** What a page may know about a session: never a key. */
export type PublicSession = Pick<TemporaryCredentials, 'label' | 'expiration' | 'source'> &
  Partial<Pick<TemporaryCredentials, 'roleArn' | 'color'>>;

export function publicSession(session: TemporaryCredentials): PublicSession {
  const shown: PublicSession = {
    label: session.label,
    expiration: session.expiration,
    source: session.source,
  };
  if (session.roleArn !== undefined) shown.roleArn = session.roleArn;
  if (session.color !== undefined) shown.color = session.color;
  return shown;
}

/** The session that signs for a profile: its role's, else its base session, else none. */
export function activeSession(sessions: ProfileSessions | undefined): TemporaryCredentials | null {
  return sessions?.role ?? sessions?.base ?? null;
}

/** Expired at `now`; an unreadable expiry counts as expired rather than as forever. */
export function isExpired(session: TemporaryCredentials, now: number): boolean {
  const ends = Date.parse(session.expiration);
  return !Number.isFinite(ends) || ends <= now;
}

/**
 * The credentials to sign with. A session past its expiry is refused with a plain message rather
 * than sent to earn a raw signature error; a role never falls back to the identity below it
 * silently, since the user believes they act as the role.
 */
export function sessionCredentials(session: TemporaryCredentials, now: number): Credentials {
  if (isExpired(session, now)) {
    // Each its own code: a password login asks to sign in; an MFA session or a role does not.
    if (session.source === 'role') {
      throw new CloudError({
        code: 'RoleSessionExpired',
        message: `Your session as ${session.label} expired: switch to the role again.`,
      });
    }
    if (session.source === 'mfa') {
      throw new CloudError({
        code: 'MfaSessionExpired',
        message: 'Your MFA session expired: start a new one.',
      });
    }
    throw new CloudError({
      code: 'SessionExpired',
      message: 'Your session expired: sign in again.',
    });
  }
  return {
    accessKeyId: session.accessKeyId,
    secretAccessKey: session.secretAccessKey,
    sessionToken: session.sessionToken,
  };
}

export function signInRequired(): CloudError {
  return new CloudError({
    code: 'SignInRequired',
    message: 'This profile signs in with a password: sign in first.',
  });
}
