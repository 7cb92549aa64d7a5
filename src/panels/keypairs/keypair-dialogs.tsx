import { useState } from 'preact/hooks';
import type { CreatedKeyPair } from '../../cloud/ec2';
import type { CloudErrorData } from '../../cloud/errors';
import { ConfirmListDialog } from '../components/confirm-list-dialog';
import { Dialog } from '../components/dialog';
import { ErrorMessage } from '../components/error-message';
import { Field, TextField } from '../components/field';
import { t } from '../i18n';
import { type KeyPairsModel, savePem } from './keypairs-model';
import { checkPublicKey, keyNameFromFile, keyNameProblem } from './public-key';

function Actions(props: { onCancel: () => void; onOk: () => void; ok: string; busy: boolean }) {
  return (
    <>
      <button type="button" onClick={props.onCancel}>
        {t('cancel')}
      </button>
      <button type="button" class="primary" disabled={props.busy} onClick={props.onOk}>
        {props.ok}
      </button>
    </>
  );
}

export function CreateKeyPairDialog({ model }: { model: KeyPairsModel }) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    const found = keyNameProblem(name, model.names());
    setProblem(found && t(found));
    if (found) return;
    setBusy(true);
    await model.create(name.trim());
    setBusy(false);
  }
  return (
    <Dialog
      title={t('keyPairCreateTitle')}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      actions={
        <Actions
          onCancel={() => model.open(null)}
          onOk={() => void submit()}
          ok={t('create')}
          busy={busy}
        />
      }
    >
      <TextField
        id="keypair-name"
        label={t('keyPairName')}
        value={name}
        onValue={(v) => {
          setName(v);
          setProblem(null);
        }}
        error={problem ?? undefined}
      />
      <p class="notice warning">{t('keyPairCreateNote')}</p>
    </Dialog>
  );
}

export function ImportKeyPairDialog({ model }: { model: KeyPairsModel }) {
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<{ name?: string; key?: string }>({});
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);

  async function readFile(file: File | undefined) {
    if (!file) return;
    setText(await file.text());
    if (!name.trim()) setName(keyNameFromFile(file.name));
    setProblems({});
  }
  async function submit() {
    const nameProblem = keyNameProblem(name, model.names());
    const key = checkPublicKey(text);
    const next: { name?: string; key?: string } = {};
    if (nameProblem) next.name = t(nameProblem);
    if (!key.ok) next.key = t(key.problem);
    setProblems(next);
    if (!key.ok || nameProblem) return;
    setBusy(true);
    await model.import(name.trim(), key.line);
    setBusy(false);
  }
  return (
    <Dialog
      title={t('keyPairImportTitle')}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      actions={
        <Actions
          onCancel={() => model.open(null)}
          onOk={() => void submit()}
          ok={t('importKey')}
          busy={busy}
        />
      }
    >
      <TextField
        id="keypair-import-name"
        label={t('keyPairName')}
        value={name}
        onValue={(v) => {
          setName(v);
          setProblems({ ...problems, name: undefined });
        }}
        error={problems.name}
      />
      <Field
        id="keypair-public-key"
        label={t('publicKey')}
        hint={t('publicKeyHint')}
        error={problems.key}
      >
        <textarea
          id="keypair-public-key"
          class={dragging ? 'drop-zone active' : 'drop-zone'}
          rows={5}
          spellcheck={false}
          value={text}
          placeholder={t('publicKeyPlaceholder')}
          aria-invalid={problems.key ? true : undefined}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setProblems({ ...problems, key: undefined });
          }}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void readFile(e.dataTransfer?.files[0]);
          }}
        />
      </Field>
      <Field id="keypair-public-key-file" label={t('publicKeyFile')}>
        <input
          id="keypair-public-key-file"
          type="file"
          accept=".pub,text/plain"
          onChange={(e) => void readFile(e.currentTarget.files?.[0])}
        />
      </Field>
    </Dialog>
  );
}

export function DeleteKeyPairsDialog({ model, names }: { model: KeyPairsModel; names: string[] }) {
  return (
    <ConfirmListDialog
      title={t('keyPairDeleteTitle')}
      confirm={t('keyPairDeleteYes', String(names.length))}
      onConfirm={() => model.remove(names)}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      question={t('keyPairDeleteConfirm')}
      items={names}
    />
  );
}

/** The key was created but the download failed: shown once, to copy or save again, never kept. */
export function UnsavedKeyDialog(props: {
  model: KeyPairsModel;
  created: CreatedKeyPair;
  error: CloudErrorData;
}) {
  const { model, created } = props;
  const [error, setError] = useState<CloudErrorData | null>(props.error);
  const [copied, setCopied] = useState(false);
  return (
    <Dialog
      title={t('keyPairNotSavedTitle', created.keyName)}
      wide
      onClose={() => model.open(null)}
      actions={
        <>
          <button
            type="button"
            onClick={() =>
              void savePem(created.keyName, created.keyMaterial).then(
                () => model.open(null),
                (e: Error) => setError({ code: 'DownloadFailed', message: e.message }),
              )
            }
          >
            {t('saveAgain')}
          </button>
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard.writeText(created.keyMaterial).then(() => setCopied(true))
            }
          >
            {copied ? t('copied') : t('copy')}
          </button>
          <button type="button" onClick={() => model.open(null)}>
            {t('close')}
          </button>
        </>
      }
    >
      {error && <ErrorMessage error={error} />}
      <p>{t('keyPairNotSavedBody')}</p>
      <textarea readOnly rows={10} aria-label={t('privateKey')} value={created.keyMaterial} />
    </Dialog>
  );
}
