// The public access block (AWS only): four switches that override public ACLs and policies.

import { useEffect, useState } from 'preact/hooks';
import { CloudError } from '../../../cloud/errors';
import {
  deletePublicAccessBlock,
  getPublicAccessBlock,
  NO_PUBLIC_ACCESS_BLOCK,
  PUBLIC_ACCESS_SWITCHES,
  type PublicAccessBlock,
  type PublicAccessSwitch,
  putPublicAccessBlock,
} from '../../../cloud/s3/public-access-block';
import { Checkbox } from '../../components/field';
import { type MessageKey, t } from '../../i18n';
import { SectionStatus } from './section-status';
import type { SectionProps } from './setting-section';
import { useSettingSection } from './use-setting-section';

const LABEL: Record<PublicAccessSwitch, MessageKey> = {
  BlockPublicAcls: 's3BlockPublicAcls',
  IgnorePublicAcls: 's3IgnorePublicAcls',
  BlockPublicPolicy: 's3BlockPublicPolicy',
  RestrictPublicBuckets: 's3RestrictPublicBuckets',
};

export function PublicAccessSection({ bucket, at }: SectionProps) {
  const section = useSettingSection<PublicAccessBlock | false>(
    bucket,
    at,
    async ({ profile, signer }, name) => {
      // Only AWS has it; other stores answer it unpredictably (s3rver even creates a bucket).
      if (profile.kind !== 'aws')
        throw new CloudError({
          code: 'NotImplemented',
          message: 'Public access block is AWS only',
          status: 501,
        });
      return (await getPublicAccessBlock(profile, signer, name)) ?? false;
    },
  );
  const saved = section.value.value;
  const [block, setBlock] = useState<PublicAccessBlock>(NO_PUBLIC_ACCESS_BLOCK);
  useEffect(() => {
    if (saved !== null) setBlock(saved || NO_PUBLIC_ACCESS_BLOCK);
  }, [saved]);

  const readOnly = section.state.value !== 'ready';
  const busy = section.saving.value;
  return (
    <div class="public-access-section">
      <SectionStatus section={section} what={t('s3PublicAccessWhat')} />
      {section.state.value === 'ready' && saved === false && (
        <p class="muted">{t('s3PublicAccessNone')}</p>
      )}
      <fieldset disabled={readOnly}>
        {PUBLIC_ACCESS_SWITCHES.map((s) => (
          <Checkbox
            key={s}
            id={`${s}-${bucket}`}
            label={t(LABEL[s])}
            checked={block[s]}
            onChecked={(on) => setBlock({ ...block, [s]: on })}
          />
        ))}
      </fieldset>
      <div class="toolbar">
        <button
          type="button"
          disabled={readOnly || busy}
          onClick={() =>
            void section.change(({ profile, signer }) =>
              PUBLIC_ACCESS_SWITCHES.some((s) => block[s])
                ? putPublicAccessBlock(profile, signer, bucket, block)
                : deletePublicAccessBlock(profile, signer, bucket),
            )
          }
        >
          {t('s3PublicAccessSave')}
        </button>
      </div>
    </div>
  );
}
