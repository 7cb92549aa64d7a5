// Object operations both browsers must pass: copy across buckets, move a folder, rename, edit
// headers and metadata through Properties, set and clear public-read through Permissions; the AWS
// CLI then reports the same keys, headers, metadata, grants and bytes.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { FrontDoor } from '../support/front-door';
import { awsCli } from './aws-cli';
import { bodyText, fill, press, run, type TypingPage, waitForText } from './profiles-scenarios';
import type { s3Faults } from './s3-scenarios';
import { waitFor } from './shell-scenarios';

const A = 'e2e-ops-a';
const B = 'e2e-ops-b';
const JP = '日本語 メモ.txt';
const RENAMED = 'メモ 改訂版.txt';
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function keysOf(motoUrl: string, bucket: string): string[] {
  const listed = awsCli(motoUrl, ['s3api', 'list-objects-v2', '--bucket', bucket]) as {
    Contents?: Array<{ Key: string }>;
  };
  return (listed.Contents ?? []).map((c) => c.Key).sort();
}

async function bytesOf(motoUrl: string, dir: string, bucket: string, key: string) {
  const out = join(dir, 'got');
  awsCli(motoUrl, ['s3api', 'get-object', '--bucket', bucket, '--key', key, out]);
  return readFile(out);
}

const row = (key: string) => `tr[data-key="${key.replace(/"/g, '\\"')}"]`;

async function waitForRow(page: TypingPage, key: string, present = true) {
  const selector = JSON.stringify(row(key));
  await waitFor(
    page,
    new Function(
      `return ${present ? '!!' : '!'}document.querySelector(${selector});`,
    ) as () => boolean,
    `${key} ${present ? 'listed' : 'gone'}`,
  );
}

async function select(page: TypingPage, key: string) {
  await waitForRow(page, key);
  await page.click(`${row(key)} td`);
}

async function dialogClosed(page: TypingPage, timeout = 30_000) {
  await waitFor(page, () => !document.querySelector('dialog[open]'), 'the dialog closed', timeout);
}

