// Backup files: profiles in the clear, secrets only when a passphrase seals them, and only with
// the user's consent (the vault passphrase, or a confirmation the page showed).
import { CloudError } from '../cloud/errors';
import type { Profile, Secret } from '../cloud/profile';
import { checkProfile } from '../cloud/profile-checks';
import { type BackupExportArgs, MIN_PASSPHRASE_LENGTH } from '../shared/messages';
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

/**
 * PBKDF2 iterations a backup may ask for. The count comes from the file: too few would make a
 * crafted or old file easy to brute-force once re-sealed, too many would hang the worker.
 */
export const BACKUP_MIN_ITERATIONS = 100_000;
export const BACKUP_MAX_ITERATIONS = 10_000_000;

const refuse = (code: string, message: string) => new CloudError({ code, message });

/** Who may take the secrets out: checked here, since any extension page can send the message. */
async function secretsForExport(args: BackupExportArgs, passphrase: string) {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw refuse(
      'PassphraseTooShort',
      `A backup passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`,
    );
  }
  if ((await keychain.status()).hasPassphrase) {
    if (!args.vaultPassphrase) {
      throw refuse('VaultPassphraseRequired', 'Exporting secrets needs the keychain passphrase.');
    }
    return keychain.allWithPassphrase(args.vaultPassphrase);
  }
  if (args.confirmed !== true) {
    throw refuse(
      'ConfirmationRequired',
      'Exporting secrets needs a confirmation that names what is exported.',
    );
  }
  return keychain.all();
}

export async function exportBackup(
  args: BackupExportArgs = {},
): Promise<{ fileName: string; json: string }> {
  const { profiles } = await profilesState.get();
  const passphrase = args.passphrase ?? '';
  const secrets = passphrase
    ? await sealWithPassphrase(passphrase, await secretsForExport(args, passphrase))
    : null;
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

const invalid = (message: string) => refuse('InvalidBackup', message);

function checkSealed(sealed: unknown): asserts sealed is Sealed {
  const s = sealed as Partial<Record<keyof Sealed, unknown>>;
  if (
    typeof s !== 'object' ||
    s === null ||
    typeof s.salt !== 'string' ||
    typeof s.iv !== 'string' ||
    typeof s.ciphertext !== 'string'
  ) {
    throw invalid('The secrets in this backup are damaged.');
  }
  const { iterations } = s;
  if (
    typeof iterations !== 'number' ||
    !Number.isInteger(iterations) ||
    iterations < BACKUP_MIN_ITERATIONS ||
    iterations > BACKUP_MAX_ITERATIONS
  ) {
    throw invalid(
      `This backup's secrets are sealed with ${String(iterations)} PBKDF2 iterations; ` +
        `Cirrus opens only 100,000 to 10,000,000.`,
    );
  }
}

const STRING_FIELDS: Record<Profile['kind'], string[]> = {
  aws: ['name', 'accessKeyId', 'region'],
  eucalyptus: [
    'name',
    'accessKeyId',
    'host',
    'ec2Path',
    's3Path',
    's3Host',
    'region',
    'apiVersion',
  ],
  s3: ['name', 'accessKeyId', 'endpoint', 'region'],
};

/** The shape and the Save rules (hosts, regions, paths) for every profile before any is saved. */
function checkProfiles(profiles: unknown[]): asserts profiles is Profile[] {
  profiles.forEach((value, index) => {
    const p = value as Record<string, unknown> | null;
    const kind = p?.kind as Profile['kind'];
    const fields = typeof p === 'object' && p !== null ? STRING_FIELDS[kind] : undefined;
    if (!p || !fields || fields.some((f) => typeof p[f] !== 'string')) {
      throw invalid(`Profile ${index + 1} in this backup is damaged.`);
    }
    const problems = checkProfile(p as unknown as Profile, true);
    const first = Object.entries(problems)[0];
    if (first) throw invalid(`Profile "${String(p.name)}": ${first[0]}: ${first[1]}`);
  });
}

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
  checkProfiles(file.profiles);
  let secrets: Record<string, Secret> = {};
  if (file.secrets) {
    checkSealed(file.secrets);
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
