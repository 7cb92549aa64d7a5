import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { type FirefoxSession, launchFirefox } from '../support/firefox';
import { type Moto, startMoto } from '../support/moto';
import { addS3CompatibleProfile, folderToMoto } from './s3-moto-scenarios';

describe('Firefox ESR: the S3 browser on moto with an S3-compatible profile', () => {
  let moto: Moto;
  let session: FirefoxSession;
  let page: Page;

  beforeAll(async () => {
    moto = await startMoto();
    session = await launchFirefox();
    page = await session.open('panel.html');
    await addS3CompatibleProfile(page, moto.url);
  });
  afterAll(async () => {
    await session?.close();
    await moto?.stop();
  });

  // WebDriver BiDi sets files, not folders (input.setFiles refuses a directory), so Firefox
  // gets the album's files through "Upload files…"; the folder walk is unit-tested.
  test('files picked from disk go up; the AWS CLI reads the same bytes', async () => {
    await folderToMoto(
      page,
      moto.url,
      async (album) => {
        const files = (await readdir(album, { recursive: true, withFileTypes: true }))
          .filter((e) => e.isFile())
          .map((e) => join(e.parentPath, e.name));
        const input = (await page.$(
          'input[type=file][multiple]',
        )) as ElementHandle<HTMLInputElement>;
        await input.uploadFile(...files);
      },
      '',
    );
  });
});
