// The Versioning section of a bucket's settings: its state, Enable and Suspend. S3 has no way back
// to "unversioned", so there is no Disable button, and the section says why.

import { useEffect, useMemo } from 'preact/hooks';
import type { VersioningStatus } from '../../../cloud/s3';
import { type MessageKey, t } from '../../i18n';
import { SectionStatus } from './section-status';
import type { BucketAt } from './setting-section';
import { createVersioningSetting } from './versioning-setting';

const STATUS: Record<VersioningStatus, MessageKey> = {
  Unversioned: 's3VersioningUnversioned',
  Enabled: 's3VersioningEnabled',
  Suspended: 's3VersioningSuspended',
};

// SectionProps' shape, written out: importing it from the registry would be an import cycle.
export function VersioningSection({ bucket, at }: { bucket: string; at: BucketAt }) {
  const section = useMemo(() => createVersioningSetting(bucket, at), [bucket, at]);
  useEffect(() => () => section.dispose(), [section]);
  const value = section.value.value;
  const state = section.state.value;
  const readOnly = state === 'unsupported' || state === 'loading' || section.saving.value;
  const status = value?.status;
  return (
    <div class="versioning-section">
      <SectionStatus section={section} what={t('s3VersioningWhat')} />
      {status && (
        <p>
          {t('s3VersioningState')} <strong data-versioning={status}>{t(STATUS[status])}</strong>
        </p>
      )}
      {value?.mfaDelete && <p class="muted">{t('s3VersioningMfaDelete', value.mfaDelete)}</p>}
      <p class="muted">{t('s3VersioningNoOff')}</p>
      <div class="actions">
        <button
          type="button"
          disabled={readOnly || !value || status === 'Enabled'}
          onClick={() => void section.enable()}
        >
          {t('s3VersioningEnable')}
        </button>
        <button
          type="button"
          disabled={readOnly || !value || status !== 'Enabled'}
          onClick={() => void section.suspend()}
        >
          {t('s3VersioningSuspend')}
        </button>
      </div>
    </div>
  );
}
