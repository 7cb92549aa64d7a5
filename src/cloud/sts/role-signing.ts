// How an AssumeRole call is signed: with the MFA (or login) session when there is one, else with
// the profile's own keys plus the MFA device's code when the profile has a device. Shared by the
// background (what it sends) and the header (whether it asks for the code).

import type { PublicSession } from '../temporary-credentials';

export interface RoleSigning {
  /** Send SerialNumber and TokenCode: there is no live session to sign with. */
  withMfaCode: boolean;
  /** The base is an MFA session that has ended: drop it, so the own keys sign. */
  dropBase: boolean;
}

export function roleSigning(
  base: Pick<PublicSession, 'source' | 'expiration'> | undefined | null,
  mfaSerial: string | undefined,
  now: number,
): RoleSigning {
  // A login session that has ended is not dropped: signing then says "sign in again".
  const ends = Date.parse(base?.expiration ?? '');
  const dropBase = base?.source === 'mfa' && !(ends > now);
  return { withMfaCode: mfaSerial !== undefined && (!base || dropBase), dropBase };
}
