// "Compare with folder" in the S3 panel on moto: a folder against a prefix where one file changed,
// one is new, one object exists only in the bucket and a multipart object the AWS CLI wrote is the
// same; upload the two, delete the one after a confirm, and the AWS CLI sees the bucket match.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { awsCli } from './aws-cli';
import { bodyText, fill, press, type TypingPage, waitForText } from './profiles-scenarios';
import { waitFor } from './shell-scenarios';

export const SYNC_BUCKET = 'sync-e2e';
const PREFIX = 'site/';
const MIB = 1024 * 1024;

/** A pattern, so parts put in the wrong order would hash differently. */
function big(size: number): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4)
    out.writeUInt32LE((i * 2654435761) >>> 0, Math.min(i, size - 4));
  return out;
}

/** The local folder: what the prefix should hold afterwards. */
export const LOCAL: Record<string, Buffer> = {
  'same.txt': Buffer.from('unchanged page\n'),
  'edited.txt': Buffer.from('edited: version 2\n'),
  'new.txt': Buffer.from('a brand new page\n'),
  // Above the AWS CLI's 8 MiB threshold: the CLI writes it in two parts ("hex-2").
  'big.bin': big(9 * MIB + 12_345),
};

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Writes the folder (under a new temporary directory) and the bucket as it was before. */
export async function prepareSync(motoUrl: string): Promise<{ tmp: string; folder: string }> {
  const tmp = await mkdtemp(join(tmpdir(), 'cirrus-sync-'));
  const folder = join(tmp, 'site');
  await mkdir(folder, { recursive: true });
  for (const [path, bytes] of Object.entries(LOCAL)) await writeFile(join(folder, path), bytes);
  awsCli(motoUrl, ['s3api', 'create-bucket', '--bucket', SYNC_BUCKET]);
  const old = join(tmp, 'old');
  await mkdir(old);
  const before: Record<string, Buffer> = {
    'same.txt': LOCAL['same.txt'] as Buffer,
    'edited.txt': Buffer.from('edited: version 1\n'), // same size, other bytes
    'gone.txt': Buffer.from('only in the bucket\n'),
  };
  for (const [path, bytes] of Object.entries(before)) {
    await writeFile(join(old, path), bytes);
    awsCli(motoUrl, [
      's3',
      'cp',
      '--only-show-errors',
      join(old, path),
      `s3://${SYNC_BUCKET}/${PREFIX}${path}`,
    ]);
  }
  awsCli(motoUrl, [
    's3',
    'cp',
    '--only-show-errors',
    join(folder, 'big.bin'),
    `s3://${SYNC_BUCKET}/${PREFIX}big.bin`,
  ]);
  const head = awsCli(motoUrl, [
    's3api',
    'head-object',
    '--bucket',
    SYNC_BUCKET,
    '--key',
    `${PREFIX}big.bin`,
  ]) as { ETag: string };
  expect(head.ETag, 'the AWS CLI wrote big.bin in parts').toMatch(/-2"$/);
  return { tmp, folder };
}

const filterText = (page: TypingPage, cls: string) =>
  page.evaluate(
    new Function(
      `return document.querySelector('[data-sync-class="${cls}"]')?.textContent.trim() ?? '';`,
    ) as () => string,
  );

async function compared(page: TypingPage) {
  await press(page, 'Compare');
  await waitFor(
    page,
    () => document.querySelector('[data-sync-phase="done"]') !== null,
    'the compare done',
    60_000,
  );
}

/**
 * Opens the bucket, compares `folder` (handed over by `give`: a folder drop or the folder input)
 * with site/, uploads the new and changed files, deletes the object only in the bucket, and
 * checks the bucket with the AWS CLI.
 */
export async function syncFolder(
  page: TypingPage,
  motoUrl: string,
  folder: string,
  give: () => Promise<void>,
) {
  await page.click('#tab-s3');
  await press(page, SYNC_BUCKET);
  await waitForText(page, 'Drop files or folders here');
  await press(page, 'Compare with folder…');
  await waitForText(page, `Compare ${SYNC_BUCKET} with a folder`);
  await give();
  await waitForText(page, ': 4 file(s)');
  await fill(page, 'Bucket folder', PREFIX);
  await compared(page);
  expect(await filterText(page, 'new')).toMatch(/^New: 1 \(/);
  expect(await filterText(page, 'changed')).toMatch(/^Changed: 1 \(/);
  expect(await filterText(page, 'bucketOnly')).toMatch(/^Only in bucket: 1 \(/);
  // same.txt by its MD5, big.bin by the multipart ETag in the CLI's 8 MiB parts.
  expect(await filterText(page, 'identical')).toMatch(/^Identical: 2 \(9\.0 MB\)$/);
  expect(await bodyText(page)).toContain('multipart ETag');

  // A dry run says what would happen and sends nothing.
  await page.click('[data-sync-dry-run]');
  await press(page, 'Upload new and changed (2)');
  await waitForText(page, 'Dry run: would upload 2 file(s)');
  await press(page, 'Delete what is only in the bucket (1)…');
  await waitForText(page, 'Dry run: would delete 1 object(s).');
  expect(
    await page.evaluate(() => document.querySelector('dialog[open]') === null),
    'no confirm in a dry run',
  ).toBe(true);
  await page.click('[data-sync-dry-run]');

  await press(page, 'Upload new and changed (2)');
  await waitFor(
    page,
    () => document.querySelectorAll('.upload.done').length === 2,
    'two uploads done',
    60_000,
  );
  await press(page, 'Delete what is only in the bucket (1)…');
  await waitForText(page, 'Delete 1 object(s) from sync-e2e that are not in the folder?');
  await press(page, 'Delete 1 object(s)');
  await waitForText(page, 'Deleted 1 object(s).');

  const listed = awsCli(motoUrl, [
    's3api',
    'list-objects-v2',
    '--bucket',
    SYNC_BUCKET,
    '--prefix',
    PREFIX,
  ]) as { Contents?: Array<{ Key: string }> };
  expect((listed.Contents ?? []).map((c) => c.Key).sort()).toEqual(
    Object.keys(LOCAL)
      .map((p) => `${PREFIX}${p}`)
      .sort(),
  );
  const out = join(folder, '..', 'object');
  for (const [path, bytes] of Object.entries(LOCAL)) {
    awsCli(motoUrl, [
      's3api',
      'get-object',
      '--bucket',
      SYNC_BUCKET,
      '--key',
      `${PREFIX}${path}`,
      out,
    ]);
    expect(sha(await readFile(out)), path).toBe(sha(bytes));
  }

  // Compared again, the prefix matches the folder: nothing left to upload or delete.
  await compared(page);
  expect(await filterText(page, 'identical')).toMatch(/^Identical: 4 \(/);
  expect(await filterText(page, 'new')).toMatch(/^New: 0 /);
}

export async function cleanSync(tmp: string) {
  await rm(tmp, { recursive: true, force: true });
}

/** Writes `count` small files in 100 subfolders of a folder named "many"; returns that folder. */
export async function writeMany(tmp: string, count: number): Promise<string> {
  const folder = join(tmp, 'many');
  for (let i = 0; i < count; i++) {
    const dir = join(folder, `sub${i % 100}`);
    if (i < 100) await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `f${i}.txt`), `file ${i}\n`.repeat(1 + (i % 7)));
  }
  return folder;
}

/**
 * 10,000 files against a prefix holding the same: the page stays responsive while they are hashed
 * (the longest gap between timer ticks stays short), progress moves, Cancel stops the compare, and
 * a full compare finds them all identical.
 */
export async function compareMany(
  page: TypingPage,
  motoUrl: string,
  folder: string,
  count: number,
  give: () => Promise<void>,
) {
  // Asynchronously: the test process must keep reading moto's log while 10,000 PUTs go in (a
  // blocked pipe stalls moto), which awsCli's synchronous run would not.
  await promisify(execFile)(
    'aws',
    [
      '--endpoint-url',
      motoUrl,
      's3',
      'sync',
      '--only-show-errors',
      folder,
      `s3://${SYNC_BUCKET}/many/`,
    ],
    {
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: 'AKIDCLICHECK00000001',
        AWS_SECRET_ACCESS_KEY: 'cli/check/secret/0000000000000000000001',
        AWS_DEFAULT_REGION: 'us-east-1',
      },
    },
  );
  await page.click('#tab-s3');
  if (!(await bodyText(page)).includes(`Compare ${SYNC_BUCKET} with a folder`)) {
    await press(page, SYNC_BUCKET);
    await press(page, 'Compare with folder…');
  }
  await give();
  await waitForText(page, `: ${count} file(s)`, 120_000);
  await fill(page, 'Bucket folder', 'many/');

  // Cancel as soon as hashing shows progress: the compare stops short of the end.
  await press(page, 'Compare');
  const stoppedAt = await page.evaluate(async () => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const phase = document.querySelector('[data-sync-phase]');
      const cancel = [...document.querySelectorAll<HTMLButtonElement>('.sync-view button')].find(
        (b) => b.textContent?.trim() === 'Cancel',
      );
      if (
        phase?.getAttribute('data-sync-phase') === 'hashing' &&
        /: [1-9]/.test(phase.textContent ?? '')
      ) {
        cancel?.click();
        return phase.textContent ?? '';
      }
      if (phase?.getAttribute('data-sync-phase') === 'done' || Date.now() > deadline) return null;
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  expect(stoppedAt, 'hashing progress was shown before the end').toMatch(/^Checking content: /);
  await waitFor(
    page,
    () => document.querySelector('[data-sync-phase="idle"]') !== null,
    'the compare stopped',
  );

  // The full compare, with a watch on the page's event loop.
  await page.evaluate(() => {
    const w = window as unknown as { syncGap: number };
    w.syncGap = 0;
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      w.syncGap = Math.max(w.syncGap, now - last);
      last = now;
    }, 50);
  });
  await press(page, 'Compare');
  await waitFor(
    page,
    () => document.querySelector('[data-sync-phase="done"]') !== null,
    'the compare of many files done',
    240_000,
  );
  expect(await filterText(page, 'identical')).toMatch(new RegExp(`^Identical: ${count} \\(`));
  expect(await filterText(page, 'new')).toMatch(/^New: 0 /);
  const gap = await page.evaluate(() => (window as unknown as { syncGap: number }).syncGap);
  console.log(`${count} files compared; longest stall of the page: ${Math.round(gap)} ms`);
  // Generous for a loaded machine; hashing 10,000 files on the page's own thread would stall it.
  expect(gap, 'longest stall of the page while comparing (ms)').toBeLessThan(1500);
}
