// Object ownership (who owns uploaded objects; BucketOwnerEnforced turns ACLs off) and, read-only,
// what the bucket's ACL amounts to: private, public-read or custom.

import { useEffect, useState } from 'preact/hooks';
import { parseAcl } from '../../../cloud/s3/acl';
import { getBucketConfig } from '../../../cloud/s3/bucket-config';
import {
  deleteObjectOwnership,
  getObjectOwnership,
  OBJECT_OWNERSHIPS,
  type ObjectOwnership,
  putObjectOwnership,
} from '../../../cloud/s3/ownership-controls';
import { type MessageKey, t } from '../../i18n';
import { SectionStatus } from './section-status';
import type { SectionProps } from './setting-section';
import { useSettingSection } from './use-setting-section';

const OWNERSHIP: Record<ObjectOwnership, MessageKey> = {
  BucketOwnerEnforced: 's3OwnershipEnforced',
  BucketOwnerPreferred: 's3OwnershipPreferred',
  ObjectWriter: 's3OwnershipWriter',
};

const ACL: Record<'private' | 'public-read' | 'custom', MessageKey> = {
  private: 's3AclPrivate',
  'public-read': 's3AclPublicRead',
  custom: 's3AclCustom',
};

type Choice = ObjectOwnership | 'none';
const NONE: Choice = 'none';

export function OwnershipSection({ bucket, at }: SectionProps) {
  const section = useSettingSection<ObjectOwnership | 'none'>(
    bucket,
    at,
    async ({ profile, signer }, name) =>
      (await getObjectOwnership(profile, signer, name)) ?? 'none',
  );
  const acl = useSettingSection(bucket, at, async ({ profile, signer }, name) => {
    const got = await getBucketConfig(profile, signer, name, 'acl');
    return got ? parseAcl(got.text).canned : 'private';
  });
  const saved = section.value.value;
  const [choice, setChoice] = useState<Choice>('none');
  useEffect(() => {
    if (saved) setChoice(saved);
  }, [saved]);

  const readOnly = section.state.value !== 'ready';
  const busy = section.saving.value;
  const id = `ownership-${bucket}`;
  return (
    <div class="ownership-section">
      <SectionStatus section={section} what={t('s3OwnershipWhat')} />
      <fieldset disabled={readOnly}>
        <label for={id}>{t('s3Ownership')}</label>
        <select id={id} value={choice} onChange={(e) => setChoice(e.currentTarget.value as Choice)}>
          <option value={NONE}>{t('s3OwnershipNone')}</option>
          {OBJECT_OWNERSHIPS.map((o) => (
            <option key={o} value={o}>
              {t(OWNERSHIP[o])}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void section.change(async ({ profile, signer }) => {
              if (choice === 'none') await deleteObjectOwnership(profile, signer, bucket);
              else await putObjectOwnership(profile, signer, bucket, choice);
              void acl.reload();
            })
          }
        >
          {t('s3OwnershipSave')}
        </button>
      </fieldset>
      <h4>{t('s3AclState')}</h4>
      <SectionStatus section={acl} what={t('s3AclWhat')} />
      {acl.state.value === 'ready' && acl.value.value && (
        <p class="acl-state">
          <span class={acl.value.value === 'public-read' ? 'badge danger' : 'badge'}>
            {t(ACL[acl.value.value])}
          </span>
        </p>
      )}
    </div>
  );
}
