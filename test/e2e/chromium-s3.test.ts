import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { type ChromiumSession, launchChromium } from '../support/chromium';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { addEucalyptusProfile, CREDENTIALS } from './profiles-scenarios';
import { s3Scenario } from './s3-scenarios';

describe('Chromium: the S3 browser on a Eucalyptus-shaped cloud', () => {
  let moto: Moto;
  let frontDoor: FrontDoor;
  let session: ChromiumSession;
  let page: Page;

  beforeAll(async () => {
    moto = await startMoto();
    frontDoor = await startFrontDoor({ motoUrl: moto.url, credentials: [CREDENTIALS] });
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
});
