import { batch, signal } from '@preact/signals';
import { isAwsHost, originsFor } from '../../cloud/endpoints';
import type { CloudErrorData } from '../../cloud/errors';
import type { Profile } from '../../cloud/profile';
import { checkProfile } from '../../cloud/profile-checks';
import { call } from '../../shared/call';
import { MIN_PASSPHRASE_LENGTH, type ProfilesView } from '../../shared/messages';
import { asError } from '../errors';

/** What the export dialog asks before secrets leave: the vault passphrase, or a confirmation. */
export interface ExportDialog {
  /** 'vault': the keychain passphrase is asked for; 'confirm': a confirmation is enough. */
  kind: 'vault' | 'confirm';
  /** The profiles whose secrets the file will hold. */
  profiles: Array<{ id: string; name: string }>;
}

export type BackupOutcome =
  | { kind: 'exported'; withSecrets: boolean }
  | { kind: 'restored'; count: number }
  | { kind: 'permission-refused'; count: number; origins: string[] }
  | { kind: 'needs-passphrase' }
  | { kind: 'error'; error: CloudErrorData };

export interface BackupDeps {
  /** The profiles and keychain state the page shows now. */
  view: () => ProfilesView | null;
  /** Reloads that view after a restore. */
  reload: () => Promise<void>;
  /** Hands the file to the browser's downloads. */
  saveFile: (fileName: string, json: string) => void;
  /** browser.permissions.request; called inside the Restore click, before any await. */
  requestOrigins: (origins: string[]) => Promise<boolean>;
  /** browser.permissions.remove: hosts asked for by a restore that then failed are given back. */
  releaseOrigins: (origins: string[]) => Promise<unknown>;
}

/**
 * The origins a backup's profiles talk to that need a host permission (not AWS): asked for from
 * the Restore click, since a delete gave them back. Profiles the background would refuse are
 * left out, so a crafted file cannot make the browser ask for hosts that are never used.
 */
export function restoreOrigins(json: string): string[] {
  let profiles: unknown;
  try {
    profiles = (JSON.parse(json) as { profiles?: unknown }).profiles;
  } catch {
    return [];
  }
  if (!Array.isArray(profiles)) return [];
  const origins = new Set<string>();
  for (const profile of profiles as Profile[]) {
    try {
      if (Object.keys(checkProfile(profile, true)).length) continue;
      for (const origin of originsFor(profile)) {
        if (!isAwsHost(new URL(origin.replace('/*', '/')).hostname)) origins.add(origin);
      }
    } catch {
      // A damaged entry: the background says so when the file is sent.
    }
  }
  return [...origins];
}

/** Backup export (secrets only with the user's consent) and restore, as signals and actions. */
export function createBackupModel(deps: BackupDeps) {
  const passphrase = signal('');
  const passphraseError = signal<string | null>(null);
  const dialog = signal<ExportDialog | null>(null);
  const vaultPassphrase = signal('');
  /** 'wrong' | 'required': why the vault passphrase was refused, shown by its field. */
  const vaultError = signal<'wrong' | 'required' | null>(null);
  const dialogError = signal<CloudErrorData | null>(null);
  const busy = signal(false);
  const outcome = signal<BackupOutcome | null>(null);
  const file = signal<{ name: string; json: string; origins: string[] } | null>(null);

  async function send(withSecrets: boolean) {
    busy.value = true;
    try {
      const hasVault = deps.view()?.keychain.hasPassphrase === true;
      const args = !withSecrets
        ? {}
        : hasVault
          ? { passphrase: passphrase.value, vaultPassphrase: vaultPassphrase.value }
          : { passphrase: passphrase.value, confirmed: true };
      const { fileName, json } = await call('backupExport', args);
      deps.saveFile(fileName, json);
      batch(() => {
        dialog.value = null;
        vaultPassphrase.value = '';
        vaultError.value = null;
        dialogError.value = null;
        outcome.value = { kind: 'exported', withSecrets };
      });
    } catch (e) {
      const error = asError(e);
      batch(() => {
        if (error.code === 'WrongPassphrase') vaultError.value = 'wrong';
        else if (error.code === 'VaultPassphraseRequired') vaultError.value = 'required';
        else if (error.code === 'PassphraseTooShort') {
          dialog.value = null;
          passphraseError.value = 'too-short';
        } else if (dialog.value) dialogError.value = error;
        else outcome.value = { kind: 'error', error };
      });
    } finally {
      busy.value = false;
    }
  }

  return {
    passphrase,
    /** 'too-short' when the backup passphrase is under the minimum. */
    passphraseError,
    dialog,
    vaultPassphrase,
    vaultError,
    dialogError,
    busy,
    outcome,
    file,

    setPassphrase(value: string) {
      batch(() => {
        passphrase.value = value;
        passphraseError.value = null;
      });
    },
    setVaultPassphrase(value: string) {
      batch(() => {
        vaultPassphrase.value = value;
        vaultError.value = null;
      });
    },

    /** Export: profiles only without a passphrase; with one, the dialog asks for consent first. */
    startExport() {
      outcome.value = null;
      if (passphrase.value === '') return send(false);
      if (passphrase.value.length < MIN_PASSPHRASE_LENGTH) {
        passphraseError.value = 'too-short';
        return Promise.resolve();
      }
      const view = deps.view();
      batch(() => {
        dialogError.value = null;
        vaultError.value = null;
        dialog.value = {
          kind: view?.keychain.hasPassphrase ? 'vault' : 'confirm',
          profiles: (view?.profiles ?? []).map(({ id, name }) => ({ id, name })),
        };
      });
      return Promise.resolve();
    },
    /** The dialog's Export button: the vault passphrase or the confirmation goes with the request. */
    confirmExport() {
      if (dialog.value?.kind === 'vault' && vaultPassphrase.value === '') {
        vaultError.value = 'required';
        return Promise.resolve();
      }
      return send(true);
    },
    closeDialog() {
      batch(() => {
        dialog.value = null;
        vaultError.value = null;
        dialogError.value = null;
      });
    },

    async chooseFile(chosen: File | null) {
      if (!chosen) {
        file.value = null;
        return;
      }
      const json = await chosen.text();
      file.value = { name: chosen.name, json, origins: restoreOrigins(json) };
    },

    /** Must run inside the Restore click: the host-permission request needs the user's gesture. */
    restore() {
      const chosen = file.value;
      if (!chosen) return Promise.resolve();
      const { origins } = chosen;
      const permission = origins.length
        ? deps.requestOrigins(origins).catch(() => false)
        : Promise.resolve(true);
      outcome.value = null;
      return (async () => {
        busy.value = true;
        try {
          const { profiles } = await call('backupImport', {
            json: chosen.json,
            ...(passphrase.value ? { passphrase: passphrase.value } : {}),
          });
          const granted = await permission;
          outcome.value = granted
            ? { kind: 'restored', count: profiles.length }
            : { kind: 'permission-refused', count: profiles.length, origins };
        } catch (e) {
          const error = asError(e);
          outcome.value =
            error.code === 'PassphraseRequired'
              ? { kind: 'needs-passphrase' }
              : { kind: 'error', error };
          await deps.reload();
          // Nothing was restored: no standing access to hosts that no profile uses.
          const used = new Set(deps.view()?.profiles.flatMap(originsFor) ?? []);
          const unused = origins.filter((origin) => !used.has(origin));
          if (unused.length && (await permission))
            await deps.releaseOrigins(unused).catch(() => {});
          return;
        } finally {
          busy.value = false;
        }
        await deps.reload();
      })();
    },
  };
}

export type BackupModel = ReturnType<typeof createBackupModel>;
