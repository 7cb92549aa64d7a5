// The properties dialog: an object's facts, and its headers and metadata to edit.

import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { ObjectHead } from '../../cloud/s3';
import { Dialog } from '../components/dialog';
import { ErrorMessage } from '../components/error-message';
import { TextField } from '../components/field';
import { type MessageKey, t } from '../i18n';
import {
  type HeaderField,
  hasProblems,
  type MetadataForm,
  type MetadataProblems,
  metadataForm,
  validateMetadata,
} from './metadata-ops';
import { formatBytes } from './s3-columns';
import type { S3Model } from './s3-model';

const HEADER_FIELDS: Array<[HeaderField, MessageKey, string]> = [
  ['contentType', 'objContentType', 'meta-content-type'],
  ['cacheControl', 'objCacheControl', 'meta-cache-control'],
  ['contentDisposition', 'objContentDisposition', 'meta-content-disposition'],
  ['contentEncoding', 'objContentEncoding', 'meta-content-encoding'],
];

const NO_PROBLEMS: MetadataProblems = { fields: {}, names: {}, values: {} };

export function MetadataDialog({
  model,
  objectKey,
  head,
}: {
  model: S3Model;
  objectKey: string;
  head: ObjectHead | null;
}) {
  return (
    <Dialog title={t('objPropertiesTitle', objectKey)} wide onClose={() => model.open(null)}>
      {head ? (
        <MetadataEditor model={model} objectKey={objectKey} head={head} />
      ) : (
        <>
          {!model.dialogError.value && <p class="muted">{t('loading')}</p>}
          {model.dialogError.value && <ErrorMessage error={model.dialogError.value} />}
          <div class="dialog-actions">
            <button type="button" onClick={() => model.open(null)}>
              {t('close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

/** One cell of the metadata table: its input, and the problem with it under it. */
function MetaCell(props: {
  label: string;
  value: string;
  problem: MessageKey | undefined;
  onValue: (value: string) => void;
}) {
  return (
    <td>
      <input
        type="text"
        spellcheck={false}
        aria-label={props.label}
        aria-invalid={props.problem ? true : undefined}
        value={props.value}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
      {props.problem && <p class="field-error">{t(props.problem)}</p>}
    </td>
  );
}

// Rendered once the head is known, so the form starts from what the object has.
function MetadataEditor({
  model,
  objectKey,
  head,
}: {
  model: S3Model;
  objectKey: string;
  head: ObjectHead;
}) {
  const [form, setForm] = useState<MetadataForm>(() => metadataForm(head));
  const [problems, setProblems] = useState<MetadataProblems>(NO_PROBLEMS);
  const [busy, setBusy] = useState(false);
  const rows = form.metadata;
  const setRow = (index: number, patch: Partial<MetadataForm['metadata'][number]>) =>
    setForm({ ...form, metadata: rows.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  const save = async () => {
    const found = validateMetadata(form);
    setProblems(found);
    if (hasProblems(found)) return;
    setBusy(true);
    setProblems((await model.saveProperties(objectKey, form)) ?? NO_PROBLEMS);
    setBusy(false);
  };
  const facts: Array<[MessageKey, string]> = [
    ['colSize', `${formatBytes(head.contentLength)} (${head.contentLength})`],
    ['colEtag', head.etag],
    ['colLastModified', head.lastModified ? new Date(head.lastModified).toLocaleString() : ''],
    ['colStorageClass', head.storageClass ?? 'STANDARD'],
  ];
  if (head.versionId) facts.push(['objVersionId', head.versionId]);
  return (
    <>
      <section class="details">
        <dl>
          {facts.map(([label, value]) => (
            <Fragment key={label}>
              <dt>{t(label)}</dt>
              <dd class="mono">{value}</dd>
            </Fragment>
          ))}
        </dl>
      </section>
      <fieldset>
        <legend>{t('objHeaders')}</legend>
        {HEADER_FIELDS.map(([field, label, id]) => (
          <TextField
            key={field}
            id={id}
            label={t(label)}
            value={form[field]}
            error={problems.fields[field] ? t(problems.fields[field]) : undefined}
            onValue={(value) => setForm({ ...form, [field]: value })}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('objMetadata')}</legend>
        {rows.length === 0 ? (
          <p class="muted">{t('objMetaNone')}</p>
        ) : (
          <table class="data-table metadata-table">
            <thead>
              <tr>
                <th>{t('colName')}</th>
                <th>{t('objMetaValue')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => {
                const nameProblem = problems.names[index];
                const valueProblem = problems.values[index];
                return (
                  <tr key={index}>
                    <MetaCell
                      label={t('objMetaNameOf', `${index + 1}`)}
                      value={row.name}
                      problem={nameProblem}
                      onValue={(name) => setRow(index, { name })}
                    />
                    <MetaCell
                      label={t('objMetaValueOf', `${index + 1}`)}
                      value={row.value}
                      problem={valueProblem}
                      onValue={(value) => setRow(index, { value })}
                    />
                    <td>
                      <button
                        type="button"
                        aria-label={t('objMetaRemove', `${index + 1}`)}
                        onClick={() =>
                          setForm({ ...form, metadata: rows.filter((_, i) => i !== index) })
                        }
                      >
                        {t('remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <button
          type="button"
          onClick={() => setForm({ ...form, metadata: [...rows, { name: '', value: '' }] })}
        >
          {t('objMetaAdd')}
        </button>
        {problems.metadata && (
          <p class="field-error" role="alert">
            {t(problems.metadata)}
          </p>
        )}
      </fieldset>
      <p class="muted">{t('objMetaHint')}</p>
      {model.dialogError.value && <ErrorMessage error={model.dialogError.value} />}
      <div class="dialog-actions">
        <button type="button" onClick={() => model.open(null)}>
          {t('cancel')}
        </button>
        <button type="button" class="primary" disabled={busy} onClick={() => void save()}>
          {t('save')}
        </button>
      </div>
    </>
  );
}
