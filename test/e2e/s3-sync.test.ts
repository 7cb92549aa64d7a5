// Folder compare and sync in the S3 panel on moto, in each browser.
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
import { addS3CompatibleProfile } from './s3-moto-scenarios';
import { cleanSync, compareMany, prepareSync, syncFolder, writeMany } from './s3-sync-scenarios';

// 2,000 files keep the suite short; CIRRUS_SYNC_FILES=10000 checks the 10,000 the README names.
const MANY = Number(process.env.CIRRUS_SYNC_FILES ?? 2_000);

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: compare a folder with a bucket prefix and sync it`, () => {
    let moto: Moto;
    let browser: TestBrowser;
    let page: ScenarioPage;
    let tmp = '';
    let folder = '';

    beforeAll(async () => {
      moto = await startMoto();
      ({ tmp, folder } = await prepareSync(moto.url));
      browser = await launchBrowser(kind);
      await browser.grantHostAccess('http://127.0.0.1/*');
      page = await browser.open('panel.html');
      await addS3CompatibleProfile(page, moto.url);
    });
    afterAll(async () => {
      await browser?.close();
      await moto?.stop();
      if (tmp) await cleanSync(tmp);
    });

    test('new and changed files go up, the object only in the bucket goes after a confirm', async () => {
      await syncFolder(page, moto.url, folder, async () => {
        if (can.canSetDirectory) await browser.dropDirectory(page, '.sync-view', folder);
        else {
          // BiDi sets files, not a folder: the folder input gets the folder's files.
          const files = (await readdir(folder)).map((name) => join(folder, name));
          await browser.setFiles(page, 'input[data-sync-folder]', files);
        }
      });
    }, 240_000);

    if (can.canSetDirectory) {
      // BiDi would have to hand over 10,000 paths one input at a time; a dropped folder is the way.
      test(`${MANY} files compare with progress, cancel, and a page that stays responsive`, async () => {
        const many = await writeMany(tmp, MANY);
        await compareMany(page, moto.url, many, MANY, () =>
          browser.dropDirectory(page, '.sync-view', many),
        );
      }, 600_000);
    }
  });
}
