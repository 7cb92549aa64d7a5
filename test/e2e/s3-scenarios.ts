// The S3 scenario both browsers must pass: a bucket, a folder, files with awkward names dropped
// in (one big enough to go multipart), the bytes checked with the AWS CLI, the folder deleted.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { reloadPage } from '../support/browser-adapter';
import { awsCli } from './aws-cli';
import { fill, press, run, type TypingPage, waitForText } from './profiles-scenarios';
import { waitFor } from './shell-scenarios';

export const BUCKET = 'e2e-bucket';
const SMALL = ['a b+c%d#e?f.txt', '日本語 ファイル.txt', 'x&y.bin'];
const BIG = 'big 20MiB.bin';
const BIG_SIZE = 20 * 1024 * 1024;

/** Files are made in the page from a seed, so the test knows their bytes without sending them. */
function pageBytes(name: string, size: number): string {
  return `(() => { const b = new Uint8Array(${size}); let x = ${name.length * 7919 + size};
    for (let i = 0; i < b.length; i++) { x = (Math.imul(x, 1103515245) + 12345) >>> 0; b[i] = x >>> 24; } return b; })()`;
}
function nodeBytes(name: string, size: number): Buffer {
  const b = Buffer.alloc(size);
  let x = name.length * 7919 + size;
  for (let i = 0; i < b.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const sizeOf = (name: string) => (name === BIG ? BIG_SIZE : 1000 + name.length * 37);

/**
 * Resolves to the files the browser saves from now on, by their paths relative to the downloads
 * folder, once all of `expected` (path → size) are there.
 */
export type CatchDownloads = (expected: Record<string, number>) => Promise<Map<string, Buffer>>;

/** The name the panel saves a key under (downloadName), as the test expects it. */
const savedAs = (name: string) => name.replace(/[?%]/g, '_');

export async function s3Scenario(page: TypingPage, motoUrl: string, downloads: CatchDownloads) {
  await page.click('#tab-s3');
  await press(page, 'Create bucket…');
  await fill(page, 'Bucket name', 'Bad_Name');
  await press(page, 'Create');
  await waitForText(page, '3 to 63 characters');
  await fill(page, 'Bucket name', BUCKET);
  await press(page, 'Create');
  await press(page, BUCKET);

  await press(page, 'New folder…');
  await fill(page, 'Folder name', 'docs');
  await press(page, 'Create');
  await waitFor(page, () => !!document.querySelector('tr[data-key="docs/"]'), 'the docs folder');
  await page.click('tr[data-key="docs/"] td');
  await page.keyboard.press('Enter');
  await waitForText(page, 'Drop files or folders here');
  await waitFor(page, () => !document.querySelector('tr[data-key="docs/"]'), 'inside docs/');

  // A drop as a person makes it: a DragEvent carrying the files, on the object list.
  const files = [...SMALL, BIG]
    .map((name) => `new File([${pageBytes(name, sizeOf(name))}], ${JSON.stringify(name)})`)
    .join(',');
  await run(
    page,
    `const data = new DataTransfer();
     for (const f of [${files}]) data.items.add(f);
     document.querySelector('.drop-target').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));`,
  );
  await waitForText(page, 'Uploaded');
  await waitFor(
    page,
    () => document.querySelectorAll('.upload.done').length === 4,
    'four uploads done',
    60_000,
  );
  for (const name of [...SMALL, BIG])
    await waitFor(
      page,
      new Function(
        `return !!document.querySelector('tr[data-key="docs/${name.replace(/"/g, '\\"')}"]');`,
      ) as () => boolean,
      name,
    );

  // The AWS CLI gets back exactly the bytes that were dropped.
  const dir = await mkdtemp(join(tmpdir(), 'cirrus-s3-e2e-'));
  try {
    for (const name of [...SMALL, BIG]) {
      const out = join(dir, 'object');
      awsCli(motoUrl, ['s3api', 'get-object', '--bucket', BUCKET, '--key', `docs/${name}`, out]);
      expect(sha(await readFile(out)), name).toBe(sha(nodeBytes(name, sizeOf(name))));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const uploads = awsCli(motoUrl, ['s3api', 'list-multipart-uploads', '--bucket', BUCKET]) as {
    Uploads?: unknown[];
  };
  expect(uploads.Uploads ?? []).toEqual([]);

  // Back to the bucket root: the folder downloads as its four files, byte for byte.
  await press(page, BUCKET);
  await waitFor(page, () => !!document.querySelector('tr[data-key="docs/"]'), 'docs again');
  await page.click('tr[data-key="docs/"] td');
  const expected = Object.fromEntries(
    [...SMALL, BIG].map((name) => [`docs/${savedAs(name)}`, sizeOf(name)]),
  );
  const saved = downloads(expected);
  saved.catch(() => undefined);
  await press(page, 'Download');
  const got = await saved;
  for (const name of [...SMALL, BIG]) {
    const bytes = got.get(`docs/${savedAs(name)}`);
    expect(bytes && sha(bytes), `downloaded ${name} (saved: ${[...got.keys()].join(', ')})`).toBe(
      sha(nodeBytes(name, sizeOf(name))),
    );
  }

  // Delete the folder with everything in it.
  await press(page, 'Delete');
  await waitForText(page, 'Delete 5 object(s), folders with everything in them?');
  await press(page, 'Delete 5 object(s)');
  await waitFor(page, () => !document.querySelector('tr[data-key="docs/"]'), 'docs gone');
  const left = awsCli(motoUrl, ['s3api', 'list-objects-v2', '--bucket', BUCKET]) as {
    Contents?: unknown[];
  };
  expect(left.Contents ?? []).toEqual([]);
}

/** Faults the front door puts in the way of S3 part uploads, switched on by the scenarios. */
export function s3Faults() {
  const state = {
    failNextPart: false,
    failedParts: 0,
    hold: null as Promise<void> | null,
    heldParts: 0,
    /** Hold only parts numbered this or above (the first time each is sent); null: all. */
    holdFrom: null as number | null,
    /** Part numbers as they were sent, retries and resumes included. */
    partsSent: [] as number[],
    /** Part numbers held once already (with holdFrom, each is held only the first time). */
    heldNumbers: new Set<number>(),
    /** Answer ACL writes as an AWS bucket with Object Ownership "bucket owner enforced" does. */
    aclsOff: false,
  };
  const isPart = (method: string, query: string) =>
    method === 'PUT' && /(^|&)partNumber=/.test(query);
  return {
    state,
    s3Answer(method: string, query: string) {
      if (state.aclsOff && method === 'PUT' && /(^|&)acl(=|&|$)/.test(query))
        return {
          status: 400,
          body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessControlListNotSupported</Code><Message>The bucket does not allow ACLs</Message><RequestId>E2E</RequestId></Error>',
        };
      if (!isPart(method, query) || !state.failNextPart) return undefined;
      state.failNextPart = false;
      state.failedParts++;
      return {
        status: 500,
        body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message><RequestId>E2E</RequestId></Error>',
      };
    },
    s3Hold(method: string, query: string) {
      if (!isPart(method, query)) return undefined;
      const part = Number(/(?:^|&)partNumber=(\d+)/.exec(query)?.[1]);
      state.partsSent.push(part);
      if (!state.hold) return undefined;
      if (state.holdFrom !== null && (part < state.holdFrom || state.heldNumbers.has(part)))
        return undefined;
      state.heldNumbers.add(part);
      state.heldParts++;
      return state.hold;
    },
  };
}

async function dropOne(page: TypingPage, name: string, size: number, lastModified?: number) {
  const options = lastModified === undefined ? '' : `, { lastModified: ${lastModified} }`;
  await run(
    page,
    `const data = new DataTransfer();
     data.items.add(new File([${pageBytes(name, size)}], ${JSON.stringify(name)}${options}));
     document.querySelector('.drop-target').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));`,
  );
}

/** A 40 MiB upload whose part fails once still completes with the right bytes. */
export async function failedPartScenario(
  page: TypingPage,
  motoUrl: string,
  faults: ReturnType<typeof s3Faults>,
) {
  const name = 'retried 40MiB.bin';
  const size = 40 * 1024 * 1024;
  faults.state.failNextPart = true;
  await dropOne(page, name, size);
  await waitFor(
    page,
    new Function(
      `return [...document.querySelectorAll('.upload.done')].some((li) => li.textContent.includes(${JSON.stringify(name)}));`,
    ) as () => boolean,
    'the retried upload done',
    60_000,
  );
  expect(faults.state.failedParts).toBe(1);
  const dir = await mkdtemp(join(tmpdir(), 'cirrus-s3-e2e-'));
  try {
    const out = join(dir, 'object');
    awsCli(motoUrl, ['s3api', 'get-object', '--bucket', BUCKET, '--key', name, out]);
    expect(sha(await readFile(out))).toBe(sha(nodeBytes(name, size)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Cancelling a multipart upload midway aborts it: ListMultipartUploads is empty afterwards. */
export async function cancelScenario(
  page: TypingPage,
  motoUrl: string,
  faults: ReturnType<typeof s3Faults>,
) {
  const name = 'cancelled 40MiB.bin';
  let release = () => {};
  faults.state.hold = new Promise<void>((resolve) => {
    release = resolve;
  });
  await dropOne(page, name, 40 * 1024 * 1024);
  await expect.poll(() => faults.state.heldParts, { timeout: 20_000 }).toBeGreaterThan(0);
  await press(page, 'Cancel all');
  faults.state.hold = null;
  release();
  await waitFor(
    page,
    new Function(
      `return [...document.querySelectorAll('.upload.cancelled')].some((li) => li.textContent.includes(${JSON.stringify(name)}));`,
    ) as () => boolean,
    'the upload cancelled',
  );
  await expect
    .poll(
      () =>
        (
          (
            awsCli(motoUrl, ['s3api', 'list-multipart-uploads', '--bucket', BUCKET]) as {
              Uploads?: unknown[];
            }
          ).Uploads ?? []
        ).length,
      { timeout: 10_000 },
    )
    .toBe(0);
  const listed = awsCli(motoUrl, ['s3api', 'list-objects-v2', '--bucket', BUCKET]) as {
    Contents?: Array<{ Key: string }>;
  };
  expect((listed.Contents ?? []).map((c) => c.Key)).not.toContain(name);
}

/** A link with a chosen lifetime that anyone can fetch: the same bytes come back. */
export async function shareScenario(page: TypingPage) {
  const name = 'retried 40MiB.bin';
  await waitFor(
    page,
    new Function(`return !!document.querySelector('tr[data-key="${name}"]');`) as () => boolean,
    name,
  );
  await page.click(`tr[data-key="${name}"] td`);
  await press(page, 'Share link…');
  await run(
    page,
    `const s = document.getElementById('share-lifetime'); s.value = '300';
     s.dispatchEvent(new Event('change', { bubbles: true }));`,
  );
  await press(page, 'Create link');
  const url = await waitFor(
    page,
    () => (document.getElementById('share-url') as HTMLInputElement | null)?.value,
    'the link',
  );
  expect(url).toMatch(/Expires=|X-Amz-Expires=300/);
  const body = Buffer.from(await (await fetch(url)).arrayBuffer());
  expect(sha(body)).toBe(sha(nodeBytes(name, 40 * 1024 * 1024)));
  await press(page, 'Close');
}

/** A bucket that still holds objects is emptied (after saying how many) and deleted. */
export async function deleteBucketScenario(page: TypingPage, motoUrl: string) {
  await press(page, 'Buckets');
  await press(page, `Delete ${BUCKET}`);
  await waitForText(page, `${BUCKET} holds 1 object(s).`);
  await press(page, 'Delete 1 object(s) and the bucket');
  await waitForText(page, 'No buckets yet.');
  const buckets = awsCli(motoUrl, ['s3api', 'list-buckets']) as {
    Buckets?: Array<{ Name: string }>;
  };
  expect((buckets.Buckets ?? []).map((b) => b.Name)).not.toContain(BUCKET);
}

/** How many parts the server holds for the unfinished upload of `key` (0 when there is none). */
function partsOnServer(motoUrl: string, key: string): number {
  const listed = awsCli(motoUrl, ['s3api', 'list-multipart-uploads', '--bucket', BUCKET]) as {
    Uploads?: Array<{ Key: string; UploadId: string }>;
  };
  const mine = listed.Uploads?.find((u) => u.Key === key);
  if (!mine) return 0;
  const args = ['s3api', 'list-parts', '--bucket', BUCKET, '--key', key];
  const parts = awsCli(motoUrl, [...args, '--upload-id', mine.UploadId]) as { Parts?: unknown[] };
  return (parts.Parts ?? []).length;
}

/**
 * "Resume later" midway, a reload, the same file dropped again: the upload finishes from where
 * it stopped (the part already on the server is not sent again) and the bytes are right.
 */
export async function resumeScenario(
  page: TypingPage,
  motoUrl: string,
  faults: ReturnType<typeof s3Faults>,
) {
  const name = 'resumed 40MiB.bin';
  const size = 40 * 1024 * 1024;
  const lastModified = 1_700_000_000_000;
  // Parts 2 and 3 are held until the end: released earlier, the front door could still pass
  // them on and the server would hold the whole file before the resume.
  let release = () => {};
  faults.state.partsSent = [];
  faults.state.heldNumbers = new Set();
  faults.state.holdFrom = 2;
  faults.state.hold = new Promise<void>((resolve) => {
    release = resolve;
  });
  try {
    await dropOne(page, name, size, lastModified);
    // Part 1 (16 MiB) reaches the server; parts 2 and 3 are held.
    // 16 MiB through the front door to moto: seconds when quiet, far more on a loaded machine.
    await expect.poll(() => partsOnServer(motoUrl, name), { timeout: 60_000 }).toBe(1);
    // The row shows how far it got.
    await waitFor(
      page,
      new Function(
        `const li = [...document.querySelectorAll('.upload.sending')].find((l) => l.textContent.includes(${JSON.stringify(name)}));
         const value = li?.querySelector('progress')?.value ?? 0;
         return value >= 40 && / s left/.test(li.textContent);`,
      ) as () => boolean,
      'progress of the held upload',
    );
    await press(page, 'Resume later');
    await waitForText(page, `${name}: kept to resume later`);
    faults.state.hold = null;
    faults.state.holdFrom = null;
    await resumeAfterReload(page, motoUrl, faults, name, size, lastModified);
  } finally {
    faults.state.hold = null;
    faults.state.holdFrom = null;
    release();
  }
}

async function resumeAfterReload(
  page: TypingPage,
  motoUrl: string,
  faults: ReturnType<typeof s3Faults>,
  name: string,
  size: number,
  lastModified: number,
) {
  const doneRow = new Function(
    `return [...document.querySelectorAll('.upload.done')].some((li) => li.textContent.includes(${JSON.stringify(name)}));`,
  ) as () => boolean;
  // Still on the server, waiting.
  const waiting = awsCli(motoUrl, ['s3api', 'list-multipart-uploads', '--bucket', BUCKET]) as {
    Uploads?: Array<{ Key: string }>;
  };
  expect((waiting.Uploads ?? []).map((u) => u.Key)).toEqual([name]);

  await reloadPage(page);
  await waitFor(page, () => !!document.getElementById('tab-s3'), 'the panel again');
  await page.click('#tab-s3');
  await waitForText(page, 'Uploads to resume');
  await waitForText(page, `${name} in ${BUCKET}`);
  await press(page, BUCKET);
  await waitForText(page, 'Drop files or folders here');
  expect(faults.state.partsSent.filter((p) => p === 1)).toHaveLength(1);
  const mark = faults.state.partsSent.length;
  await dropOne(page, name, size, lastModified);
  await waitFor(page, doneRow, 'the resumed upload done', 60_000);
  // Part 1 was not sent again; 2 and 3 were.
  expect(faults.state.partsSent.slice(mark).sort()).toEqual([2, 3]);
  await waitFor(
    page,
    () => !document.body.innerText.includes('Uploads to resume'),
    'nothing left to resume',
  );
  const dir = await mkdtemp(join(tmpdir(), 'cirrus-s3-e2e-'));
  try {
    const out = join(dir, 'object');
    awsCli(motoUrl, ['s3api', 'get-object', '--bucket', BUCKET, '--key', name, out]);
    expect(sha(await readFile(out))).toBe(sha(nodeBytes(name, size)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const after = awsCli(motoUrl, ['s3api', 'list-multipart-uploads', '--bucket', BUCKET]) as {
    Uploads?: unknown[];
  };
  expect(after.Uploads ?? []).toEqual([]);
  awsCli(motoUrl, ['s3api', 'delete-object', '--bucket', BUCKET, '--key', name]);
}

/** A paused upload discarded from its row: its parts are aborted on the server. */
export async function discardPausedScenario(
  page: TypingPage,
  motoUrl: string,
  faults: ReturnType<typeof s3Faults>,
) {
  const name = 'discarded 40MiB.bin';
  let release = () => {};
  faults.state.heldNumbers = new Set();
  faults.state.holdFrom = 2;
  faults.state.hold = new Promise<void>((resolve) => {
    release = resolve;
  });
  try {
    await dropOne(page, name, 40 * 1024 * 1024, 1_700_000_000_000);
    // 16 MiB through the front door to moto: seconds when quiet, far more on a loaded machine.
    await expect.poll(() => partsOnServer(motoUrl, name), { timeout: 60_000 }).toBe(1);
    await waitFor(
      page,
      new Function(
        `return [...document.querySelectorAll('.upload.sending')].some((li) => li.textContent.includes(${JSON.stringify(name)}) && [...li.querySelectorAll('button')].some((b) => b.textContent === 'Resume later'));`,
      ) as () => boolean,
      'Resume later offered',
    );
    await press(page, 'Resume later');
    await waitForText(page, `${name}: kept to resume later`);
  } finally {
    faults.state.hold = null;
    faults.state.holdFrom = null;
    release();
  }
  await press(page, 'Discard');
  await waitForText(page, `${name}: cancelled`);
  const left = awsCli(motoUrl, ['s3api', 'list-multipart-uploads', '--bucket', BUCKET]) as {
    Uploads?: unknown[];
  };
  expect(left.Uploads ?? []).toEqual([]);
}
