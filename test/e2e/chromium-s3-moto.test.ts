import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { type ChromiumSession, launchChromium } from '../support/chromium';
import { type Moto, startMoto } from '../support/moto';
import { addS3CompatibleProfile, folderToMoto } from './s3-moto-scenarios';

describe('Chromium: the S3 browser on moto with an S3-compatible profile', () => {
  let moto: Moto;
  let session: ChromiumSession;
  let page: Page;

  beforeAll(async () => {
    moto = await startMoto();
    session = await launchChromium();
    await session.grantHostAccess('http://127.0.0.1/*');
    page = await session.context.newPage();
    await page.goto(`${session.baseUrl}panel.html`);
    await addS3CompatibleProfile(page, moto.url);
  });
  afterAll(async () => {
    await session?.close();
    await moto?.stop();
  });

  test('a folder dropped from disk goes up with its paths; the AWS CLI reads the same bytes', async () => {
    await folderToMoto(
      page,
      moto.url,
      async (album) => {
        // A real drag from the file manager: Chromium turns the path into a directory entry.
        const box = await page.evaluate(() => {
          const r = document.querySelector('.drop-target')?.getBoundingClientRect();
          return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
        });
        if (!box) throw new Error('no drop target');
        const cdp = await session.context.newCDPSession(page);
        const data = { items: [], files: [album], dragOperationsMask: 1 };
        for (const type of ['dragEnter', 'dragOver', 'drop'] as const)
          await cdp.send('Input.dispatchDragEvent', { type, ...box, data });
        await cdp.detach();
      },
      'album/',
    );
  });
});
