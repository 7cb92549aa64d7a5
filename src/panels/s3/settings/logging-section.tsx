// Server access logging: the bucket that receives the logs and the prefix of their keys; off.

import { useEffect, useState } from 'preact/hooks';
import {
  type BucketLogging,
  getBucketLogging,
  putBucketLogging,
} from '../../../cloud/s3/bucket-logging';
import { validateBucketName } from '../../../cloud/s3/bucket-name';
import { TextField } from '../../components/field';
import { t } from '../../i18n';
import { SectionStatus } from './section-status';
import type { SectionProps } from './setting-section';
import { useSettingSection } from './use-setting-section';

export function LoggingSection({ bucket, at }: SectionProps) {
  const section = useSettingSection<BucketLogging | false>(
    bucket,
    at,
    async ({ profile, signer }, name) => (await getBucketLogging(profile, signer, name)) ?? false,
  );
  const saved = section.value.value;
  const [target, setTarget] = useState('');
  const [prefix, setPrefix] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (saved) {
      setTarget(saved.targetBucket);
      setPrefix(saved.targetPrefix);
    }
  }, [saved]);

  const readOnly = section.state.value !== 'ready';
  const busy = section.saving.value;
  function enable() {
    if (!target.trim()) {
      setProblem(t('s3LoggingTargetRequired'));
      return;
    }
    if (validateBucketName(target.trim()) !== undefined) {
      setProblem(t('s3LoggingTargetInvalid'));
      return;
    }
    setProblem(undefined);
    const to = { targetBucket: target.trim(), targetPrefix: prefix };
    void section.change(({ profile, signer }) => putBucketLogging(profile, signer, bucket, to));
  }

  return (
    <div class="logging-section">
      <SectionStatus section={section} what={t('s3LoggingWhat')} />
      {section.state.value === 'ready' && (
        <p class="muted">
          {saved ? t('s3LoggingOn', saved.targetBucket, saved.targetPrefix) : t('s3LoggingOff')}
        </p>
      )}
      <fieldset disabled={readOnly}>
        <TextField
          id={`logging-target-${bucket}`}
          label={t('s3LoggingTarget')}
          value={target}
          error={problem}
          onValue={(v) => {
            setTarget(v);
            setProblem(undefined);
          }}
        />
        <TextField
          id={`logging-prefix-${bucket}`}
          label={t('s3LoggingPrefix')}
          value={prefix}
          onValue={setPrefix}
        />
        <div class="toolbar">
          <button type="button" disabled={busy} onClick={enable}>
            {t('s3LoggingSave')}
          </button>
          <button
            type="button"
            disabled={busy || !saved}
            onClick={() =>
              void section.change(({ profile, signer }) =>
                putBucketLogging(profile, signer, bucket, null),
              )
            }
          >
            {t('s3LoggingDisable')}
          </button>
        </div>
      </fieldset>
    </div>
  );
}
