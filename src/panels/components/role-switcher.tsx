import { useEffect, useState } from 'preact/hooks';
import type { CloudErrorData } from '../../cloud/errors';
import type { Profile } from '../../cloud/profile';
import {
  isRoleColor,
  MFA_SECONDS,
  ROLE_SECONDS,
  type RoleEntry,
  roleNameOf,
} from '../../cloud/sts/role-checks';
import { roleSigning } from '../../cloud/sts/role-signing';
import { msToNextMinute, timeLeft } from '../../cloud/sts/session-time';
import type { PublicSession } from '../../cloud/temporary-credentials';
import browser from '../../shared/browser';
import { call } from '../../shared/call';
import type { StsSessionsView } from '../../shared/messages';
import { asError } from '../errors';
import { t } from '../i18n';
import { type DurationChoice, MfaCodeDialog } from './mfa-code-dialog';
import { mentionsMfa, START_MFA_EVENT } from './mfa-offer';
import { stsError } from './sts-error';
import './roles.css';

const HOUR = 3600;

function hoursLabel(seconds: number): string {
  return seconds < HOUR
    ? t('rlMinutes', String(seconds / 60))
    : t('rlHours', String(seconds / HOUR));
}

const MFA_DURATIONS: DurationChoice[] = [
  900,
  HOUR,
  4 * HOUR,
  8 * HOUR,
  12 * HOUR,
  24 * HOUR,
  36 * HOUR,
]
  .filter((s) => s >= MFA_SECONDS.min && s <= MFA_SECONDS.max)
  .map((seconds) => ({ seconds, label: hoursLabel(seconds) }));
const ROLE_DURATIONS: DurationChoice[] = [900, HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 12 * HOUR]
  .filter((s) => s >= ROLE_SECONDS.min && s <= ROLE_SECONDS.max)
  .map((seconds) => ({ seconds, label: hoursLabel(seconds) }));

/** "2 h 05 min left", or "expired". */
export function timeLeftText(expiration: string, now: number): string {
  const left = timeLeft(expiration, now);
  if (left.expired) return t('rlExpired');
  return left.hours > 0
    ? t('rlTimeLeftHours', String(left.hours), String(left.minutes).padStart(2, '0'))
    : t('rlTimeLeftMinutes', String(left.minutes));
}

/** Re-renders when the shown minutes change. */
function useNow(expirations: string[]): number {
  const [now, setNow] = useState(Date.now());
  const key = expirations.join(' ');
  useEffect(() => {
    if (!key) return;
    const wait = Math.min(...expirations.map((e) => msToNextMinute(e, Date.now())));
    const timer = setTimeout(() => setNow(Date.now()), wait + 50);
    return () => clearTimeout(timer);
  }, [key, now]);
  return now;
}

type Asking = { kind: 'mfa' } | { kind: 'role'; role: RoleEntry; needCode: boolean };

