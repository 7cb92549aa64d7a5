import { type Service, usesPlainHttp } from '../../cloud/endpoints';
import type { Profile } from '../../cloud/profile';
import { HINT_KEYS } from '../components/error-message';
import { HttpWarning } from '../components/http-warning';
import { t } from '../i18n';
import { endpointSummary, KIND_KEYS } from './profile-summary';
import type { ProfilesModel, TestState } from './profiles-model';

function servicesOf(profile: Profile): Service[] {
  return profile.kind === 's3' ? ['s3'] : ['ec2', 's3'];
}

function TestResult({ service, state }: { service: Service; state: TestState | undefined }) {
  if (!state) return null;
  const name = service === 'ec2' ? 'EC2' : 'S3';
  if (state.running) return <li class="test-result">{t('testRunning', name)}</li>;
  if (state.ok) {
    return (
      <li class="test-result ok">
        {t(service === 'ec2' ? 'testOkZones' : 'testOkBuckets', name, String(state.count))}
      </li>
    );
  }
  const hint =
    state.error.code === 'KeychainLocked' ? t('hintKeychainLocked') : t(HINT_KEYS[state.hint]);
  return (
    <li class="test-result failed" role="alert">
      <strong>{t('testFailed', name, state.error.code)}</strong> {state.error.message}
      {state.error.requestId && <span class="mono"> {t('requestId', state.error.requestId)}</span>}
      <br />
      {hint}
    </li>
  );
}

function clockText(offsetMs: number | undefined): string | null {
  if (offsetMs === undefined || Math.abs(offsetMs) < 2_000) return null;
  const seconds = Math.round(offsetMs / 1000);
  return t(seconds > 0 ? 'clockAhead' : 'clockBehind', String(Math.abs(seconds)));
}

export function ProfileList({ model }: { model: ProfilesModel }) {
  const view = model.view.value;
  if (!view) return null;
  return (
    <ul class="profile-list" aria-label={t('profileListLabel')}>
      {view.profiles.map((profile) => {
        const current = profile.id === view.currentId;
        const tests = model.tests.value[profile.id];
        const clock = clockText(view.clockOffsets[profile.id]);
        return (
          <li
            key={profile.id}
            class={current ? 'profile current' : 'profile'}
            aria-label={profile.name}
          >
            <div class="profile-head">
              <strong class="profile-name">{profile.name}</strong>
              {current && <span class="badge">{t('currentBadge')}</span>}
              <span class="muted">{t(KIND_KEYS[profile.kind])}</span>
              <span class="mono muted">{endpointSummary(profile)}</span>
              <span class="mono muted">
                {profile.kind === 'eucalyptus' && profile.signIn === 'password'
                  ? `${profile.user ?? ''}@${profile.account ?? ''} (${t('loginMethodPassword')})`
                  : profile.accessKeyId}
              </span>
              {clock && <span class="clock">{clock}</span>}
            </div>
            {usesPlainHttp(profile) && <HttpWarning />}
            <div class="profile-actions">
              <button
                type="button"
                onClick={() => servicesOf(profile).forEach((s) => void model.test(profile.id, s))}
              >
                {t('testConnection')}
              </button>
              <button type="button" onClick={() => model.startEdit(profile.id)}>
                {t('edit')}
              </button>
              <button type="button" onClick={() => void model.duplicate(profile.id)}>
                {t('duplicate')}
              </button>
              {!current && (
                <button type="button" onClick={() => void model.makeCurrent(profile.id)}>
                  {t('makeCurrent')}
                </button>
              )}
              <button
                type="button"
                class="danger"
                onClick={() => (model.confirmDelete.value = profile.id)}
              >
                {t('delete')}
              </button>
            </div>
            {model.confirmDelete.value === profile.id && (
              <div class="confirm" role="alertdialog" aria-label={t('deleteConfirm', profile.name)}>
                <p>{t('deleteConfirm', profile.name)}</p>
                <button type="button" class="danger" onClick={() => void model.remove(profile.id)}>
                  {t('deleteConfirmYes')}
                </button>
                <button type="button" onClick={() => (model.confirmDelete.value = null)}>
                  {t('cancel')}
                </button>
              </div>
            )}
            {tests && (
              <ul class="test-results">
                {servicesOf(profile).map((service) => (
                  <TestResult key={service} service={service} state={tests[service]} />
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
