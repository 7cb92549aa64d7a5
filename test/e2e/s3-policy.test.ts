// A bucket's Settings view on moto with an S3-compatible profile, in each browser, checked with
// the AWS CLI.
import { afterAll, beforeAll, describe, test } from 'vitest';
import {
  BROWSERS,
  CAPABILITIES,
  launchBrowser,
  type ScenarioPage,
  type TestBrowser,
} from '../support/browser-adapter';
import { type Moto, startMoto } from '../support/moto';
import { awsCli } from './aws-cli';
import { addS3CompatibleProfile } from './s3-moto-scenarios';
import {
  openSettings,
  POLICY_BUCKET,
  policyWithMistakeThenFixed,
  tagsSaved,
} from './s3-policy-scenarios';

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: bucket settings on moto`, () => {
    let moto: Moto;
    let browser: TestBrowser;
    let page: ScenarioPage;

    beforeAll(async () => {
      moto = await startMoto();
      awsCli(moto.url, ['s3api', 'create-bucket', '--bucket', POLICY_BUCKET]);
      browser = await launchBrowser(kind);
      await browser.grantHostAccess('http://127.0.0.1/*');
      page = await browser.open('panel.html');
      await addS3CompatibleProfile(page, moto.url);
      await openSettings(page, POLICY_BUCKET);
    });
    afterAll(async () => {
      await browser?.close();
      await moto?.stop();
    });

    test('a policy with a JSON mistake is refused with line and column and kept; fixed, it is saved', async () => {
      await policyWithMistakeThenFixed(page, moto.url, POLICY_BUCKET);
    });

    test('tags are checked, saved and read back by the AWS CLI', async () => {
      await tagsSaved(page, moto.url, POLICY_BUCKET);
    });
  });
}