/** The profile's MFA session and its roles: the header's role switcher. */
export function RoleSwitcher({ profile }: { profile: Profile }) {
  const [view, setView] = useState<StsSessionsView | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<CloudErrorData | null>(null);
  const [failure, setFailure] = useState<{ error: CloudErrorData; roleArn?: string } | null>(null);

  const profileId = profile.id;
  useEffect(() => {
    if (!profileId) {
      setView(null);
      return;
    }
    let live = true;
    const load = () =>
      call('stsSessions', { profileId }).then(
        (next) => live && setView(next),
        () => live && setView(null),
      );
    // Another page (or the background, at expiry) may change the session.
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && 'session.credentials' in changes) void load();
    };
    void load();
    browser.storage.onChanged.addListener(onChange);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChange);
    };
  }, [profileId]);

  // "Start MFA session" under a refusal anywhere in the page opens the dialog here.
  useEffect(() => {
    const open = () => {
      setDialogError(null);
      setAsking({ kind: 'mfa' });
    };
    window.addEventListener(START_MFA_EVENT, open);
    return () => window.removeEventListener(START_MFA_EVENT, open);
  }, []);

  const base = view?.base ?? null;
  const role = view?.role ?? null;
  const now = useNow([base, role].flatMap((b) => (b ? [b.expiration] : [])));
  if (profile.kind === 's3') return null;
  const roles = profile.roles ?? [];
  const mfaSerial = profile.mfaSerial;
  if (!mfaSerial && roles.length === 0) return null;
  const mfaActive = base?.source === 'mfa' && !timeLeft(base.expiration, now).expired;

  async function run(action: Promise<StsSessionsView>, roleArn?: string) {
    setBusy(true);
    setFailure(null);
    try {
      setView(await action);
      setAsking(null);
      setDialogError(null);
    } catch (error) {
      const shown = stsError(asError(error), roleArn);
      if (asking) setDialogError(shown);
      else setFailure({ error: shown, ...(roleArn ? { roleArn } : {}) });
    } finally {
      setBusy(false);
    }
  }

  function choose(arn: string) {
    setFailure(null);
    if (arn === '') {
      void run(call('stsDropRole', { profileId: profile.id }));
      return;
    }
    const entry = roles.find((r) => r.arn === arn);
    if (!entry) return;
    const needCode = roleSigning(base, mfaSerial, Date.now()).withMfaCode;
    setDialogError(null);
    setAsking({ kind: 'role', role: entry, needCode });
  }

  const ask = (kind: Asking) => {
    setDialogError(null);
    setAsking(kind);
  };

  return (
    <div class="role-switcher">
      {roles.length > 0 && (
        <label class="switcher">
          <span>{t('rlRoleLabel')}</span>
          <select
            id="role-switcher"
            value={role?.roleArn ?? ''}
            disabled={busy}
            onChange={(e) => choose(e.currentTarget.value)}
          >
            <option value="">{t('rlNoRole', profile.name)}</option>
            {roles.map((r) => (
              <option
                key={r.arn}
                value={r.arn}
                class={r.color ? `role-color-${r.color}` : undefined}
              >
                {r.label || roleNameOf(r.arn)}
              </option>
            ))}
          </select>
        </label>
      )}
      {role && <RoleBadge badge={role} now={now} />}
      {role && (
        <button type="button" id="role-back" disabled={busy} onClick={() => choose('')}>
          {t('rlBackTo', profile.name)}
        </button>
      )}
      {profile.mfaSerial &&
        (mfaActive && base ? (
          <span class="mfa-badge" id="mfa-badge">
            {t('rlMfaActive', timeLeftText(base.expiration, now))}
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(call('stsEndMfa', { profileId: profile.id }))}
            >
              {t('rlEndMfa')}
            </button>
          </span>
        ) : (
          <button type="button" id="mfa-start" disabled={busy} onClick={() => ask({ kind: 'mfa' })}>
            {t('rlStartMfa')}
          </button>
        ))}
      {failure && (
        <p class="switcher-failure" role="alert">
          {failure.error.message}
          {profile.mfaSerial && !mfaActive && mentionsMfa(failure.error) && (
            <button type="button" onClick={() => ask({ kind: 'mfa' })}>
              {t('rlStartMfa')}
            </button>
          )}
        </p>
      )}
      {asking?.kind === 'mfa' && (
        <MfaCodeDialog
          title={t('rlStartMfaTitle')}
          intro={t('rlStartMfaIntro', profile.mfaSerial ?? '')}
          needCode
          durations={MFA_DURATIONS}
          defaultSeconds={MFA_SECONDS.default}
          busy={busy}
          error={dialogError}
          onClose={() => setAsking(null)}
          onSubmit={(code, seconds) =>
            void run(call('stsStartMfa', { profileId: profile.id, code, durationSeconds: seconds }))
          }
        />
      )}
      {asking?.kind === 'role' && (
        <MfaCodeDialog
          title={t('rlSwitchTitle', asking.role.label || roleNameOf(asking.role.arn))}
          intro={asking.needCode ? t('rlSwitchIntroMfa') : t('rlSwitchIntro')}
          needCode={asking.needCode}
          durations={ROLE_DURATIONS}
          defaultSeconds={ROLE_SECONDS.default}
          busy={busy}
          error={dialogError}
          onClose={() => setAsking(null)}
          onSubmit={(code, seconds) =>
            void run(
              call('stsAssumeRole', {
                profileId: profile.id,
                roleArn: asking.role.arn,
                ...(asking.needCode ? { code } : {}),
                durationSeconds: seconds,
              }),
              asking.role.arn,
            )
          }
        />
      )}
    </div>
  );
}

/** The role's label in its colour, and its time left. */
function RoleBadge({ badge, now }: { badge: PublicSession; now: number }) {
  const color = isRoleColor(badge.color) ? badge.color : 'none';
  return (
    <span class={`role-badge role-color-${color}`} id="role-badge" title={badge.roleArn}>
      <strong>{badge.label}</strong> {timeLeftText(badge.expiration, now)}
    </span>
  );
}
