import { useEffect, useState } from 'preact/hooks';
import type { CloudErrorData } from '../../cloud/errors';
import { call } from '../../shared/call';
import { t } from '../i18n';

/** AWS names MFA in what it refuses when a code failed or a trust policy wants an MFA session. */
export function mentionsMfa(error: CloudErrorData): boolean {
  return /MultiFactorAuth|\bMFA\b/i.test(error.message) || error.code === 'MfaCodeInvalid';
}

/** The header's role switcher opens its MFA dialog on this window event. */
export const START_MFA_EVENT = 'cirrus-start-mfa';

// What AWS answers when a policy wants MFA (aws:MultiFactorAuthPresent): a plain denial.
const DENIALS = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);

/**
 * Under a refusal: "Start MFA session", when the current profile has an MFA device and no MFA
 * session, and AWS denied the call or named MFA (a policy may want an MFA session).
 */
export function MfaOffer({ error }: { error: CloudErrorData }) {
  const [offer, setOffer] = useState(false);
  const relevant = DENIALS.has(error.code) || mentionsMfa(error);
  useEffect(() => {
    // Only where the header's switcher is there to answer (not in the toolbar popup).
    if (!relevant || !document.querySelector('.role-switcher')) return;
    let live = true;
    void (async () => {
      const view = await call('profilesList', {});
      const profile = view.profiles.find((p) => p.id === view.currentId);
      if (!profile || profile.kind === 's3' || !profile.mfaSerial) return;
      const { base } = await call('stsSessions', { profileId: profile.id });
      if (live) setOffer(base?.source !== 'mfa' || Date.parse(base.expiration) <= Date.now());
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [relevant]);
  if (!offer) return null;
  return (
    <>
      <br />
      {t('rlMfaMayHelp')}{' '}
      <button type="button" onClick={() => window.dispatchEvent(new CustomEvent(START_MFA_EVENT))}>
        {t('rlStartMfa')}
      </button>
    </>
  );
}

/** Codes of an ended MFA session or role: said as such, never as "sign in again". */
export const STS_EXPIRED_CODES: ReadonlySet<string> = new Set([
  'RoleSessionExpired',
  'MfaSessionExpired',
]);

/** An MFA session or a role that has ended, in plain words, with the way to a new one. */
export function StsSessionExpired({ error }: { error: CloudErrorData }) {
  const mfa = error.code === 'MfaSessionExpired';
  return (
    <p class="notice error" role="alert">
      {t(mfa ? 'rlErrorMfaExpired' : 'rlErrorRoleExpired')}{' '}
      {mfa && (
        <button
          type="button"
          onClick={() => window.dispatchEvent(new CustomEvent(START_MFA_EVENT))}
        >
          {t('rlStartMfa')}
        </button>
      )}
    </p>
  );
}
