// Whole-bucket search in the S3 panel on moto, in each browser.
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
import { fillSearchBucket, searchCancelScenario, searchScenario } from './s3-search-scenarios';

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: search the whole bucket`, () => {
    let moto: Moto;
    let browser: TestBrowser;
    let page: ScenarioPage;

    beforeAll(async () => {
      moto = await startMoto();
      await fillSearchBucket(moto.url);
      browser = await launchBrowser(kind);
      await browser.grantHostAccess('http://127.0.0.1/*');
      page = await browser.open('panel.html');
      await addS3CompatibleProfile(page, moto.url);
    }, 300_000);
    afterAll(async () => {
      await browser?.close();
      await moto?.stop();
    });

    test('a glob over 5,000 keys: the count, then a match opened in its folder, selected', async () => {
      await searchScenario(page);
    }, 300_000);

    test('a search can be cancelled', async () => {
      await searchCancelScenario(page);
    }, 120_000);
  });
}
