import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { type FirefoxSession, launchFirefox } from '../support/firefox';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { downloadInto, savedFiles } from './firefox-downloads';
import { addEucalyptusProfile, CREDENTIALS, switchToSignatureV2 } from './profiles-scenarios';
import { objectOpsScenario } from './s3-object-scenarios';
import {
  cancelScenario,
  deleteBucketScenario,
  discardPausedScenario,
  failedPartScenario,
  resumeScenario,
  s3Faults,
  s3Scenario,
  shareScenario,
} from './s3-scenarios';

describe('Firefox ESR: the S3 browser on a Eucalyptus-shaped cloud, SigV2', () => {
  let moto: Moto;
  let frontDoor: FrontDoor;
  let session: FirefoxSession;
  let page: Page;
  let downloads = '';
  const faults = s3Faults();

  beforeAll(async () => {
    moto = await startMoto();
    frontDoor = await startFrontDoor({
      motoUrl: moto.url,
      credentials: [CREDENTIALS],
      s3Answer: faults.s3Answer,
      s3Hold: faults.s3Hold,
    });
    downloads = await mkdtemp(join(tmpdir(), 'cirrus-downloads-'));
    session = await launchFirefox();
    await downloadInto(session, downloads);
    page = await session.open('panel.html');
    await addEucalyptusProfile(page, frontDoor);
    await switchToSignatureV2(page);
  });
  afterAll(async () => {
    await session?.close();
    await frontDoor?.stop();
    await moto?.stop();
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });

  test('a bucket, a folder, awkward names and a multipart file dropped in, the same bytes back, the folder deleted', async () => {
    await s3Scenario(page, moto.url, (expected) => savedFiles(downloads, expected));
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
    await objectOpsScenario(page, moto.url, frontDoor, 2, faults);
  });
});
