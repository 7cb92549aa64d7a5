// Default encryption: none, SSE-S3 (AES256), or SSE-KMS with a key (AWS profiles only: other
// stores have no KMS), and the bucket key.

import { useEffect, useState } from 'preact/hooks';
import {
  type BucketEncryption,
  deleteBucketEncryption,
  getBucketEncryption,
  putBucketEncryption,
} from '../../../cloud/s3/bucket-encryption';
import { Checkbox, TextField } from '../../components/field';
import { t } from '../../i18n';
import { SectionStatus } from './section-status';
import type { SectionProps } from './setting-section';
import { useSettingSection } from './use-setting-section';

type Choice = 'none' | 'AES256' | 'aws:kms';
// Option values are the wire names, not words for the user.
const NONE: Choice = 'none';
const SSE_S3: Choice = 'AES256';
const SSE_KMS: Choice = 'aws:kms';

interface SavedEncryption {
  encryption: BucketEncryption | null;
  kmsOffered: boolean;
}

export function EncryptionSection({ bucket, at }: SectionProps) {
  const section = useSettingSection<SavedEncryption>(
    bucket,
    at,
    async ({ profile, signer }, name) => ({
      encryption: await getBucketEncryption(profile, signer, name),
      kmsOffered: profile.kind === 'aws',
    }),
  );
  const saved = section.value.value;
  const [choice, setChoice] = useState<Choice>('none');
  const [keyId, setKeyId] = useState('');
  const [bucketKey, setBucketKey] = useState(false);

  useEffect(() => {
    const e = saved?.encryption;
    setChoice(e?.algorithm ?? 'none');
    setKeyId(e?.kmsKeyId ?? '');
    setBucketKey(e?.bucketKey ?? false);
  }, [saved]);

  const readOnly = section.state.value !== 'ready';
  const busy = section.saving.value;
  // A KMS setting made elsewhere is still shown on a store Cirrus offers no KMS for.
  const kms = saved?.kmsOffered === true || saved?.encryption?.algorithm === 'aws:kms';
  const id = `encryption-${bucket}`;

  function save() {
    void section.change(({ profile, signer }) =>
      choice === 'none'
        ? deleteBucketEncryption(profile, signer, bucket)
        : putBucketEncryption(profile, signer, bucket, {
            algorithm: choice,
            kmsKeyId: choice === 'aws:kms' ? keyId.trim() : '',
            bucketKey,
          }),
    );
  }

  return (
    <div class="encryption-section">
      <SectionStatus section={section} what={t('s3EncryptionWhat')} />
      <fieldset disabled={readOnly}>
        <label for={id}>{t('s3EncryptionType')}</label>
        <select id={id} value={choice} onChange={(e) => setChoice(e.currentTarget.value as Choice)}>
          <option value={NONE}>{t('s3EncryptionNone')}</option>
          <option value={SSE_S3}>{t('s3EncryptionSseS3')}</option>
          {kms && <option value={SSE_KMS}>{t('s3EncryptionSseKms')}</option>}
        </select>
        {choice === 'aws:kms' && (
          <TextField
            id={`${id}-key`}
            label={t('s3EncryptionKmsKey')}
            hint={t('s3EncryptionKmsKeyHint')}
            value={keyId}
            onValue={setKeyId}
          />
        )}
        {choice !== 'none' && (
          <Checkbox
            id={`${id}-bucket-key`}
            label={t('s3EncryptionBucketKey')}
            checked={bucketKey}
            onChecked={setBucketKey}
          />
        )}
      </fieldset>
      <div class="toolbar">
        <button type="button" disabled={readOnly || busy} onClick={save}>
          {t('s3EncryptionSave')}
        </button>
      </div>
    </div>
  );
}
