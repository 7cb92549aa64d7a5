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
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { awsCli } from './aws-cli';
import { CREDENTIALS, panelOnFrontDoor, press } from './profiles-scenarios';
import { addS3CompatibleProfile } from './s3-moto-scenarios';
import {
  createBucketInPanel,
  MALFORMED_POLICY,
  NOT_IMPLEMENTED,
  openSettings,
  POLICY_BUCKET,
  policyDeleted,
  policyUnsupported,
  policyWithMistakeThenFixed,
  type Refusal,
  refusedPolicyKept,
  tagsSaved,
  websiteSaved,
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

    test('the policy is deleted after a confirmation', async () => {
      await policyDeleted(page, moto.url, POLICY_BUCKET);
    });

    test('a website with a redirect rule: its JSON is checked, then saved', async () => {
      await websiteSaved(page, moto.url, POLICY_BUCKET);
    });
  });
}

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: bucket policy on a Eucalyptus-shaped store that refuses`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let page: ScenarioPage;
    /** The answer to PUT ?policy, and to every ?policy request once the store "lacks" them. */
    let putPolicy: Refusal;
    let anyPolicy: Refusal;

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({
        motoUrl: moto.url,
        credentials: [CREDENTIALS],
        s3Answer: (method, rawQuery) => {
          if (!/(^|&)policy(=|&|$)/.test(rawQuery)) return undefined;
          return anyPolicy ?? (method === 'PUT' ? putPolicy : undefined);
        },
      });
      ({ browser, page } = await panelOnFrontDoor(kind, frontDoor));
      await createBucketInPanel(page, 'refusing-store');
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test("the store's refusal is shown by the editor and the text is kept", async () => {
      putPolicy = MALFORMED_POLICY;
      await openSettings(page, 'refusing-store');
      await refusedPolicyKept(page, 'refusing-store');
      await press(page, 'Back');
    });

    test('a store without bucket policies (501 NotImplemented) shows the section read-only', async () => {
      anyPolicy = NOT_IMPLEMENTED;
      await press(page, 'Settings of refusing-store');
      await policyUnsupported(page);
    });
  });
}
