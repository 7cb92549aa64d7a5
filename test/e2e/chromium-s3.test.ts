import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { type ChromiumSession, launchChromium } from '../support/chromium';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { addEucalyptusProfile, CREDENTIALS } from './profiles-scenarios';
import { objectOpsScenario } from './s3-object-scenarios';
import {
  cancelScenario,
  deleteBucketScenario,
  failedPartScenario,
  s3Faults,
  s3Scenario,
  shareScenario,
} from './s3-scenarios';

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
    await s3Scenario(page, moto.url);
  });
  test('a 40 MiB multipart upload whose part fails once completes with the right bytes', async () => {
    await failedPartScenario(page, moto.url, faults);
  });
  test('cancelling an upload midway leaves no multipart upload behind', async () => {
    await cancelScenario(page, moto.url, faults);
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
