// CloudWatch graphs in each browser (Chromium signs with SigV4, Firefox with SigV2) on a
// Eucalyptus-shaped cloud: CPU points put into moto with the AWS CLI are what the instance's
// graph draws, read back by hovering, over a second range that is remembered; an alarm created
// from the graph is then read with the AWS CLI.
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
import {
  cpuPoints,
  createAlarmFromCpuGraph,
  graphsDrawThePoints,
  putCpuPoints,
} from './graphs-scenarios';
import { launchNamed } from './instance-settings-scenarios';
import { CREDENTIALS, panelOnFrontDoor } from './profiles-scenarios';

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: CloudWatch graphs`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let page: ScenarioPage;
    let instanceId = '';
    let points: Array<[number, number]> = [];
    const cli = (args: string[]) => awsCli(moto.url, args);

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({ motoUrl: moto.url, credentials: [CREDENTIALS] });
      instanceId = await launchNamed(moto.port, 'e2e graphs');
      points = cpuPoints(Date.now(), [12.5, 48, 7.25, 91, 33.5, 64]);
      putCpuPoints(cli, instanceId, points);
      ({ browser, page } = await panelOnFrontDoor(kind, frontDoor));
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('the CPU graph draws the points put into CloudWatch; hover reads one; the range is remembered', async () => {
      await graphsDrawThePoints(page, instanceId, points);
      const monitoring = frontDoor.requests.filter((r) => r.service === 'monitoring');
      expect(monitoring.length).toBeGreaterThan(0);
      expect(monitoring.filter((r) => !r.ok || r.sigVersion !== can.signatureVersion)).toEqual([]);
    });
    test('Create alarm… from the CPU graph: the CLI sees the alarm on the instance', async () => {
      await createAlarmFromCpuGraph(page, cli, instanceId);
    });
  });
}
