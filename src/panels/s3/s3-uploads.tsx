// The upload area under the object list: each file's progress, the total, cancel and "Resume
// later"; the uploads kept from an earlier page; the upload options dialog.

import { useState } from 'preact/hooks';
import type { CannedAcl } from '../../cloud/s3';
import { Dialog } from '../components/dialog';
import { ErrorMessage } from '../components/error-message';
import { Field } from '../components/field';
import { t } from '../i18n';
import { formatBytes } from './s3-columns';
import type { S3Model } from './s3-model';
import type { Upload, UploadSettings } from './upload-queue';
import { metadataLines, parseMetadataLines } from './upload-settings';

function UploadRow({ upload, model }: { upload: Upload; model: S3Model }) {
  const seconds = upload.startedAt ? (Date.now() - upload.startedAt) / 1000 : 0;
  const thisSession = Math.max(0, upload.sent - upload.startedFrom);
  const rate = seconds > 0 ? thisSession / seconds : 0;
  const left = rate > 0 ? Math.round((upload.size - upload.sent) / rate) : 0;
  const percent = upload.size ? Math.floor((upload.sent / upload.size) * 100) : 100;
  const active = upload.state === 'queued' || upload.state === 'sending';
  return (
    <li class={`upload ${upload.state}`}>
      <progress max={100} value={percent} aria-label={upload.key} />{' '}
      <span>
        {t(
          `upload_${upload.state}`,
          upload.key,
          `${percent}`,
          `${formatBytes(rate)}/s`,
          String(left),
        )}
      </span>
      {upload.error && <ErrorMessage error={upload.error} />}
      {active && (
        <button type="button" onClick={() => model.cancel(upload.id)}>
          {t('cancel')}
        </button>
      )}
      {upload.state === 'sending' && upload.uploadId && (
        <button type="button" onClick={() => model.resumeLater(upload.id)}>
          {t('s3ResumeLater')}
        </button>
      )}
      {upload.state === 'paused' && upload.uploadId && (
        <button
          type="button"
          aria-label={t('s3DiscardNamed', upload.key)}
          onClick={() =>
            upload.uploadId &&
            void model.discard({
              uploadId: upload.uploadId,
              bucket: upload.target.bucket,
              key: upload.key,
            })
          }
        >
          {t('s3Discard')}
        </button>
      )}
    </li>
  );
}

export function UploadList({ model }: { model: S3Model }) {
  const uploads = model.uploads.value;
  if (uploads.length === 0) return null;
  const totalSize = uploads.reduce((n, u) => n + u.size, 0);
  const totalSent = uploads.reduce((n, u) => n + u.sent, 0);
  return (
    <section class="uploads" aria-label={t('s3Uploads')}>
      <p role="status">
        {t('s3UploadTotal', formatBytes(totalSent), formatBytes(totalSize))}{' '}
        {model.busy.value && (
          <button type="button" onClick={() => model.cancel()}>
            {t('s3CancelAll')}
          </button>
        )}
      </p>
      <ul>
        {uploads.map((u) => (
          <UploadRow key={u.id} upload={u} model={model} />
        ))}
      </ul>
    </section>
  );
}

/** Multipart uploads left by an earlier page ("Resume later", or a page that was closed). */
export function ToResume({ model }: { model: S3Model }) {
  const kept = model.toResume.value;
  if (kept.length === 0) return null;
  return (
    <section class="uploads to-resume" aria-label={t('s3ToResumeTitle')}>
      <h3>{t('s3ToResumeTitle')}</h3>
      <p class="muted">{t('s3ToResumeHint')}</p>
      <ul>
        {kept.map((u) => (
          <li key={u.uploadId}>
            {t('s3ToResumeItem', u.key, u.bucket, String(u.partsDone), String(u.partsTotal))}{' '}
            <button
              type="button"
              aria-label={t('s3DiscardNamed', u.key)}
              onClick={() => void model.discard(u)}
            >
              {t('s3Discard')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

const ACLS: CannedAcl[] = [
  'private',
  'public-read',
  'authenticated-read',
  'bucket-owner-full-control',
];

/** A line saying what the next uploads will carry, when anything. */
export function uploadSettingsSummary(settings: UploadSettings): string {
  const parts: string[] = [];
  if (settings.acl) parts.push(settings.acl);
  const count = Object.keys(settings.metadata).length;
  if (count) parts.push(t('s3MetadataCount', String(count)));
  return parts.length ? t('s3UploadOptionsSummary', parts.join(', ')) : '';
}

export function UploadOptionsDialog({ model }: { model: S3Model }) {
  const now = model.uploadSettings.value;
  const [acl, setAcl] = useState<CannedAcl | ''>(now.acl);
  const [text, setText] = useState(metadataLines(now.metadata));
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const save = () => {
    const parsed = parseMetadataLines(text);
    if (!parsed.ok) {
      setProblem(t('s3BadMetadataLine', String(parsed.line)));
      return;
    }
    model.uploadSettings.value = { acl, metadata: parsed.metadata };
    model.open(null);
  };
  return (
    <Dialog
      title={t('s3UploadOptions')}
      onClose={() => model.open(null)}
      actions={
        <>
          <button type="button" onClick={() => model.open(null)}>
            {t('cancel')}
          </button>
          <button type="button" class="primary" onClick={save}>
            {t('save')}
          </button>
        </>
      }
    >
      <Field id="upload-acl" label={t('s3AclLabel')}>
        <select
          id="upload-acl"
          value={acl}
          onChange={(e) => setAcl(e.currentTarget.value as CannedAcl | '')}
        >
          <option value="">{t('s3AclNone')}</option>
          {ACLS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </Field>
      <Field id="upload-metadata" label={t('s3MetadataLabel')} error={problem}>
        <textarea
          id="upload-metadata"
          rows={4}
          value={text}
          spellcheck={false}
          aria-invalid={problem ? true : undefined}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setProblem(undefined);
          }}
        />
      </Field>
    </Dialog>
  );
}
