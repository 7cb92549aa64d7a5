// A bucket's Settings view: every section of settings-sections.ts, one under the other.

import { t } from '../../i18n';
import type { S3Model } from '../s3-model';
import { SETTINGS_SECTIONS } from './settings-sections';

export function BucketSettings({ model, bucket }: { model: S3Model; bucket: string }) {
  return (
    <div class="bucket-settings">
      <div class="toolbar">
        <button type="button" onClick={() => model.closeSettings()}>
          {t('s3SettingsBack')}
        </button>
        <h2>{t('s3SettingsOf', bucket)}</h2>
      </div>
      {SETTINGS_SECTIONS.map(({ id, title, Component }) => (
        <section key={`${bucket}/${id}`} class="settings-section" data-section={id}>
          <h3>{t(title)}</h3>
          <Component bucket={bucket} at={model.bucketAt} />
        </section>
      ))}
    </div>
  );
}
