import { useState } from 'preact/hooks';
import type { CloudErrorData } from '../../cloud/errors';
import { call } from '../../shared/call';
import { Field, TextField } from '../components/field';
import { t } from '../i18n';
import type { ProfilesModel } from './profiles-model';

function saveFile(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export to a file (secrets only sealed with a passphrase) and import it back. */
export function BackupSection({ model }: { model: ProfilesModel }) {
  const [passphrase, setPassphrase] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function exportNow() {
    try {
      const { fileName, json } = await call('backupExport', passphrase ? { passphrase } : {});
      saveFile(fileName, json);
      setMessage({
        ok: true,
        text: t(passphrase ? 'backupExportedWithSecrets' : 'backupExportedNoSecrets'),
      });
    } catch (e) {
      setMessage({ ok: false, text: (e as CloudErrorData).message });
    }
  }

  async function importNow() {
    if (!file) return;
    try {
      const { profiles } = await call('backupImport', {
        json: await file.text(),
        ...(passphrase ? { passphrase } : {}),
      });
      setMessage({ ok: true, text: t('backupImported', String(profiles.length)) });
      await model.load();
    } catch (e) {
      const data = e as CloudErrorData;
      const text =
        data.code === 'WrongPassphrase'
          ? t('wrongPassphrase')
          : data.code === 'PassphraseRequired'
            ? t('backupNeedsPassphrase')
            : data.message;
      setMessage({ ok: false, text });
    }
  }

  return (
    <section class="backup-section" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <TextField
        id="backup-passphrase"
        type="password"
        label={t('backupPassphrase')}
        value={passphrase}
        onValue={setPassphrase}
        hint={t('backupPassphraseHint')}
        autoComplete="new-password"
      />
      <div class="form-actions">
        <button type="button" onClick={() => void exportNow()}>
          {t('backupExport')}
        </button>
      </div>
      <Field id="backup-file" label={t('backupFile')}>
        <input
          id="backup-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
      </Field>
      <button type="button" disabled={!file} onClick={() => void importNow()}>
        {t('backupImport')}
      </button>
      {message && (
        <p class={message.ok ? 'notice ok' : 'notice error'} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
