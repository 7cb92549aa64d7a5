import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { type ChromiumSession, launchChromium } from '../support/chromium';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { addEucalyptusProfile, CREDENTIALS } from './profiles-scenarios';
import { objectOpsScenario } from './s3-object-scenarios';
import {
  type CatchDownloads,
  cancelScenario,
  deleteBucketScenario,
  discardPausedScenario,
  failedPartScenario,
  resumeScenario,
  s3Faults,
  s3Scenario,
  shareScenario,
} from './s3-scenarios';

/**
 * Playwright hands the browser's downloads to the page's "download" event. Its file name is the
 * one Chromium derives from the URL (Playwright keeps the file, so the name the panel chose is
 * never on disk here; Firefox's test checks those names), so ? and % are matched loosely.
 */
function catchDownloads(page: Page): CatchDownloads {
  return (expected) =>
    new Promise((resolve, reject) => {
      const loose = (name: string) => name.replace(/[?%]/g, '_');
      const byName = new Map(Object.keys(expected).map((p) => [loose(p.split('/').pop() ?? p), p]));
      const got = new Map<string, Buffer>();
      const timer = setTimeout(() => {
        page.off('download', on);
        reject(new Error(`downloads missing; got ${[...got.keys()].join(', ')}`));
      }, 30_000);
      function on(download: Download) {
        void (async () => {
          const name = loose(download.suggestedFilename());
          const bytes = await readFile((await download.path()) ?? '');
          got.set(byName.get(name) ?? name, bytes);
          if (got.size === byName.size) {
            clearTimeout(timer);
            page.off('download', on);
            resolve(got);
          }
        })().catch(reject);
      }
      page.on('download', on);
    });
}

describe('Chromium: the S3 browser on a Eucalyptus-shaped cloud', () => {
  let moto: Moto;
  let frontDoor: FrontDoor;
  let session: ChromiumSession;
  let page: Page;
  const faults = s3Faults();

  beforeAll(async () => {
    moto = await startMoto();
    frontDoor = await startFrontDoor({
      motoUrl: moto.url,
      credentials: [CREDENTIALS],
      s3Answer: faults.s3Answer,
      s3Hold: faults.s3Hold,
    });
    session = await launchChromium();
    await session.grantHostAccess('http://127.0.0.1/*');
    page = await session.context.newPage();
    await page.goto(`${session.baseUrl}panel.html`);
    await addEucalyptusProfile(page, frontDoor);
  });
  afterAll(async () => {
    await session?.close();
    await frontDoor?.stop();
    await moto?.stop();
  });

  test('a bucket, a folder, awkward names and a multipart file dropped in, the same bytes back, the folder deleted', async () => {
    await s3Scenario(page, moto.url, catchDownloads(page));
  });
  test('a 40 MiB multipart upload whose part fails once completes with the right bytes', async () => {
    await failedPartScenario(page, moto.url, faults);
  });
  test('cancelling an upload midway leaves no multipart upload behind', async () => {
    await cancelScenario(page, moto.url, faults);
  });
  test('resume later, reload, drop the same file: the upload finishes without resending parts', async () => {
    await resumeScenario(page, moto.url, faults);
  });
  test('a paused upload discarded from its row leaves no parts behind', async () => {
    await discardPausedScenario(page, moto.url, faults);
  });
  test('share a link with a 5-minute lifetime and fetch it', async () => {
    await shareScenario(page);
  });
  test('delete a bucket that still holds an object, after emptying it', async () => {
    await deleteBucketScenario(page, moto.url);
  });
  test('copy across buckets, move a folder, rename, edit headers and metadata, set and clear public-read, explain a bucket without ACLs', async () => {
    await objectOpsScenario(page, moto.url, frontDoor, 4, faults);
  });
});
