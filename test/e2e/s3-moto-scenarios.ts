// The S3 browser straight on moto with an S3-compatible profile (no Eucalyptus front door): a
// folder of files goes up with its paths, and the AWS CLI reads back the same bytes.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { awsCli } from './aws-cli';
import {
  bodyText,
  CREDENTIALS,
  fill,
  press,
  type TypingPage,
  waitForText,
} from './profiles-scenarios';
import { waitFor } from './shell-scenarios';

export const MOTO_BUCKET = 'moto-direct';

/** The files of the folder, relative to its parent, and their bytes. */
export const ALBUM: Record<string, Buffer> = {
  'album/a b+c.txt': Buffer.from('plain text\n'),
  'album/sub/日本語 メモ.txt': Buffer.from('こんにちは\n'),
  // Above the 16 MiB threshold: a multipart upload.
  'album/sub/deeper/big.bin': Buffer.alloc(18 * 1024 * 1024, 7),
};

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Writes the album folder under a new temporary directory; returns that directory. */
export async function writeAlbum(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cirrus-album-'));
  for (const [path, bytes] of Object.entries(ALBUM)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), bytes);
  }
  return dir;
}

export async function addS3CompatibleProfile(page: TypingPage, motoUrl: string) {
  await page.click('#tab-profiles');
  await press(page, 'Add S3-compatible profile');
  await fill(page, 'Profile name', 'Moto');
  await fill(page, 'Endpoint URL', motoUrl);
  await fill(page, 'Region', 'us-east-1');
  await fill(page, 'Access key ID', CREDENTIALS.accessKeyId);
  await fill(page, 'Secret access key', CREDENTIALS.secretAccessKey);
  await press(page, 'Save');
  await waitForText(page, 'Profile “Moto” saved.');
  expect(await bodyText(page)).not.toContain('did not allow access');
}

/**
 * Creates the bucket, hands the album to `put` (a folder drop or the folder picker, as the
 * browser allows), and checks the keys and bytes with the AWS CLI. `prefix` is what the keys
 * start with: 'album/' for a folder, '' for loose files.
 */
export async function folderToMoto(
  page: TypingPage,
  motoUrl: string,
  put: (albumDir: string) => Promise<void>,
  prefix: 'album/' | '',
) {
  await page.click('#tab-s3');
  await press(page, 'Create bucket…');
  await fill(page, 'Bucket name', MOTO_BUCKET);
  await press(page, 'Create');
  await press(page, MOTO_BUCKET);
  await waitForText(page, 'Drop files or folders here');
  const dir = await writeAlbum();
  try {
    await put(join(dir, 'album'));
    await waitFor(
      page,
      () => document.querySelectorAll('.upload.done').length === 3,
      'three uploads done',
      60_000,
    );
    const keyOf = (path: string) => (prefix ? path : (path.split('/').pop() ?? path));
    const listed = awsCli(motoUrl, ['s3api', 'list-objects-v2', '--bucket', MOTO_BUCKET]) as {
      Contents?: Array<{ Key: string }>;
    };
    expect((listed.Contents ?? []).map((c) => c.Key).sort()).toEqual(
      Object.keys(ALBUM).map(keyOf).sort(),
    );
    const out = join(dir, 'object');
    for (const [path, bytes] of Object.entries(ALBUM)) {
      awsCli(motoUrl, ['s3api', 'get-object', '--bucket', MOTO_BUCKET, '--key', keyOf(path), out]);
      expect(sha(await readFile(out)), path).toBe(sha(bytes));
    }
    const uploads = awsCli(motoUrl, [
      's3api',
      'list-multipart-uploads',
      '--bucket',
      MOTO_BUCKET,
    ]) as {
      Uploads?: unknown[];
    };
    expect(uploads.Uploads ?? []).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
