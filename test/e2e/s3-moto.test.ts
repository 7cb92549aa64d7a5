// The S3 browser straight on moto with an S3-compatible profile, in each browser.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import {
  BROWSERS,
  CAPABILITIES,
  launchBrowser,
  type ScenarioPage,
  type TestBrowser,
} from '../support/browser-adapter';
import { type Moto, startMoto } from '../support/moto';
import { addS3CompatibleProfile, folderToMoto } from './s3-moto-scenarios';

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: the S3 browser on moto with an S3-compatible profile`, () => {
    let moto: Moto;
    let browser: TestBrowser;
    let page: ScenarioPage;

    beforeAll(async () => {
      moto = await startMoto();
      browser = await launchBrowser(kind);
      await browser.grantHostAccess('http://127.0.0.1/*');
      page = await browser.open('panel.html');
      await addS3CompatibleProfile(page, moto.url);
    });
    afterAll(async () => {
      await browser?.close();
      await moto?.stop();
    });

    if (can.canSetDirectory) {
      test('a folder dropped from disk goes up with its paths; the AWS CLI reads the same bytes', async () => {
        await folderToMoto(
          page,
          moto.url,
          (album) => browser.dropDirectory(page, '.drop-target', album),
          'album/',
        );
      });
    } else {
      // The browser takes files, not folders, so it gets the album's files through "Upload
      // files…"; the folder walk is unit-tested.
      test('files picked from disk go up; the AWS CLI reads the same bytes', async () => {
        await folderToMoto(
          page,
          moto.url,
          async (album) => {
            const files = (await readdir(album, { recursive: true, withFileTypes: true }))
              .filter((e) => e.isFile())
              .map((e) => join(e.parentPath, e.name));
            await browser.setFiles(page, 'input[type=file][multiple]', files);
          },
          '',
        );
      });
    }
  });
}
