import { useEffect, useMemo } from 'preact/hooks';
import { browserDeps } from '../browser-deps';
import { EmptyState } from '../components/empty-state';
import { t } from '../i18n';
import { BackupSection } from './backup-section';
import { createImportModel } from './import-model';
import { ImportSection } from './import-section';
import { KeychainSection } from './keychain-section';
import { ProfileFormView } from './profile-form';
import { ProfileList } from './profile-list';
import { createProfilesModel, type Notice } from './profiles-model';
import { RemindersSection } from './reminders-section';

function NoticeLine({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  if (notice.kind === 'saved') {
    return (
      <p class="notice ok" role="status">
        {t('profileSaved', notice.name)}
      </p>
    );
  }
  if (notice.kind === 'imported') {
    return (
      <p class="notice ok" role="status">
        {t('profilesImported', String(notice.count))}
      </p>
    );
  }
  if (notice.kind === 'permission-refused') {
    return (
      <p class="notice warning" role="alert">
        {t('permissionRefused', notice.name, notice.origins.join(', '))}
      </p>
    );
  }
  return (
    <p class="notice error" role="alert">
      {notice.error.code === 'KeychainLocked' ? t('hintKeychainLocked') : notice.error.message}
    </p>
  );
}

export default function ProfilesPanel() {
  const model = useMemo(() => createProfilesModel(browserDeps), []);
  const importer = useMemo(
    () =>
      createImportModel((count) => {
        model.notice.value = { kind: 'imported', count };
        void model.load();
      }),
    [model],
  );
  useEffect(() => {
    void model.load();
    return model.dispose;
  }, [model]);

  const view = model.view.value;
  const loadError = model.loadError.value && (
    <p class="notice error" role="alert">
      {t('backgroundUnavailable', model.loadError.value.message)}{' '}
      <button type="button" onClick={() => void model.load()}>
        {t('refresh')}
      </button>
    </p>
  );
  // Without profiles read yet there is nothing else to show; with them, a failed re-read keeps
  // the panel (and whatever the user is typing in its forms) on screen under the message.
  if (!view) return loadError || <p class="panel-status">{t('panelLoading')}</p>;

  return (
    <div class="profiles-panel">
      <div class="toolbar" role="toolbar" aria-label={t('profilesToolbar')}>
        <button type="button" class="primary" onClick={() => model.startAdd('aws')}>
          {t('addAwsProfile')}
        </button>
        <button type="button" class="primary" onClick={() => model.startAdd('eucalyptus')}>
          {t('addEucalyptusProfile')}
        </button>
        <button type="button" class="primary" onClick={() => model.startAdd('s3')}>
          {t('addS3Profile')}
        </button>
      </div>
      {loadError}
      <NoticeLine notice={model.notice.value} />
      <ProfileFormView model={model} />
      {view.profiles.length === 0 && !model.form.value ? (
        <EmptyState title={t('profilesEmptyTitle')} body={t('profilesEmptyBody')} />
      ) : (
        <ProfileList model={model} />
      )}
      <ImportSection model={importer} />
      <RemindersSection model={model} />
      <KeychainSection model={model} />
      <BackupSection model={model} />
    </div>
  );
}
