// The Overview in each browser: a profile on the Eucalyptus-shaped front door (Chromium signs
// with SigV4, Firefox with SigV2) and one straight at moto in eu-west-1, on one page.
import { afterAll, beforeAll, describe, test } from 'vitest';
import { ec2Call, runInstances } from '../../src/cloud/ec2';
import { connect } from '../integration/ec2/support';
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
import { addMotoProfile, idleVolumeOpens, overviewOpensInstance } from './overview-scenarios';
import { CREDENTIALS, panelOnFrontDoor, run } from './profiles-scenarios';

const EU = 'eu-west-1';

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: the Overview`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let page: ScenarioPage;
    const ids = { labInstance: '', euInstance: '', euProfileId: '', labProfileId: '', volume: '' };

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({ motoUrl: moto.url, credentials: [CREDENTIALS] });
      // The front door's cloud is moto's us-east-1; the second profile is moto's eu-west-1.
      const c = connect(moto.port);
      const lab = await ec2Call(runInstances, c.profile, c.signer, {
        imageId: MOTO_IMAGE,
        tags: [{ key: 'Name', value: 'lab web' }],
      });
      ids.labInstance = lab.instances[0]?.instanceId ?? '';
      const eu = awsCli(moto.url, [
        '--region',
        EU,
        'ec2',
        'run-instances',
        '--image-id',
        MOTO_IMAGE,
      ]) as { Instances: Array<{ InstanceId: string }> };
      ids.euInstance = eu.Instances[0]?.InstanceId ?? '';
      const volume = awsCli(moto.url, [
        'ec2',
        'create-volume',
        '--size',
        '2',
        '--availability-zone',
        'us-east-1a',
      ]) as { VolumeId: string };
      ids.volume = volume.VolumeId;
      ({ browser, page } = await panelOnFrontDoor(kind, frontDoor));
      ids.labProfileId = await run<string>(
        page,
        `return document.querySelector('.app-header select')?.value ?? '';`,
      );
      ids.euProfileId = await addMotoProfile(page, moto.port, EU);
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('both profiles’ counts and instances; one opens in Instances with its profile current', async () => {
      await overviewOpensInstance(page, ids);
    });
    test('the unattached volume in the notice opens in Volumes, selected, on its profile', async () => {
      await idleVolumeOpens(page, ids.volume, ids.labProfileId);
    });
  });
}
