import { useEffect, useMemo, useState } from 'preact/hooks';
import { validateBucketName } from '../../cloud/s3';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Dialog } from '../components/dialog';
import { EmptyState } from '../components/empty-state';
import { ErrorMessage } from '../components/error-message';
import { TextField } from '../components/field';
import { VirtualTable } from '../components/virtual-table';
import { t } from '../i18n';
import { droppedFiles } from './drop';
import { ObjectButtons, ObjectDialogs } from './object-dialogs';
import { entryColumns, formatBytes } from './s3-columns';
import { DeleteBucketDialog, ShareDialog } from './s3-dialogs';
import { createS3Model, type S3Model, type Upload } from './s3-model';
import './s3.css';

function NameDialog(props: {
  model: S3Model;
  title: string;
  label: string;
  check: (name: string) => string | undefined;
  onSubmit: (name: string) => Promise<void>;
}) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const submit = () => {
    const found = props.check(name.trim());
    setProblem(found);
    if (!found) void props.onSubmit(name.trim());
  };
  return (
    <Dialog
      title={props.title}
      onClose={() => props.model.open(null)}
      actions={
        <>
          <button type="button" onClick={() => props.model.open(null)}>
            {t('cancel')}
          </button>
          <button type="button" class="primary" onClick={submit}>
            {t('create')}
          </button>
        </>
      }
    >
      <TextField
        id="s3-name"
        label={props.label}
        value={name}
        error={problem}
        onValue={(value) => {
          setName(value);
          setProblem(undefined);
        }}
      />
      {props.model.dialogError.value && <ErrorMessage error={props.model.dialogError.value} />}
    </Dialog>
  );
}

function UploadRow({ upload, model }: { upload: Upload; model: S3Model }) {
  const seconds = upload.startedAt ? (Date.now() - upload.startedAt) / 1000 : 0;
  const rate = seconds > 0 ? upload.sent / seconds : 0;
  const left = rate > 0 ? Math.round((upload.size - upload.sent) / rate) : 0;
  const percent = upload.size ? Math.floor((upload.sent / upload.size) * 100) : 100;
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
      {(upload.state === 'queued' || upload.state === 'sending') && (
        <button type="button" onClick={() => model.cancel(upload.id)}>
          {t('cancel')}
        </button>
      )}
    </li>
  );
}

