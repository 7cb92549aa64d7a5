// The copy/move and rename dialogs, with their progress and the keys that failed.

import { useState } from 'preact/hooks';
import { Dialog } from '../components/dialog';
import { Field, TextField } from '../components/field';
import { type MessageKey, t } from '../i18n';
import { entryName, folderPrefix } from './key-paths';
import type { ObjectDialog, TransferProgress } from './s3-dialog';
import type { S3Model } from './s3-model';
import { copyRefusal, renameProblem } from './transfer-plan';

export function Progress({ progress }: { progress: TransferProgress | null }) {
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
export function TransferActions(props: {
  model: S3Model;
  running: boolean;
  onCancel: () => void;
  onSubmit: () => Promise<void>;
  label: string;
  /** The action cannot run yet (something still to confirm). */
  disabled?: boolean;
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
        disabled={props.running || props.disabled}
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
      error={model.dialogError.value}
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
      error={model.dialogError.value}
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
    </Dialog>
  );
}
