import { useEffect, useMemo } from 'preact/hooks';
import { formatClockTime, SIGN_IN_MINUTES } from '../../cloud/login/session-time';
import { call } from '../../shared/call';
import { watchCurrentProfile } from '../current-profile';
import { t } from '../i18n';
import { Dialog } from './dialog';
import {
  ADMIN_MAX_MINUTES,
  createSessionModel,
  isAccountAdmin,
  type SessionModel,
} from './session-model';

function durationText(minutes: number): string {
  if (minutes < 60) return t('loginMinutes', String(minutes));
  return minutes === 60 ? t('loginOneHour') : t('loginHours', String(minutes / 60));
}

/**
 * The header's session line for a password profile ("Signed in as … until 14:05", Sign out, or
 * Sign in), the banner when it is about to end, and the sign-in dialog. Nothing for key profiles.
 */
export function SessionStatus() {
  const model = useMemo(
    () =>
      createSessionModel({
        signIn: (args) => call('signIn', args),
        signOut: (args) => call('signOut', args),
        signInStatus: (args) => call('signInStatus', args),
      }),
    [],
  );
  useEffect(() => {
    const watch = watchCurrentProfile((current) => model.use(current?.profile ?? null));
    // Back in this tab after a while: another page may have signed in or out.
    const onVisible = () => document.visibilityState === 'visible' && void model.refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      watch.dispose();
      model.dispose();
    };
  }, [model]);

  const profile = model.profile.value;
  if (!profile) return null;
  const session = model.session.value;
  const phase = model.phase.value;
  const until = session ? formatClockTime(session.expiration) : '';
  return (
    <div class="session-status" data-session={phase}>
      {session && phase !== 'expired' ? (
        <>
          <span class="session-label">{t('loginSignedInAs', session.label, until)}</span>
          <button type="button" onClick={() => void model.signOut()}>
            {t('loginSignOut')}
          </button>
        </>
      ) : (
        <>
          <span class="session-label">
            {phase === 'expired' ? t('loginSessionExpired') : t('loginNotSignedIn')}
          </span>
          <button type="button" class="primary" onClick={() => model.open()}>
            {t('loginSignIn')}
          </button>
        </>
      )}
      {phase === 'renew' && session && (
        <p class="banner session-renew" role="status">
          {t('loginRenewBanner', until)}{' '}
          <button type="button" onClick={() => model.open()}>
            {t('loginSignIn')}
          </button>
        </p>
      )}
      {model.dialogOpen.value && <SignInDialog model={model} />}
    </div>
  );
}

function SignInDialog({ model }: { model: SessionModel }) {
  const profile = model.profile.value;
  if (!profile) return null;
  const admin = isAccountAdmin(profile);
  const submit = (event: Event) => {
    event.preventDefault();
    void model.submit();
  };
  return (
    <Dialog
      title={t('loginDialogTitle', profile.name)}
      onClose={() => model.close()}
      error={model.error.value}
      actions={
        <>
          <button
            type="submit"
            form="sign-in-form"
            class="primary"
            disabled={model.busy.value || model.password.value === ''}
          >
            {t('loginSignIn')}
          </button>
          <button type="button" onClick={() => model.close()}>
            {t('cancel')}
          </button>
        </>
      }
    >
      <form id="sign-in-form" onSubmit={submit}>
        <p>{t('loginAccountUser', profile.account ?? '', profile.user ?? '')}</p>
        <div class="field">
          <label for="sign-in-password">{t('loginPassword')}</label>
          <input
            id="sign-in-password"
            type="password"
            autoComplete="current-password"
            value={model.password.value}
            onInput={(e) => {
              model.password.value = e.currentTarget.value;
            }}
          />
        </div>
        <div class="field">
          <label for="sign-in-duration">{t('loginDuration')}</label>
          <select
            id="sign-in-duration"
            value={String(model.minutes.value)}
            onChange={(e) => {
              model.minutes.value = Number(e.currentTarget.value);
            }}
            aria-describedby="sign-in-duration-hint"
          >
            {SIGN_IN_MINUTES.map((minutes) => (
              <option
                key={minutes}
                value={String(minutes)}
                disabled={admin && minutes > ADMIN_MAX_MINUTES}
              >
                {durationText(minutes)}
              </option>
            ))}
          </select>
          <small class="field-hint" id="sign-in-duration-hint">
            {t('loginAdminLimit')}
          </small>
        </div>
      </form>
    </Dialog>
  );
}