export default function S3Panel() {
  const model = useMemo(() => createS3Model(), []);
  useEffect(() => model.dispose, [model]);
  const columns = useMemo(() => entryColumns(), []);
  const [dragging, setDragging] = useState(false);
  // Closing the page mid-upload would cut the uploads off: the browser asks first.
  useEffect(() => {
    const guard = (e: BeforeUnloadEvent) => {
      if (model.busy.value) e.preventDefault();
    };
    addEventListener('beforeunload', guard);
    return () => removeEventListener('beforeunload', guard);
  }, [model]);

  if (!model.profile.value) {
    return (
      <EmptyState title={t('s3EmptyTitle')} body={t('s3EmptyBody')} hint={t('emptyNeedsProfile')} />
    );
  }
  const bucket = model.bucket.value;
  const dialog = model.dialog.value;
  const chosen = [...model.selected.value];
  const chosenObjects = chosen.filter((k) => !k.endsWith('/'));
  const crumbs = model.prefix.value.split('/').filter(Boolean);
  const uploads = model.uploads.value;
  const totalSize = uploads.reduce((n, u) => n + u.size, 0);
  const totalSent = uploads.reduce((n, u) => n + u.sent, 0);

  return (
    <section class="resource-panel" aria-label={t('tabS3')}>
      <div class="toolbar">
        <nav class="breadcrumb" aria-label={t('s3Location')}>
          <button type="button" onClick={() => model.closeBucket()}>
            {t('s3Buckets')}
          </button>
          {bucket && (
            <>
              {' / '}
              <button type="button" onClick={() => model.openPrefix('')}>
                {bucket}
              </button>
            </>
          )}
          {crumbs.map((crumb, i) => (
            <span key={crumbs.slice(0, i + 1).join('/')}>
              {' / '}
              <button
                type="button"
                onClick={() => model.openPrefix(`${crumbs.slice(0, i + 1).join('/')}/`)}
              >
                {crumb}
              </button>
            </span>
          ))}
        </nav>
        <button type="button" onClick={() => void model.refresh()}>
          {t('refresh')}
        </button>
        {!bucket && (
          <button
            type="button"
            class="primary"
            onClick={() => model.open({ kind: 'create-bucket' })}
          >
            {t('s3CreateBucket')}
          </button>
        )}
        {bucket && (
          <>
            <label class="switcher search-label">
              <span>{t('searchLabel')}</span>
              <input
                class="search"
                type="search"
                value={model.query.value}
                onInput={(e) => (model.query.value = e.currentTarget.value)}
              />
            </label>
            <label class="button-like">
              {t('s3UploadFiles')}
              <input
                type="file"
                multiple
                hidden
                onChange={(e) =>
                  model.upload(
                    [...(e.currentTarget.files ?? [])].map((file) => ({ file, relativePath: '' })),
                  )
                }
              />
            </label>
            <button type="button" onClick={() => model.open({ kind: 'create-folder' })}>
              {t('s3CreateFolder')}
            </button>
            <button
              type="button"
              disabled={chosenObjects.length === 0}
              onClick={() => void model.download(chosenObjects)}
            >
              {t('s3Download')}
            </button>
            <button
              type="button"
              disabled={chosenObjects.length !== 1}
              onClick={() =>
                chosenObjects[0] && model.open({ kind: 'share', key: chosenObjects[0], url: null })
              }
            >
              {t('shareLinkButton')}
            </button>
            <ObjectButtons model={model} chosen={chosen} />
            <button
              type="button"
              class="danger"
              disabled={chosen.length === 0}
              onClick={() => void model.askDelete(chosen)}
            >
              {t('delete')}
            </button>
          </>
        )}
      </div>
      {model.error.value && <ErrorMessage error={model.error.value} />}
      {!bucket ? (
        <ul class="bucket-list">
          {model.buckets.value.map((b) => (
            <li key={b.name}>
              <button type="button" onClick={() => model.openBucket(b.name)}>
                {b.name}
              </button>{' '}
              <span class="muted">{new Date(b.creationDate).toLocaleString()}</span>{' '}
              <button
                type="button"
                class="danger"
                onClick={() => void model.askDeleteBucket(b.name)}
              >
                {t('bucketDeleteNamed', b.name)}
              </button>
            </li>
          ))}
          {model.buckets.value.length === 0 && <li class="muted">{t('s3NoBuckets')}</li>}
        </ul>
      ) : (
        // biome-ignore lint/a11y/noStaticElementInteractions: a drop zone; the file picker is the keyboard way
        <div
          class={dragging ? 'drop-target active' : 'drop-target'}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            if (e.dataTransfer)
              void droppedFiles(e.dataTransfer).then((files) => model.upload(files));
          }}
        >
          <VirtualTable
            label={t('s3Objects')}
            rows={model.filtered.value}
            columns={columns}
            rowKey={(e) => e.key}
            selected={model.selected.value}
            onSelect={(keys) => (model.selected.value = keys)}
            onOpen={(e) =>
              e.kind === 'folder' ? model.openPrefix(e.key) : void model.download([e.key])
            }
          />
          <p class="muted">{model.loading.value ? t('loading') : t('s3DropHint')}</p>
        </div>
      )}
      {uploads.length > 0 && (
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
      )}
      {dialog?.kind === 'create-bucket' && (
        <NameDialog
          model={model}
          title={t('s3CreateBucket')}
          label={t('s3BucketName')}
          check={(name) => (validateBucketName(name) ? t('s3BadBucketName') : undefined)}
          onSubmit={(name) => model.createBucket(name)}
        />
      )}
      {dialog?.kind === 'create-folder' && (
        <NameDialog
          model={model}
          title={t('s3CreateFolder')}
          label={t('s3FolderName')}
          check={(name) => (!name || name.includes('/') ? t('s3BadFolderName') : undefined)}
          onSubmit={(name) => model.createFolder(name)}
        />
      )}
      <ObjectDialogs model={model} />
      {dialog?.kind === 'share' && (
        <ShareDialog model={model} objectKey={dialog.key} url={dialog.url} />
      )}
      {dialog?.kind === 'delete-bucket' && (
        <DeleteBucketDialog model={model} name={dialog.name} keys={dialog.keys} />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('delete')}
          confirm={dialog.count === null ? t('loading') : t('s3DeleteYes', String(dialog.count))}
          onConfirm={() =>
            dialog.count === null ? Promise.resolve() : model.deleteKeys(dialog.keys)
          }
          onClose={() => model.open(null)}
          error={model.dialogError.value}
        >
          <p>
            {dialog.count === null ? t('s3Counting') : t('s3DeleteConfirm', String(dialog.count))}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
