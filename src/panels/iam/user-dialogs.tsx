// The Users view's own dialogs: a new access key (its secret shown once, hidden until asked,
// savable as a profile) and a password to set.

import { useState } from 'preact/hooks';
import type { CloudErrorData } from '../../cloud/errors';
import type { CreatedAccessKey } from '../../cloud/iam';
import { Dialog, DialogActions } from '../components/dialog';
import { Checkbox, TextField } from '../components/field';
import { t } from '../i18n';
import { copyText } from '../ssh-text';

export function NewKeyDialog(props: {
  created: CreatedAccessKey;
  error: CloudErrorData | null;
  onSaveProfile: (name: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { created } = props;
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState<boolean | null>(null);
  const [name, setName] = useState(`${created.userName} (${created.accessKeyId.slice(-4)})`);
  const [tried, setTried] = useState(false);
  const nameError = tried && !name.trim() ? t('iamProfileNameRequired') : undefined;
  return (
    <Dialog
      title={t('iamNewKeyTitle', created.userName)}
      onClose={props.onClose}
      error={props.error}
      actions={
        <button type="button" onClick={props.onClose}>
          {t('close')}
        </button>
      }
    >
      <p class="notice warning">{t('iamNewKeyOnce')}</p>
      <dl class="iam-new-key">
        <dt>{t('iamAccessKeyId')}</dt>
        <dd class="mono access-key-id">{created.accessKeyId}</dd>
        <dt>{t('iamSecretKey')}</dt>
        <dd class="mono secret-key">{shown ? created.secretAccessKey : '•'.repeat(16)}</dd>
      </dl>
      <div class="toolbar">
        <button type="button" onClick={() => setShown(!shown)}>
          {shown ? t('iamHide') : t('iamShow')}
        </button>
        <button
          type="button"
          onClick={() => void copyText(created.secretAccessKey).then(setCopied)}
        >
          {t('iamCopySecret')}
        </button>
        {copied !== null && (
          <span role="status">{copied ? t('iamCopied') : t('iamCopyFailed')}</span>
        )}
      </div>
      <fieldset class="iam-save-profile">
        <legend>{t('iamSaveAsProfile')}</legend>
        <TextField
          id="iam-key-profile-name"
          label={t('iamProfileName')}
          value={name}
          onValue={setName}
          error={nameError}
        />
        <button
          type="button"
          class="primary"
          onClick={() => {
            setTried(true);
            if (name.trim()) void props.onSaveProfile(name);
          }}
        >
          {t('iamSaveAsProfile')}
        </button>
      </fieldset>
    </Dialog>
  );
}

export function PasswordDialog(props: {
  userName: string;
  exists: boolean;
  /** AWS has "must choose a new password at next sign-in"; Eucalyptus does not. */
  canRequireReset: boolean;
  error: CloudErrorData | null;
  onSave: (password: string, resetRequired?: boolean) => Promise<unknown>;
  onClose: () => void;
}) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [reset, setReset] = useState(true);
  const [tried, setTried] = useState(false);
  const problem = !password
    ? t('iamPasswordRequired')
    : password !== again
      ? t('iamPasswordMismatch')
      : undefined;
  return (
    <Dialog
      title={t(props.exists ? 'iamPasswordResetTitle' : 'iamPasswordSetTitle', props.userName)}
      onClose={props.onClose}
      error={props.error}
      actions={
        <DialogActions
          onCancel={props.onClose}
          confirm={t('iamPasswordSave')}
          onConfirm={() => {
            setTried(true);
            if (!problem) void props.onSave(password, props.canRequireReset ? reset : undefined);
          }}
        />
      }
    >
      <TextField
        id="iam-password"
        type="password"
        label={t('iamPassword')}
        value={password}
        onValue={setPassword}
        autoComplete="new-password"
      />
      <TextField
        id="iam-password-again"
        type="password"
        label={t('iamPasswordAgain')}
        value={again}
        onValue={setAgain}
        autoComplete="new-password"
        error={tried ? problem : undefined}
      />
      {props.canRequireReset && (
        <Checkbox
          id="iam-password-reset"
          label={t('iamPasswordRequireReset')}
          checked={reset}
          onChecked={setReset}
        />
      )}
    </Dialog>
  );
}
