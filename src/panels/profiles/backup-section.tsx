import { useMemo } from 'preact/hooks';
import browser from '../../shared/browser';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/messages';
import { Dialog, DialogActions } from '../components/dialog';
import { ErrorMessage } from '../components/error-message';
import { Field, TextField } from '../components/field';
import { t } from '../i18n';
import { type BackupModel, type BackupOutcome, createBackupModel } from './backup-model';
import type { ProfilesModel } from './profiles-model';

function saveFile(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function OutcomeLine({ outcome }: { outcome: BackupOutcome | null }) {
  if (!outcome) return null;
  if (outcome.kind === 'error') {
    if (outcome.error.code === 'WrongPassphrase') {
      return (
        <p class="notice error" role="alert">
          {t('wrongPassphrase')}
        </p>
      );
    }
    return <ErrorMessage error={outcome.error} />;
  }
  const ok = outcome.kind === 'exported' || outcome.kind === 'restored';
  const text =
    outcome.kind === 'exported'
      ? t(outcome.withSecrets ? 'backupExportedWithSecrets' : 'backupExportedNoSecrets')
      : outcome.kind === 'restored'
        ? t('backupImported', String(outcome.count))
        : outcome.kind === 'permission-refused'
          ? t('backupPermissionRefused', String(outcome.count), outcome.origins.join(', '))
          : t('backupNeedsPassphrase');
  return (
    <p class={ok ? 'notice ok' : 'notice error'} role={ok ? 'status' : 'alert'}>
      {text}
    </p>
  );
}

/** Before secrets leave: the keychain passphrase, or a confirmation naming what is exported. */
function ExportDialog({ backup }: { backup: BackupModel }) {
  const dialog = backup.dialog.value;
  if (!dialog) return null;
  const vaultError = backup.vaultError.value;
  return (
    <Dialog
      title={t('backupExportSecretsTitle')}
      onClose={backup.closeDialog}
      error={backup.dialogError.value}
      actions={
        <DialogActions
          onCancel={backup.closeDialog}
          confirm={t('backupExportSecretsConfirm')}
          disabled={backup.busy.value}
          onConfirm={() => void backup.confirmExport()}
        />
      }
    >
      <p>{t('backupExportConfirmBody', String(dialog.profiles.length))}</p>
      <ul class="backup-names">
        {dialog.profiles.map((p) => (
          <li key={p.id}>{p.name}</li>
        ))}
      </ul>
      <p>{t('backupExportConfirmSecrets')}</p>
      {dialog.kind === 'vault' && (
        <>
          <p>{t('backupExportVaultBody')}</p>
          <TextField
            id="backup-vault-passphrase"
            type="password"
            label={t('backupVaultPassphrase')}
            value={backup.vaultPassphrase.value}
            onValue={backup.setVaultPassphrase}
            autoComplete="current-password"
            error={
              vaultError === 'wrong'
                ? t('wrongPassphrase')
                : vaultError === 'required'
                  ? t('backupVaultPassphraseRequired')
                  : undefined
            }
          />
        </>
      )}
    </Dialog>
  );
}

/** Export to a file (secrets only sealed with a passphrase, and with consent) and restore it. */
export function BackupSection({ model }: { model: ProfilesModel }) {
  const backup = useMemo(
    () =>
      createBackupModel({
        view: () => model.view.value,
        reload: model.load,
        saveFile,
        requestOrigins: (origins) => browser.permissions.request({ origins }),
        releaseOrigins: (origins) => browser.permissions.remove({ origins }),
      }),
    [model],
  );

  return (
    <section class="backup-section" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <TextField
        id="backup-passphrase"
        type="password"
        label={t('backupPassphrase')}
        value={backup.passphrase.value}
        onValue={backup.setPassphrase}
        hint={t('backupPassphraseHint')}
        error={
          backup.passphraseError.value
            ? t('backupPassphraseTooShort', String(MIN_PASSPHRASE_LENGTH))
            : undefined
        }
        autoComplete="new-password"
      />
      <div class="form-actions">
        <button
          type="button"
          disabled={backup.busy.value}
          onClick={() => void backup.startExport()}
        >
          {t('backupExport')}
        </button>
      </div>
      <Field id="backup-file" label={t('backupFile')}>
        <input
          id="backup-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => void backup.chooseFile(e.currentTarget.files?.[0] ?? null)}
        />
      </Field>
      <button
        type="button"
        disabled={!backup.file.value || backup.busy.value}
        onClick={() => void backup.restore()}
      >
        {t('backupImport')}
      </button>
      <OutcomeLine outcome={backup.outcome.value} />
      <ExportDialog backup={backup} />
    </section>
  );
}
