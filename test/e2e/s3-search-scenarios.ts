// "Search the whole bucket" in the S3 panel, on moto: a bucket of 5,000 keys in 50 folders is
// searched with a glob, the count is shown, and a match opens in its folder with it selected.
import { expect } from 'vitest';
import { createLocalSigner } from '../../src/cloud/local-signer';
import type { S3CompatibleProfile } from '../../src/cloud/profile';
import { createBucket, putObject } from '../../src/cloud/s3/index';
import { CREDENTIALS, fill, press, type TypingPage, waitForText } from './profiles-scenarios';
import { waitFor } from './shell-scenarios';

export const SEARCH_BUCKET = 'search-e2e';
const FOLDERS = 50;
const PER_FOLDER = 100;

/** data/fNN/item-III.txt, every tenth one (III ending in 7) a .csv: 5,000 keys, 500 of them .csv. */
export function searchKeys(): string[] {
  const keys: string[] = [];
  for (let f = 0; f < FOLDERS; f++)
    for (let i = 0; i < PER_FOLDER; i++) {
      const ext = i % 10 === 7 ? 'csv' : 'txt';
      keys.push(`data/f${String(f).padStart(2, '0')}/item-${String(i).padStart(3, '0')}.${ext}`);
    }
  return keys;
}

/** Creates the bucket and its keys with direct PUTs from Node, 32 at a time. */
export async function fillSearchBucket(motoUrl: string): Promise<number> {
  const profile: S3CompatibleProfile = {
    id: 'search-seed',
    kind: 's3',
    name: 'seed',
    accessKeyId: CREDENTIALS.accessKeyId,
    endpoint: motoUrl,
    pathStyle: true,
    region: 'us-east-1',
    signatureVersion: 4,
  };
  const signer = createLocalSigner(profile, CREDENTIALS);
  await createBucket(profile, signer, SEARCH_BUCKET);
  const keys = searchKeys();
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const key = keys[next++] as string;
      await putObject(profile, signer, SEARCH_BUCKET, key, key);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return keys.length;
}

const selectedKeys = (page: TypingPage) =>
  page.evaluate(() =>
    [...document.querySelectorAll('tr[aria-selected="true"]')].map((r) =>
      r.getAttribute('data-key'),
    ),
  );

export async function searchScenario(page: TypingPage) {
  await page.click('#tab-s3');
  await press(page, SEARCH_BUCKET);
  await waitForText(page, 'Drop files or folders here');
  await press(page, 'Search the whole bucket');
  await fill(page, 'Key or pattern', 'data/f1*/*.csv');
  await press(page, 'Search');
  // Folders f10–f19, ten .csv each; all 5,000 keys listed to know there are no more.
  await waitForText(page, '5000 keys scanned, 100 matches', 120_000);
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll('.bucket-search tr[data-key]')].map((r) =>
      r.getAttribute('data-key'),
    ),
  );
  expect(shown.length).toBeGreaterThan(5);
  expect(shown.every((k) => /^data\/f1\d\/item-\d\d7\.csv$/.test(k ?? ''))).toBe(true);

  // The tenth match, item 97 of its folder: far enough down that the folder must scroll to it.
  const match = 'data/f10/item-097.csv';
  await page.click(`.bucket-search tr[data-key="${match}"]`);
  await press(page, 'Show in its folder');
  await waitFor(
    page,
    new Function(
      `return !document.querySelector('.bucket-search') &&
        document.querySelector('tr[data-key="${match}"][aria-selected="true"]') !== null;`,
    ) as () => boolean,
    'the match selected in its folder',
    60_000,
  );
  expect(await selectedKeys(page)).toEqual([match]);
  const crumbs = await page.evaluate(
    () => document.querySelector('nav.breadcrumb')?.textContent ?? '',
  );
  expect(crumbs).toContain('f10');
  // Only its own folder is listed: 100 keys, no search results left over.
  await waitFor(
    page,
    () => Number(document.querySelector('.vtable table')?.getAttribute('aria-rowcount')) === 101,
    'the folder of 100 keys listed',
    60_000,
  );
}

export async function searchCancelScenario(page: TypingPage) {
  // A search of everything, cancelled once it has started: the count stops short or at the end.
  await press(page, 'Search the whole bucket');
  await fill(page, 'Key or pattern', '');
  // Search and Cancel in one go in the page: from Node, the 5 pages could be listed before a click.
  await page.evaluate(async () => {
    const buttons = () => [...document.querySelectorAll('.bucket-search button')];
    const named = (text: string) =>
      buttons().find((b) => b.textContent?.trim() === text) as HTMLButtonElement | undefined;
    named('Search')?.click();
    for (let i = 0; i < 500; i++) {
      const cancel = named('Cancel');
      if (cancel && !cancel.disabled) return cancel.click();
      if (/5000 keys scanned/.test(document.body.innerText)) return;
      await new Promise((r) => setTimeout(r, 0));
    }
  });
  await waitFor(
    page,
    () => /Cancelled: \d+ keys scanned|5000 keys scanned/.test(document.body.innerText),
    'the search stopped',
    60_000,
  );
}
