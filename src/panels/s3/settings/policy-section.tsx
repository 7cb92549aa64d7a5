// The bucket policy: a JSON editor checked before sending (syntax with line and column, then the
// policy grammar's shape), two templates, deletion, and whether the policy makes the bucket public.

import { useEffect, useState } from 'preact/hooks';
import { grantsToEveryone, parseJson } from '../../../cloud/policy-check';
import {
  deleteBucketPolicy,
  getBucketPolicy,
  getBucketPolicyStatus,
  putBucketPolicy,
} from '../../../cloud/s3/bucket-policy';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { PolicyEditor, policyProblems, prettyPolicy } from '../../components/policy-editor';
import { t } from '../../i18n';
import { denyWithoutTlsStatement, publicReadStatement, withStatement } from './policy-templates';
import { SectionStatus } from './section-status';
import type { SectionProps } from './setting-section';
import { useSettingSection } from './use-setting-section';

interface SavedPolicy {
  text: string | null;
  /** S3's own verdict (AWS GetBucketPolicyStatus); null when not asked or not answered. */
  statusPublic: boolean | null;
}

/** An example prefix, a key fragment rather than words. */
const PREFIX_EXAMPLE = 'public/';

export function PolicySection({ bucket, at }: SectionProps) {
  const section = useSettingSection<SavedPolicy>(bucket, at, async ({ profile, signer }, name) => {
    const text = await getBucketPolicy(profile, signer, name);
    let statusPublic: boolean | null = null;
    if (text !== null && profile.kind === 'aws')
      // Only AWS has it, and a missing permission for it must not hide the policy itself.
      statusPublic = await getBucketPolicyStatus(profile, signer, name).catch(() => null);
    return { text, statusPublic };
  });
  const saved = section.value.value;
  const [draft, setDraft] = useState('');
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [prefix, setPrefix] = useState('');
  const [confirming, setConfirming] = useState(false);

  // The draft follows what the store holds until the user types.
  useEffect(() => {
    if (!dirty) setDraft(saved?.text ? prettyPolicy(saved.text) : '');
  }, [saved]);

  const readOnly = section.state.value !== 'ready';
  const busy = section.saving.value;
  const savedDoc = saved?.text ? parseJson(saved.text) : null;
  const isPublic =
    saved?.statusPublic === true ||
    (savedDoc?.ok === true &&
      typeof savedDoc.value === 'object' &&
      savedDoc.value !== null &&
      !Array.isArray(savedDoc.value) &&
      grantsToEveryone(savedDoc.value));

  const edit = (text: string) => {
    setDraft(text);
    setDirty(true);
    setProblems([]);
  };

  async function save() {
    const found = policyProblems(draft, 'bucket');
    setProblems(found);
    if (found.length > 0) return;
    if (
      await section.change(({ profile, signer }) => putBucketPolicy(profile, signer, bucket, draft))
    )
      setDirty(false);
  }

  return (
    <div class="policy-section">
      <SectionStatus section={section} what={t('s3PolicyWhat')} />
      {section.state.value === 'ready' && (
        <p class="muted">
          {saved?.text ? t('s3PolicySet') : t('s3PolicyNone')}{' '}
          {isPublic && (
            <span class="badge danger" title={t('s3PolicyPublicHint')}>
              {t('s3PolicyPublic')}
            </span>
          )}
        </p>
      )}
      <PolicyEditor
        id={`policy-${bucket}`}
        label={t('s3PolicyText')}
        value={draft}
        onInput={edit}
        problems={problems}
        readOnly={readOnly}
      />
      <div class="toolbar">
        <button type="button" disabled={readOnly || busy} onClick={() => void save()}>
          {t('s3PolicySave')}
        </button>
        <button
          type="button"
          class="danger"
          disabled={readOnly || busy || !saved?.text}
          onClick={() => setConfirming(true)}
        >
          {t('s3PolicyDelete')}
        </button>
      </div>
      <fieldset class="policy-templates" disabled={readOnly}>
        <legend>{t('s3PolicyTemplates')}</legend>
        <label for={`policy-prefix-${bucket}`}>{t('s3PolicyPrefix')}</label>
        <input
          id={`policy-prefix-${bucket}`}
          type="text"
          value={prefix}
          placeholder={PREFIX_EXAMPLE}
          onInput={(e) => setPrefix(e.currentTarget.value)}
        />
        <button
          type="button"
          onClick={() => edit(withStatement(draft, publicReadStatement(bucket, prefix)))}
        >
          {t('s3PolicyTemplatePublicRead')}
        </button>
        <button
          type="button"
          onClick={() => edit(withStatement(draft, denyWithoutTlsStatement(bucket)))}
        >
          {t('s3PolicyTemplateDenyNoTls')}
        </button>
      </fieldset>
      {confirming && (
        <ConfirmDialog
          title={t('s3PolicyDeleteTitle', bucket)}
          confirm={t('s3PolicyDelete')}
          error={section.error.value}
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            const done = await section.change(({ profile, signer }) =>
              deleteBucketPolicy(profile, signer, bucket),
            );
            if (done) {
              setDraft('');
              setDirty(false);
              setConfirming(false);
            }
          }}
        >
          <p>{t('s3PolicyDeleteBody', bucket)}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
