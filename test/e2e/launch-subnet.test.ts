// The launch dialog's subnet picker and root volume, in each browser, on a Eucalyptus-shaped cloud
// in front of moto; the AWS CLI checks where the instance landed and how big its root volume is.
import { afterAll, beforeAll, describe, test } from 'vitest';
import {
  BROWSERS,
  CAPABILITIES,
  type ScenarioPage,
  type TestBrowser,
} from '../support/browser-adapter';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import {
  cliSeesSubnetAndRoot,
  eucalyptusWithoutVpcs,
  launchIntoSubnet,
  launchWithoutVpcs,
  makeNetwork,
  type Network,
} from './launch-subnet-scenarios';
import { CREDENTIALS, panelOnFrontDoor } from './profiles-scenarios';

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: launch into a subnet with a bigger root volume`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let page: ScenarioPage;
    let net: Network;
    const door = { noVpcs: false, runs: [] as Array<Array<[string, string]>> };

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({
        motoUrl: moto.url,
        credentials: [CREDENTIALS],
        ec2Answer: eucalyptusWithoutVpcs(door),
      });
      net = makeNetwork(moto.url);
      ({ browser, page } = await panelOnFrontDoor(kind, frontDoor));
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('choose the subnet and a 30 GiB gp3 root; the CLI sees both', async () => {
      const id = await launchIntoSubnet(page, frontDoor, net);
      cliSeesSubnetAndRoot(moto.url, id, net);
    });

    test('a Eucalyptus cloud without VPCs: no picker, the launch goes by group name', async () => {
      door.noVpcs = true;
      await launchWithoutVpcs(page, door);
    });
  });
}
