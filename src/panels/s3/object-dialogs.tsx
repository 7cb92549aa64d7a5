import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { ObjectHead } from '../../cloud/s3';
import { Dialog } from '../components/dialog';
import { ErrorMessage } from '../components/error-message';
import { Field, TextField } from '../components/field';
import { type MessageKey, t } from '../i18n';
import {
  type AclView,
  ALL_USERS,
  AUTHENTICATED_USERS,
  type GrantView,
  LOG_DELIVERY,
} from './acl-ops';
import { entryName, folderPrefix } from './key-paths';
import {
  type HeaderField,
  hasProblems,
  type MetadataForm,
  type MetadataProblems,
  metadataForm,
  validateMetadata,
} from './metadata-ops';
import type { ObjectDialog, TransferProgress } from './object-actions';
import { formatBytes } from './s3-columns';
import type { S3Model } from './s3-model';
import { copyRefusal, renameProblem } from './transfer-plan';

/** The toolbar's object actions, enabled by what is selected. */
export function ObjectButtons({ model, chosen }: { model: S3Model; chosen: string[] }) {
  const one = chosen.length === 1 ? chosen[0] : undefined;
  const oneObject = one !== undefined && !one.endsWith('/') ? one : undefined;
  return (
    <>
      <button
        type="button"
        disabled={chosen.length === 0}
        onClick={() => model.askCopy(chosen, false)}
      >
        {t('objCopyButton')}
      </button>
      <button
        type="button"
        disabled={chosen.length === 0}
        onClick={() => model.askCopy(chosen, true)}
      >
        {t('objMoveButton')}
      </button>
      <button type="button" disabled={!one} onClick={() => one && model.askRename(one)}>
        {t('objRenameButton')}
      </button>
      <button
        type="button"
        disabled={!oneObject}
        onClick={() => oneObject && void model.openProperties(oneObject)}
      >
        {t('objPropertiesButton')}
      </button>
      <button
        type="button"
        disabled={!oneObject}
        onClick={() => oneObject && void model.openPermissions(oneObject)}
      >
        {t('objPermissionsButton')}
      </button>
    </>
  );
}

/** Whichever object dialog is open. */
export function ObjectDialogs({ model }: { model: S3Model }) {
  const dialog = model.dialog.value;
  switch (dialog?.kind) {
    case 'copy':
      return <CopyMoveDialog model={model} dialog={dialog} />;
    case 'rename':
      return <RenameDialog model={model} dialog={dialog} />;
    case 'properties':
      return <MetadataDialog model={model} objectKey={dialog.key} head={dialog.head} />;
    case 'permissions':
      return <AclDialog model={model} dialog={dialog} />;
    default:
      return null;
  }
}

