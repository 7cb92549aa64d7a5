// Images from instances in each browser (Chromium signs with SigV4, Firefox with SigV2), on a
// Eucalyptus-shaped cloud in front of moto; what the panel made is checked with the AWS CLI.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BROWSERS,
  CAPABILITIES,
  type ScenarioPage,
  type TestBrowser,
} from '../support/browser-adapter';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { awsCli } from './aws-cli';
import { MOTO_IMAGE } from './ec2-scenarios';
import {
  bundleInstanceScenario,
  createImageFromInstance,
  eucalyptusBundles,
  instanceStore,
} from './images-from-instances-scenarios';
import { CREDENTIALS, panelOnFrontDoor } from './profiles-scenarios';

interface CliImages {
  Images: Array<{ ImageId: string; Name?: string; Description?: string }>;
}

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: images from instances`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let page: ScenarioPage;
    const storeBacked = new Set<string>();
    const bundles = eucalyptusBundles();
    const cli = (args: string[]) => awsCli(moto.url, args);
    const launch = () =>
      (
        cli(['ec2', 'run-instances', '--image-id', MOTO_IMAGE, '--count', '1']) as {
          Instances: Array<{ InstanceId: string }>;
        }
      ).Instances[0]?.InstanceId ?? '';

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({
        motoUrl: moto.url,
        credentials: [CREDENTIALS],
        ec2Rewrite: instanceStore(storeBacked),
        ec2Answer: bundles.answer,
      });
      ({ browser, page } = await panelOnFrontDoor(kind, frontDoor));
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('Create image… of an instance: the AWS CLI sees the image with its name and description', async () => {
      const instanceId = launch();
      const name = `web (${kind}) v1.0`;
      const imageId = await createImageFromInstance(
        page,
        frontDoor,
        instanceId,
        name,
        'made in the panel',
      );
      const found = cli(['ec2', 'describe-images', '--image-ids', imageId]) as CliImages;
      expect(found.Images).toEqual([
        expect.objectContaining({ ImageId: imageId, Name: name, Description: 'made in the panel' }),
      ]);
    });

    test('Bundle instance… signs the upload policy in the background; Bundle tasks follow it to Register image…', async () => {
      const instanceId = launch();
      storeBacked.add(instanceId);
      await bundleInstanceScenario(page, bundles, instanceId);
    });
  });
}
