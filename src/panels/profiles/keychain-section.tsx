import { useState } from 'preact/hooks';
import type { CloudErrorData } from '../../cloud/errors';
import { call } from '../../shared/call';
import { TextField } from '../components/field';
import { t } from '../i18n';
import type { ProfilesModel } from './profiles-model';

const AUTO_LOCK_CHOICES = [0, 5, 15, 30, 60, 240];

/** Passphrase lock: set, change, remove, lock now, unlock, and the auto-lock delay. */
export function KeychainSection({ model }: { model: ProfilesModel }) {
  const keychain = model.view.value?.keychain;
  const [passphrase, setPassphrase] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!keychain) return null;

  async function act(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      setPassphrase('');
      setNext('');
    } catch (e) {
      const data = e as Partial<CloudErrorData>;
      setError(
        data.code === 'WrongPassphrase' ? t('wrongPassphrase') : (data.message ?? String(e)),
      );
    } finally {
      setBusy(false);
      await model.load();
    }
  }

  const status = !keychain.hasPassphrase
    ? t('keychainNoPassphrase')
    : keychain.locked
      ? t('keychainLocked')
      : t('keychainUnlocked');

  return (
    <section class="keychain-section" aria-labelledby="keychain-title">
      <h2 id="keychain-title">{t('keychainTitle')}</h2>
      <p class="keychain-status" data-locked={keychain.locked ? 'true' : 'false'}>
        {status}
      </p>
      {keychain.locked && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => call('keychainUnlock', { passphrase }));
          }}
        >
          <TextField
            id="keychain-unlock"
            type="password"
            label={t('passphrase')}
            value={passphrase}
            onValue={setPassphrase}
            error={error ?? undefined}
          />
          <button type="submit" class="primary" disabled={busy || !passphrase}>
            {t('unlock')}
          </button>
        </form>
      )}
      {!keychain.locked && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (next.length < 8) {
              setError(t('passphraseTooShort'));
              return;
            }
            void act(() =>
              call(
                'keychainSetPassphrase',
                keychain.hasPassphrase
                  ? { passphrase: next, current: passphrase }
                  : { passphrase: next },
              ),
            );
          }}
        >
          {keychain.hasPassphrase && (
            <TextField
              id="keychain-current"
              type="password"
              label={t('currentPassphrase')}
              value={passphrase}
              onValue={setPassphrase}
            />
          )}
          <TextField
            id="keychain-new"
            type="password"
            label={t(keychain.hasPassphrase ? 'newPassphrase' : 'passphrase')}
            value={next}
            onValue={setNext}
            hint={t('passphraseHint')}
            error={error ?? undefined}
            autoComplete="new-password"
          />
          <div class="form-actions">
            <button type="submit" class="primary" disabled={busy || !next}>
              {t(keychain.hasPassphrase ? 'changePassphrase' : 'setPassphrase')}
            </button>
            {keychain.hasPassphrase && (
              <>
                <button
                  type="button"
                  disabled={busy || !passphrase}
                  onClick={() =>
                    void act(() => call('keychainRemovePassphrase', { current: passphrase }))
                  }
                >
                  {t('removePassphrase')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void act(() => call('keychainLock', {}))}
                >
                  {t('lockNow')}
                </button>
              </>
            )}
          </div>
        </form>
      )}
      {keychain.hasPassphrase && (
        <div class="field">
          <label for="keychain-autolock">{t('autoLockLabel')}</label>
          <select
            id="keychain-autolock"
            value={String(keychain.autoLockMinutes)}
            onChange={(e) =>
              void act(() =>
                call('settingsUpdate', { autoLockMinutes: Number(e.currentTarget.value) }),
              )
            }
          >
            {AUTO_LOCK_CHOICES.map((minutes) => (
              <option key={minutes} value={String(minutes)}>
                {minutes === 0 ? t('autoLockNever') : t('autoLockMinutes', String(minutes))}
              </option>
            ))}
          </select>
        </div>
      )}
    </section>
  );
}
