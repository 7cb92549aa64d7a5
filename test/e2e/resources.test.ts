// Key pairs, security groups, addresses, volumes and zones, in each browser (Chromium signs with
// SigV4, Firefox with SigV2: both must work).
import { afterAll, beforeAll, describe, test } from 'vitest';
import {
  BROWSERS,
  CAPABILITIES,
  type ScenarioPage,
  type TestBrowser,
} from '../support/browser-adapter';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { awsCli } from './aws-cli';
import { CREDENTIALS, panelOnFrontDoor } from './profiles-scenarios';
import {
  addressScenario,
  cliSeesVolume,
  eucalyptusCapacity,
  keepCreating,
  keyPairScenario,
  launchInstance,
  securityGroupScenario,
  volumeScenario,
  zoneScenario,
} from './resources-scenarios';
import { expectEc2SignedWith } from './signed-as';

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: key pairs, security groups, addresses, volumes and zones`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let page: ScenarioPage;
    let signedFrom = 0;
    let instanceId = '';
    const capacity = eucalyptusCapacity();

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({
        motoUrl: moto.url,
        credentials: [CREDENTIALS],
        ec2Answer: capacity.answer,
        ec2Rewrite: keepCreating(3_500),
      });
      instanceId = await launchInstance(moto.port);
      ({ browser, page } = await panelOnFrontDoor(kind, frontDoor));
      signedFrom = frontDoor.requests.length;
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('create a key pair (its .pem downloads), import a dropped public key, delete', async () => {
      await keyPairScenario(page, async (name) => {
        const file = `${name}.pem`;
        const saved = await browser.downloads(page, {
          [file]: (bytes) => bytes.includes('-----END'),
        });
        return saved.get(file)?.toString('utf8') ?? '';
      });
    });
    test('a security group: refused input keeps the form, add tcp 22 from 10.0.0.0/8, remove it', async () => {
      await securityGroupScenario(page, frontDoor);
    });
    test('an Elastic IP associated with a running instance', async () => {
      await addressScenario(page, instanceId);
    });
    test('a volume created, polled until available, attached; a snapshot of it', async () => {
      const made = await volumeScenario(page, frontDoor, instanceId);
      cliSeesVolume((args) => awsCli(moto.url, args), instanceId, made);
    });
    test('zones, and Eucalyptus capacity (refused without admin rights, then per type)', async () => {
      await zoneScenario(page, capacity.state);
    });
    test(`every EC2 request above was signed with SigV${can.signatureVersion} and accepted`, () => {
      expectEc2SignedWith(frontDoor, signedFrom, can.signatureVersion);
    });
  });
}
