// A bucket's lifecycle and CORS rules from its Settings view, in each browser, checked with the
// AWS CLI against moto.
import { afterAll, beforeAll, describe, test } from 'vitest';
import {
  BROWSERS,
  CAPABILITIES,
  launchBrowser,
  type ScenarioPage,
  type TestBrowser,
} from '../support/browser-adapter';
import { type Moto, startMoto } from '../support/moto';
import {
  corsRuleFromSettings,
  deleteConfigurationsFromSettings,
  lifecycleRuleFromSettings,
  openBucketSettings,
} from './s3-lifecycle-cors-scenarios';
import { addS3CompatibleProfile } from './s3-moto-scenarios';

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: lifecycle and CORS rules in a bucket's Settings`, () => {
    let moto: Moto;
    let browser: TestBrowser;
    let page: ScenarioPage;

    beforeAll(async () => {
      moto = await startMoto();
      browser = await launchBrowser(kind);
      await browser.grantHostAccess('http://127.0.0.1/*');
      page = await browser.open('panel.html');
      await addS3CompatibleProfile(page, moto.url);
      await openBucketSettings(page, moto.url);
    });
    afterAll(async () => {
      await browser?.close();
      await moto?.stop();
    });

    test('a lifecycle rule: a wrong day count refused and kept, then saved; the CLI reads it', async () => {
      await lifecycleRuleFromSettings(page, moto.url);
    });

    test('a CORS rule: a wrong origin refused and kept, then saved; the CLI reads it', async () => {
      await corsRuleFromSettings(page, moto.url);
    });

    test('both configurations deleted after a confirm; the CLI finds neither', async () => {
      await deleteConfigurationsFromSettings(page, moto.url);
    });
  });
}
