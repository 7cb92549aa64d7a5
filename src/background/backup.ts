// Backup files: profiles in the clear, secrets only when a passphrase seals them.
import { CloudError } from '../cloud/errors';
import type { Profile, Secret } from '../cloud/profile';
import { profilesState } from '../storage/items';
import { importProfiles } from './profile-store';
import { keychain } from './services';
import { openWithPassphrase, type Sealed, sealWithPassphrase } from './vault';

interface BackupFile {
  format: 'cirrus-profiles';
  version: 1;
  exportedAt: string;
  profiles: Profile[];
  /** Secrets by profile id, sealed; null in an export without a passphrase. */
  secrets: Sealed | null;
}

export async function exportBackup(
  passphrase?: string,
): Promise<{ fileName: string; json: string }> {
  const { profiles } = await profilesState.get();
  const secrets = passphrase ? await sealWithPassphrase(passphrase, await keychain.all()) : null;
  const file: BackupFile = {
    format: 'cirrus-profiles',
    version: 1,
    exportedAt: new Date().toISOString(),
    profiles,
    secrets,
  };
  const day = file.exportedAt.slice(0, 10);
  return { fileName: `cirrus-profiles-${day}.json`, json: `${JSON.stringify(file, null, 2)}\n` };
}

const invalid = (message: string) => new CloudError({ code: 'InvalidBackup', message });

export async function importBackup(json: string, passphrase?: string): Promise<Profile[]> {
  let file: BackupFile;
  try {
    file = JSON.parse(json) as BackupFile;
  } catch {
    throw invalid('This file is not a Cirrus backup (it is not JSON).');
  }
  if (file?.format !== 'cirrus-profiles' || !Array.isArray(file.profiles)) {
    throw invalid('This file is not a Cirrus backup.');
  }
  if (file.version !== 1)
    throw invalid(`This backup is version ${file.version}; update Cirrus to read it.`);
  let secrets: Record<string, Secret> = {};
  if (file.secrets) {
    if (!passphrase)
      throw new CloudError({
        code: 'PassphraseRequired',
        message: 'This backup needs its passphrase.',
      });
    secrets = await openWithPassphrase<Record<string, Secret>>(passphrase, file.secrets);
  }
  return importProfiles(
    file.profiles.map((profile) => {
      const secret = secrets[profile.id];
      return secret ? { profile, secret } : { profile };
    }),
  );
}
