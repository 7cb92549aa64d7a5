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
  snapshotSharingScenario,
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
    /** Set by the last test: the cloud then refuses snapshot sharing as one without it would. */
    let refuseSharing = false;
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
        ec2Answer: (action, params) =>
          refuseSharing && action === 'DescribeSnapshotAttribute'
            ? {
                status: 400,
                body: '<?xml version="1.0"?><Response><Errors><Error><Code>InvalidAction</Code><Message>DescribeSnapshotAttribute is not implemented</Message></Error></Errors><RequestID>r-1</RequestID></Response>',
              }
            : bundles.answer(action, params),
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

    test('Volume permissions…: account ids checked and added (the CLI sees them); a cloud without it is told so', async () => {
      const volume = cli([
        'ec2',
        'create-volume',
        '--size',
        '1',
        '--availability-zone',
        'us-east-1a',
      ]) as { VolumeId: string };
      const snapshot = cli(['ec2', 'create-snapshot', '--volume-id', volume.VolumeId]) as {
        SnapshotId: string;
      };
      await snapshotSharingScenario(page, snapshot.SnapshotId, () => {
        const seen = cli([
          'ec2',
          'describe-snapshot-attribute',
          '--snapshot-id',
          snapshot.SnapshotId,
          '--attribute',
          'createVolumePermission',
        ]) as { CreateVolumePermissions: Array<{ UserId?: string }> };
        expect(seen.CreateVolumePermissions).toEqual([{ UserId: '111122223333' }]);
        refuseSharing = true;
      });
    });
  });
}
