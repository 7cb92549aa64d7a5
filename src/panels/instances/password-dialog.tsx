import { useRef, useState } from 'preact/hooks';
import {
  decryptWindowsPassword,
  type Instance,
  passwordReady,
  type WindowsPasswordRefusal,
} from '../../cloud/ec2';
import { Dialog } from '../components/dialog';
import { Field } from '../components/field';
import { type MessageKey, t } from '../i18n';
import { copyText } from '../ssh-text';
import type { InstancesModel } from './instances-model';
import { passwordUnsupported } from './password-model';

type Problem = WindowsPasswordRefusal | 'too-big';

const PROBLEM_TEXT: Record<Problem, MessageKey> = {
  empty: 'winpwKeyEmpty',
  'not-pem': 'winpwNotPem',
  'too-big': 'winpwNotPem',
  'public-key': 'winpwPublicKey',
  encrypted: 'winpwEncrypted',
  openssh: 'winpwOpenssh',
  putty: 'winpwPutty',
  'not-rsa': 'winpwNotRsa',
  damaged: 'winpwDamaged',
  'wrong-key': 'winpwWrongKey',
  'bad-data': 'winpwBadData',
  'not-ready': 'winpwNotReady',
};

const passwordAttributes = {
  id: 'winpw-password',
  class: 'mono winpw-password-input',
  readOnly: true,
  autoComplete: 'off',
  spellcheck: false,
};

// A PEM RSA key of 16384 bits is about 12 KB; anything far bigger is some other file.
const MAX_KEY_FILE = 256 * 1024;

/**
 * Decrypts the password with a private key the user pastes, drops or picks. The key lives only in
 * this component's state: never in the model, storage or a message to the background, never
 * logged, and dropped as soon as the password is decrypted or the dialog closes.
 */
export function WindowsPasswordDialog({
  model,
  instance,
}: {
  model: InstancesModel;
  instance: Instance;
}) {
  const open = model.dialog.value;
  const data = open?.kind === 'password' ? open.data : null;
  const error = model.dialogError.value;
  const [keyText, setKeyText] = useState('');
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [password, setPassword] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState<boolean | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const ready = data !== null && passwordReady(data);

  function forgetKey() {
    setKeyText('');
    if (fileInput.current) fileInput.current.value = '';
  }
  function close() {
    forgetKey();
    setPassword(null);
    model.open(null);
  }
  function decrypt(pem: string) {
    if (!data) return;
    const result = decryptWindowsPassword(data.passwordData, pem);
    if (result.ok) {
      forgetKey();
      setProblem(null);
      setPassword(result.password);
    } else {
      setProblem(result.reason);
    }
  }
  async function readKeyFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_KEY_FILE) return setProblem('too-big');
    // The file's text goes straight to decryption; it is not put on screen.
    decrypt(await file.text());
  }
  async function copy() {
    if (password !== null) setCopied(await copyText(password));
  }

  return (
    <Dialog
      title={t('winpwTitle', instance.instanceId)}
      onClose={close}
      error={error}
      actions={
        <>
          {((data && !ready) || (error && !passwordUnsupported(error))) && (
            <button type="button" onClick={() => void model.showPassword(instance.instanceId)}>
              {t('winpwRetry')}
            </button>
          )}
          {ready && password === null && (
            <button type="button" class="primary" onClick={() => decrypt(keyText)}>
              {t('winpwDecrypt')}
            </button>
          )}
          <button type="button" onClick={close}>
            {t('close')}
          </button>
        </>
      }
    >
      {instance.platform.toLowerCase() !== 'windows' && (
        <p class="notice warning">{t('winpwNotWindows')}</p>
      )}
      {instance.keyName && <p>{t('winpwKeyPair', instance.keyName)}</p>}
      {passwordUnsupported(error) && <p>{t('winpwUnsupported')}</p>}
      {!data && !error && <p class="muted">{t('loading')}</p>}
      {data && !ready && (
        <p class="notice" role="status">
          {t('winpwNotReady')}
        </p>
      )}
      {ready && password === null && (
        <>
          <Field
            id="winpw-key"
            label={t('winpwKeyLabel')}
            hint={t('winpwKeyHint')}
            error={problem ? t(PROBLEM_TEXT[problem]) : undefined}
          >
            <textarea
              id="winpw-key"
              class={dragging ? 'drop-zone active' : 'drop-zone'}
              rows={6}
              spellcheck={false}
              autoComplete="off"
              value={keyText}
              placeholder={t('winpwKeyPlaceholder')}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? 'winpw-key-hint winpw-key-error' : 'winpw-key-hint'}
              onInput={(e) => {
                setKeyText(e.currentTarget.value);
                setProblem(null);
              }}
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(e) => {
                e.preventDefault();
                setDragging(false);
                void readKeyFile(e.dataTransfer?.files[0]);
              }}
            />
          </Field>
          <Field id="winpw-key-file" label={t('winpwKeyFile')}>
            <input
              id="winpw-key-file"
              ref={fileInput}
              type="file"
              accept=".pem,.key,text/plain,application/x-pem-file"
              onChange={(e) => void readKeyFile(e.currentTarget.files?.[0])}
            />
          </Field>
        </>
      )}
      {password !== null && (
        <>
          <Field id="winpw-password" label={t('winpwPassword')}>
            <span class="winpw-password">
              {shown ? (
                <input type="text" {...passwordAttributes} value={password} />
              ) : (
                <input type="password" {...passwordAttributes} value={password} />
              )}
              <button type="button" aria-pressed={shown} onClick={() => setShown(!shown)}>
                {shown ? t('winpwHide') : t('winpwShow')}
              </button>
              <button type="button" onClick={() => void copy()}>
                {copied ? t('copied') : t('copy')}
              </button>
            </span>
          </Field>
          {copied === false && (
            <p class="notice warning" role="status">
              {t('winpwCopyRefused')}
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}
