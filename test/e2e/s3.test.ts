// The S3 browser on a Eucalyptus-shaped cloud, in each browser (Chromium signs with SigV4,
// Firefox with SigV2: both must work).
import { afterAll, beforeAll, describe, test } from 'vitest';
import {
  BROWSERS,
  CAPABILITIES,
  type ScenarioPage,
  type TestBrowser,
} from '../support/browser-adapter';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { CREDENTIALS, panelOnFrontDoor } from './profiles-scenarios';
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

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: the S3 browser on a Eucalyptus-shaped cloud, SigV${can.signatureVersion}`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let page: ScenarioPage;
    const faults = s3Faults();

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({
        motoUrl: moto.url,
        credentials: [CREDENTIALS],
        s3Answer: faults.s3Answer,
        s3Hold: faults.s3Hold,
      });
      ({ browser, page } = await panelOnFrontDoor(kind, frontDoor));
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('a bucket, a folder, awkward names and a multipart file dropped in, the same bytes back, the folder deleted', async () => {
      await s3Scenario(page, moto.url, (expected) => browser.downloads(page, expected));
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
      await objectOpsScenario(page, moto.url, frontDoor, can.signatureVersion, faults);
    });
  });
}
