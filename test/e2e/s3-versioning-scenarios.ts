// Bucket versioning in the S3 panel on moto, checked with the AWS CLI: versioning turned on in the
// bucket's Settings view, an object overwritten, its versions shown, the older one restored (its
// bytes are the object's again) and then deleted for good after the "cannot be undone" confirm.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { awsCli } from './aws-cli';
import { press, run, type TypingPage, waitForText } from './profiles-scenarios';
import { waitFor } from './shell-scenarios';

export const VERSIONED_BUCKET = 'versioned-e2e';
/** A key that is hostile as markup and awkward in URLs: it must show as text. */
export const VERSIONED_KEY = 'plan <img src=x onerror=alert(1)> & notes+1.txt';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Version {
  Key: string;
  VersionId: string;
  IsLatest: boolean;
}

function versions(motoUrl: string): Version[] {
  const listed = awsCli(motoUrl, [
    's3api',
    'list-object-versions',
    '--bucket',
    VERSIONED_BUCKET,
  ]) as { Versions?: Version[] };
  return (listed.Versions ?? []).filter((v) => v.Key === VERSIONED_KEY);
}

/** Clicks the versions table's row of this version (found by its id, shown as a cell). */
async function clickVersionRow(page: TypingPage, versionId: string) {
  const found = await waitFor(
    page,
    new Function(
      `document.querySelectorAll('[data-e2e]').forEach((e) => e.removeAttribute('data-e2e'));
       const row = [...document.querySelectorAll('.versions-view tr[data-key]')].find((tr) =>
         [...tr.querySelectorAll('td')].some((td) => td.textContent.trim() === ${JSON.stringify(versionId)}));
       if (!row) return false;
       row.querySelector('td').setAttribute('data-e2e', 'row');
       row.scrollIntoView();
       return true;`,
    ) as () => boolean,
    `the row of version ${versionId}`,
    30_000,
  );
  expect(found).toBe(true);
  await page.click('[data-e2e="row"]');
}

/** The name the panel saves the key under (downloadName: < and > are not allowed in file names). */
const SAVED_AS = 'plan _img src=x onerror=alert(1)_ & notes+1.txt';

export type CatchDownloads = (expected: Record<string, number>) => Promise<Map<string, Buffer>>;

export async function versioningScenario(
  page: TypingPage,
  motoUrl: string,
  downloads: CatchDownloads,
) {
  const dir = await mkdtemp(join(tmpdir(), 'cirrus-versions-'));
  try {
    const original = Buffer.from('the original plan\n');
    const newer = Buffer.from('a newer plan that replaced it\n');
    await writeFile(join(dir, 'original'), original);
    await writeFile(join(dir, 'newer'), newer);
    awsCli(motoUrl, ['s3api', 'create-bucket', '--bucket', VERSIONED_BUCKET]);
    awsCli(motoUrl, [
      's3api',
      'put-object',
      '--bucket',
      VERSIONED_BUCKET,
      '--key',
      VERSIONED_KEY,
      '--body',
      join(dir, 'original'),
    ]);

    await page.click('#tab-s3');
    await press(page, 'Refresh');
    await press(page, VERSIONED_BUCKET);
    await waitForText(page, VERSIONED_KEY);

    // Settings: never turned on, then Enabled; there is no way to turn it off, only to suspend.
    await press(page, 'Bucket settings');
    await waitForText(page, 'Unversioned (never turned on)');
    expect(
      await run<boolean>(
        page,
        `return [...document.querySelectorAll('button')].some((b) => /disable/i.test(b.textContent));`,
      ),
    ).toBe(false);
    await press(page, 'Enable versioning');
    await waitFor(
      page,
      () => document.querySelector('[data-versioning="Enabled"]') !== null,
      'versioning shown as Enabled',
    );
    const state = awsCli(motoUrl, [
      's3api',
      'get-bucket-versioning',
      '--bucket',
      VERSIONED_BUCKET,
    ]) as { Status?: string };
    expect(state.Status).toBe('Enabled');
    await press(page, 'Back');

    // Overwritten with the CLI: two versions now.
    awsCli(motoUrl, [
      's3api',
      'put-object',
      '--bucket',
      VERSIONED_BUCKET,
      '--key',
      VERSIONED_KEY,
      '--body',
      join(dir, 'newer'),
    ]);
    const two = versions(motoUrl);
    expect(two).toHaveLength(2);
    const older = two.find((v) => !v.IsLatest);
    expect(older).toBeDefined();
    if (!older) return;

    await page.click('.toolbar input[role="switch"]');
    await waitFor(
      page,
      () => document.querySelectorAll('.versions-view tr[data-key]').length === 2,
      'two versions listed',
      30_000,
    );
    // The key is text in the cells, never markup.
    expect(
      await run<number>(page, `return document.querySelectorAll('.versions-view td img').length;`),
    ).toBe(0);
    await waitForText(page, VERSIONED_KEY);

    // The older version downloads with its own bytes (a presigned GET with its versionId).
    await clickVersionRow(page, older.VersionId);
    const saved = downloads({ [SAVED_AS]: original.length });
    saved.catch(() => undefined);
    await press(page, 'Download version');
    const got = (await saved).get(SAVED_AS);
    expect(got && sha(got)).toBe(sha(original));

    await press(page, 'Restore version');
    await waitForText(page, `Restored “${VERSIONED_KEY}”`);
    await waitFor(
      page,
      () => document.querySelectorAll('.versions-view tr[data-key]').length === 3,
      'three versions listed after the restore',
      30_000,
    );
    const out = join(dir, 'got');
    awsCli(motoUrl, [
      's3api',
      'get-object',
      '--bucket',
      VERSIONED_BUCKET,
      '--key',
      VERSIONED_KEY,
      out,
    ]);
    expect(sha(await readFile(out))).toBe(sha(original));
    expect(versions(motoUrl)).toHaveLength(3);

    // The older version deleted for good, after a confirm that says it cannot be undone.
    await clickVersionRow(page, older.VersionId);
    await press(page, 'Delete permanently');
    await waitForText(page, 'This cannot be undone.');
    await press(page, 'Delete permanently');
    await waitFor(
      page,
      () =>
        document.querySelector('dialog[open]') === null &&
        document.querySelectorAll('.versions-view tr[data-key]').length === 2,
      'the version gone from the list',
      30_000,
    );
    const left = versions(motoUrl);
    expect(left.map((v) => v.VersionId)).not.toContain(older.VersionId);
    expect(left).toHaveLength(2);
    awsCli(motoUrl, [
      's3api',
      'get-object',
      '--bucket',
      VERSIONED_BUCKET,
      '--key',
      VERSIONED_KEY,
      out,
    ]);
    expect(sha(await readFile(out))).toBe(sha(original));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A cloud whose store refuses versioning (501): the section and the versions view say so. */
export async function versioningUnsupportedScenario(page: TypingPage, motoUrl: string) {
  const bucket = 'walrus-unversioned';
  awsCli(motoUrl, ['s3api', 'create-bucket', '--bucket', bucket]);
  await page.click('#tab-s3');
  await press(page, 'Refresh');
  await press(page, bucket);
  await press(page, 'Bucket settings');
  await waitForText(page, 'This store does not support bucket versioning; it is shown read-only.');
  expect(
    await run<boolean[]>(
      page,
      `return [...document.querySelectorAll('.versioning-section button')].map((b) => b.disabled);`,
    ),
  ).toEqual([true, true]);
  await press(page, 'Back');
  await page.click('.toolbar input[role="switch"]');
  await waitForText(page, 'This store does not support object versions');
  await page.click('.toolbar input[role="switch"]');
}