/** `sigVersion`: how the browser's profile signs (the front door checks each request). */
export async function objectOpsScenario(
  page: TypingPage,
  motoUrl: string,
  frontDoor: FrontDoor,
  sigVersion: 2 | 4,
  faults: ReturnType<typeof s3Faults>,
) {
  const seenBefore = frontDoor.requests.length;
  const dir = await mkdtemp(join(tmpdir(), 'cirrus-s3-ops-e2e-'));
  try {
    await page.click('#tab-s3');
    await press(page, 'Buckets');
    for (const name of [A, B]) {
      await press(page, 'Create bucket…');
      await fill(page, 'Bucket name', name);
      await press(page, 'Create');
      await dialogClosed(page);
    }
    // The objects come from the CLI, so their bytes and metadata are known exactly.
    const body = Buffer.from(`${'cirrus object operations 日本語\n'.repeat(200)}end`);
    const file = join(dir, 'body');
    await writeFile(file, body);
    const put = (key: string, ...extra: string[]) =>
      awsCli(motoUrl, [
        's3api',
        'put-object',
        '--bucket',
        A,
        '--key',
        key,
        '--body',
        file,
        ...extra,
      ]);
    put(JP, '--content-type', 'text/plain', '--metadata', 'colour=blue');
    put('docs/a.txt');
    put('docs/sub/b.txt');

    await press(page, A);
    await waitForRow(page, JP);
    await waitForRow(page, 'docs/');

    // Copy to the other bucket; the same place is refused first and the form keeps its values.
    await select(page, JP);
    await press(page, 'Copy…');
    await press(page, 'Copy');
    await waitForText(page, 'The items are already there');
    await run(
      page,
      `const s = document.getElementById('copy-bucket'); s.value = ${JSON.stringify(B)};
       s.dispatchEvent(new Event('change', { bubbles: true }));`,
    );
    await press(page, 'Copy');
    await dialogClosed(page);
    expect(keysOf(motoUrl, B)).toEqual([JP]);
    expect(sha(await bytesOf(motoUrl, dir, B, JP))).toBe(sha(body));
    const copiedHead = awsCli(motoUrl, ['s3api', 'head-object', '--bucket', B, '--key', JP]) as {
      ContentType: string;
      Metadata: Record<string, string>;
    };
    expect(copiedHead.ContentType).toBe('text/plain');
    expect(copiedHead.Metadata).toEqual({ colour: 'blue' });

    // Move the folder: into itself is refused, then into archive/ with everything under it.
    await select(page, 'docs/');
    await press(page, 'Move…');
    await fill(page, 'Destination folder', 'docs/inner');
    await press(page, 'Move');
    await waitForText(page, 'A folder cannot go into itself');
    await fill(page, 'Destination folder', 'archive');
    await press(page, 'Move');
    await dialogClosed(page);
    await waitForRow(page, 'archive/');
    await waitForRow(page, 'docs/', false);
    expect(keysOf(motoUrl, A)).toEqual(['archive/docs/a.txt', 'archive/docs/sub/b.txt', JP]);

    // Rename the Japanese object.
    await select(page, JP);
    await press(page, 'Rename…');
    await fill(page, 'New name', RENAMED);
    await press(page, 'Rename');
    await dialogClosed(page);
    await waitForRow(page, RENAMED);
    expect(keysOf(motoUrl, A)).toEqual(['archive/docs/a.txt', 'archive/docs/sub/b.txt', RENAMED]);

    // Properties: change two headers and add metadata; a non-ASCII value is refused, nothing lost.
    await select(page, RENAMED);
    await press(page, 'Properties…');
    await waitFor(
      page,
      () =>
        (document.getElementById('meta-content-type') as HTMLInputElement | null)?.value ===
        'text/plain',
      'the object head',
    );
    const firstName = await run<string>(
      page,
      `return document.querySelector('[aria-label="Name of metadata 1"]').value;`,
    );
    expect(firstName).toBe('colour');
    await fill(page, 'Content-Type', 'text/markdown; charset=utf-8');
    await fill(page, 'Cache-Control', 'max-age=600');
    await press(page, 'Add metadata');
    await fill(page, 'Name of metadata 2', 'owner');
    await fill(page, 'Value of metadata 2', '山田');
    await press(page, 'Save');
    await waitForText(page, 'HTTP headers cannot carry other text');
    const kept = await run<string>(
      page,
      `return document.getElementById('meta-cache-control').value;`,
    );
    expect(kept).toBe('max-age=600');
    await fill(page, 'Value of metadata 2', 'Yamada Taro');
    await press(page, 'Save');
    await dialogClosed(page);
    const head = awsCli(motoUrl, ['s3api', 'head-object', '--bucket', A, '--key', RENAMED]) as {
      ContentType: string;
      CacheControl?: string;
      Metadata: Record<string, string>;
    };
    expect(head.ContentType).toBe('text/markdown; charset=utf-8');
    expect(head.CacheControl).toBe('max-age=600');
    expect(head.Metadata).toEqual({ colour: 'blue', owner: 'Yamada Taro' });
    expect(sha(await bytesOf(motoUrl, dir, A, RENAMED))).toBe(sha(body));

    // Permissions: public-read, then private again.
    const grants = () =>
      (
        awsCli(motoUrl, ['s3api', 'get-object-acl', '--bucket', A, '--key', RENAMED]) as {
          Grants: Array<{ Grantee: { URI?: string }; Permission: string }>;
        }
      ).Grants;
    const publicRead = () =>
      grants().some((g) => g.Grantee.URI === ALL_USERS && g.Permission === 'READ');
    await select(page, RENAMED);
    await press(page, 'Permissions…');
    await waitForText(page, 'Canned ACL: private (only the owner)');
    await page.click('#acl-public-read');
    await press(page, 'Apply');
    await waitForText(page, 'ACL set to public-read.');
    await waitForText(page, 'Canned ACL: public-read (anyone can read it)');
    await waitForText(page, 'Everyone (AllUsers)');
    expect(publicRead()).toBe(true);
    await page.click('#acl-private');
    await press(page, 'Apply');
    await waitForText(page, 'ACL set to private.');
    await waitForText(page, 'Canned ACL: private (only the owner)');
    expect(publicRead()).toBe(false);

    // The in-place copy and both ACL writes went through the front door, signed as the profile says.
    const writes = frontDoor.requests
      .slice(seenBefore)
      .filter((r) => r.method === 'PUT' && r.path.endsWith(`/${A}/${encodeURIComponent(RENAMED)}`));
    expect(writes.length).toBeGreaterThanOrEqual(4);
    for (const w of writes) expect([w.sigVersion, w.ok, w.status]).toEqual([sigVersion, true, 200]);

    // A bucket without ACLs: a plain sentence instead of the raw error code.
    faults.state.aclsOff = true;
    try {
      await page.click('#acl-public-read');
      await press(page, 'Apply');
      await waitForText(page, 'ACLs are turned off for this bucket or store');
      expect(await bodyText(page)).not.toContain('AccessControlListNotSupported');
    } finally {
      faults.state.aclsOff = false;
    }
    expect(publicRead()).toBe(false);
    await press(page, 'Close');
    await dialogClosed(page);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