function Progress({ progress }: { progress: TransferProgress | null }) {
  if (!progress) return null;
  const { done, total, failures, running } = progress;
  return (
    <div class="transfer" role="status">
      {running && total === 0 ? (
        <p>{t('objListing')}</p>
      ) : (
        <p>
          <progress max={Math.max(total, 1)} value={done} />{' '}
          {t('objProgress', `${done}`, `${total}`)}
        </p>
      )}
      {!running && failures.length === 0 && done < total && <p>{t('objStopped')}</p>}
      {failures.length > 0 && (
        <>
          <p>{t('objFailures', `${failures.length}`)}</p>
          <ul class="transfer-failures">
            {failures.map((f) => (
              <li key={f.key}>
                <span class="mono">{f.key}</span>: <strong>{f.error.code}</strong> {f.error.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** A transfer dialog's buttons: Stop while it runs (Cancel before), and its action. */
function TransferActions(props: {
  model: S3Model;
  running: boolean;
  onCancel: () => void;
  onSubmit: () => Promise<void>;
  label: string;
}) {
  return (
    <>
      {props.running ? (
        <button type="button" onClick={() => props.model.stopTransfer()}>
          {t('objStop')}
        </button>
      ) : (
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      )}
      <button
        type="button"
        class="primary"
        disabled={props.running}
        onClick={() => void props.onSubmit()}
      >
        {props.label}
      </button>
    </>
  );
}

export function CopyMoveDialog({
  model,
  dialog,
}: {
  model: S3Model;
  dialog: Extract<ObjectDialog, { kind: 'copy' }>;
}) {
  const here = model.bucket.value ?? '';
  const [move, setMove] = useState(dialog.move);
  const [bucket, setBucket] = useState(here);
  const [folder, setFolder] = useState(model.prefix.value);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const running = dialog.progress?.running ?? false;
  const names = [...new Set([here, ...model.buckets.value.map((b) => b.name)])].sort();
  const close = () => (running ? undefined : model.open(null));
  const submit = async () => {
    const to = { bucket, prefix: folderPrefix(folder) };
    const refused = copyRefusal({ bucket: here, prefix: model.prefix.value }, dialog.keys, to);
    setProblem(refused);
    if (!refused) setProblem(await model.copyOrMove(dialog.keys, to, move));
  };
  return (
    <Dialog
      title={t('objCopyTitle', `${dialog.keys.length}`)}
      onClose={close}
      actions={
        <TransferActions
          model={model}
          running={running}
          onCancel={close}
          onSubmit={submit}
          label={move ? t('objMoveAction') : t('copy')}
        />
      }
    >
      <fieldset>
        <legend>{t('objMode')}</legend>
        <label>
          <input type="radio" name="copy-mode" checked={!move} onChange={() => setMove(false)} />
          {t('objModeCopy')}
        </label>{' '}
        <label>
          <input type="radio" name="copy-mode" checked={move} onChange={() => setMove(true)} />
          {t('objModeMove')}
        </label>
      </fieldset>
      <Field id="copy-bucket" label={t('objDestBucket')}>
        <select
          id="copy-bucket"
          value={bucket}
          onChange={(e) => {
            setBucket(e.currentTarget.value);
            setProblem(null);
          }}
        >
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </Field>
      <TextField
        id="copy-folder"
        label={t('objDestFolder')}
        hint={t('objDestFolderHint')}
        value={folder}
        error={problem ? t(problem) : undefined}
        onValue={(value) => {
          setFolder(value);
          setProblem(null);
        }}
      />
      <Progress progress={dialog.progress} />
      {model.dialogError.value && <ErrorMessage error={model.dialogError.value} />}
    </Dialog>
  );
}

export function RenameDialog({
  model,
  dialog,
}: {
  model: S3Model;
  dialog: Extract<ObjectDialog, { kind: 'rename' }>;
}) {
  const [name, setName] = useState(entryName(dialog.key));
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const running = dialog.progress?.running ?? false;
  const close = () => (running ? undefined : model.open(null));
  const submit = async () => {
    const found = renameProblem(dialog.key, name);
    setProblem(found);
    if (!found) setProblem(await model.rename(dialog.key, name));
  };
  return (
    <Dialog
      title={t('objRenameTitle', dialog.key)}
      onClose={close}
      actions={
        <TransferActions
          model={model}
          running={running}
          onCancel={close}
          onSubmit={submit}
          label={t('objRenameAction')}
        />
      }
    >
      <TextField
        id="rename-name"
        label={t('objNewName')}
        hint={dialog.key.endsWith('/') ? t('objRenameHint') : undefined}
        value={name}
        error={problem ? t(problem) : undefined}
        onValue={(value) => {
          setName(value);
          setProblem(null);
        }}
      />
      <Progress progress={dialog.progress} />
      {model.dialogError.value && <ErrorMessage error={model.dialogError.value} />}
    </Dialog>
  );
}

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

// Rendered once the head is known, so the form starts from what the object has.
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

const GROUPS: Record<string, MessageKey> = {
  [ALL_USERS]: 'objGroupAllUsers',
  [AUTHENTICATED_USERS]: 'objGroupAuthenticated',
  [LOG_DELIVERY]: 'objGroupLogDelivery',
};

const PERMISSIONS: Record<string, MessageKey> = {
  FULL_CONTROL: 'objPermFullControl',
  READ: 'objPermRead',
  WRITE: 'objPermWrite',
  READ_ACP: 'objPermReadAcp',
  WRITE_ACP: 'objPermWriteAcp',
};

const CANNED: Record<AclView['canned'], MessageKey> = {
  private: 'objAclPrivate',
  'public-read': 'objAclPublicRead',
  other: 'objAclOther',
};

function permissionName(permission: string): string {
  const key = PERMISSIONS[permission];
  return key ? t(key) : permission;
}

function granteeName(grant: GrantView): string {
  const group = grant.uri ? GROUPS[grant.uri] : undefined;
  return group ? t(group) : grant.grantee;
}

export function AclDialog({
  model,
  dialog,
}: {
  model: S3Model;
  dialog: Extract<ObjectDialog, { kind: 'permissions' }>;
}) {
  const { acl, off, applied } = dialog;
  const [choice, setChoice] = useState<'private' | 'public-read' | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = choice ?? (acl?.canned === 'public-read' ? 'public-read' : 'private');
  const error = model.dialogError.value;
  const apply = async () => {
    setBusy(true);
    await model.applyAcl(dialog.key, chosen);
    setBusy(false);
  };
  return (
    <Dialog
      title={t('objPermissionsTitle', dialog.key)}
      wide
      onClose={() => model.open(null)}
      actions={
        <button type="button" onClick={() => model.open(null)}>
          {t('close')}
        </button>
      }
    >
      {off && (
        <p class="notice warning" role="status">
          {t('objAclOff')}
        </p>
      )}
      {!off && !acl && !error && <p class="muted">{t('loading')}</p>}
      {!off && acl && (
        <>
          <section class="details">
            <dl>
              <dt>{t('colOwner')}</dt>
              <dd>
                {acl.owner}
                {acl.ownerId && acl.ownerId !== acl.owner && (
                  <span class="mono muted"> {acl.ownerId}</span>
                )}
              </dd>
            </dl>
          </section>
          {acl.grants.length === 0 ? (
            <p class="muted">{t('objAclNoGrants')}</p>
          ) : (
            <table class="data-table">
              <thead>
                <tr>
                  <th>{t('objGrantee')}</th>
                  <th>{t('objPermission')}</th>
                </tr>
              </thead>
              <tbody>
                {acl.grants.map((grant) => (
                  <tr key={`${grant.grantee}:${grant.permission}`}>
                    <td>
                      {granteeName(grant)}
                      {grant.kind === 'user' && grant.id && grant.id !== grant.grantee && (
                        <span class="mono muted"> {grant.id}</span>
                      )}
                    </td>
                    <td>{permissionName(grant.permission)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>{t('objAclMatches', t(CANNED[acl.canned]))}</p>
          <fieldset>
            <legend>{t('objAclSet')}</legend>
            <label>
              <input
                id="acl-private"
                type="radio"
                name="acl-canned"
                checked={chosen === 'private'}
                onChange={() => setChoice('private')}
              />
              {t('objAclSetPrivate')}
            </label>{' '}
            <label>
              <input
                id="acl-public-read"
                type="radio"
                name="acl-canned"
                checked={chosen === 'public-read'}
                onChange={() => setChoice('public-read')}
              />
              {t('objAclSetPublicRead')}
            </label>{' '}
            <button type="button" class="primary" disabled={busy} onClick={() => void apply()}>
              {t('objAclApply')}
            </button>
          </fieldset>
          {applied && (
            <p class="notice ok" role="status">
              {t('objAclApplied', applied)}
            </p>
          )}
        </>
      )}
      {error && <ErrorMessage error={error} />}
      {error?.code === 'AccessDenied' && chosen === 'public-read' && (
        <p class="muted">{t('objAclPublicBlocked')}</p>
      )}
    </Dialog>
  );
}
