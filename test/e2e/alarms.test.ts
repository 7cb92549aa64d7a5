// CloudWatch alarms and detailed monitoring in each browser (Chromium signs with SigV4, Firefox
// with SigV2) on a Eucalyptus-shaped cloud (no SNS) whose /services/CloudWatch goes to moto; what
// the panel did is then read with the AWS CLI from the same moto.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BROWSERS,
  CAPABILITIES,
  type ScenarioPage,
  type TestBrowser,
} from '../support/browser-adapter';
import { refuseSnsActions } from '../support/cloudwatch-answers';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { createAlarm, disableHistoryDelete, monitoringOn } from './alarms-scenarios';
import { awsCli } from './aws-cli';
import { launchNamed } from './instance-settings-scenarios';
import { CREDENTIALS, panelOnFrontDoor } from './profiles-scenarios';

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: alarms`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let page: ScenarioPage;
    let signedFrom = 0;
    let instanceId = '';
    const cli = (args: string[]) => awsCli(moto.url, args);
    const name = `e2e-cpu-${kind}`;

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({
        motoUrl: moto.url,
        credentials: [CREDENTIALS],
        queryAnswer: refuseSnsActions,
      });
      instanceId = await launchNamed(moto.port, 'e2e watched');
      ({ browser, page } = await panelOnFrontDoor(kind, frontDoor));
      signedFrom = frontDoor.requests.length;
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('create an alarm in the Alarms tab (checked first; the CLI sees it)', async () => {
      await createAlarm(page, cli, name, instanceId);
    });
    test('disable its actions, read its history, delete it (the CLI follows)', async () => {
      await disableHistoryDelete(page, cli, name);
    });
    test('detailed monitoring on for an instance (the CLI sees it enabled)', async () => {
      await monitoringOn(page, cli, instanceId);
    });
    test(`every CloudWatch request was signed with SigV${can.signatureVersion} and accepted`, () => {
      const cloudwatch = frontDoor.requests
        .slice(signedFrom)
        .filter((r) => r.path.startsWith('/services/CloudWatch'));
      expect(cloudwatch.length).toBeGreaterThan(5);
      expect(cloudwatch.filter((r) => r.sigVersion !== can.signatureVersion)).toEqual([]);
      expect(cloudwatch.filter((r) => !r.ok)).toEqual([]);
    });
  });
}
