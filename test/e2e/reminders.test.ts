// Reminders about running instances and scheduled stops, in each browser, on the front door
// (Eucalyptus-shaped, moto behind it); the AWS CLI checks what was stopped.
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
import { MOTO_IMAGE } from './ec2-scenarios';
import { CREDENTIALS, panelOnFrontDoor } from './profiles-scenarios';
import {
  missedRowScenario,
  popupStopAndOpen,
  scheduleStopScenario,
  setReminderAndCheck,
} from './reminders-scenarios';

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: reminders and scheduled stops`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let page: ScenarioPage;
    let ids: string[] = [];
    const cli = (args: string[]) => awsCli(moto.url, args);

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({ motoUrl: moto.url, credentials: [CREDENTIALS] });
      const launched = cli([
        'ec2',
        'run-instances',
        '--image-id',
        MOTO_IMAGE,
        '--count',
        '2',
        '--tag-specifications',
        'ResourceType=instance,Tags=[{Key=Name,Value=reminders-e2e}]',
      ]) as { Instances: Array<{ InstanceId: string }> };
      ids = launched.Instances.map((i) => i.InstanceId);
      ({ browser, page } = await panelOnFrontDoor(kind, frontDoor));
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('a 0-hour reminder names each running instance once; Stop stops one, Open shows the other', async () => {
      const alerts = await setReminderAndCheck(browser, page, ids);
      const [stop, open] = ids.map((id) => alerts.find((a) => a.instanceIds[0] === id));
      if (!stop || !open) throw new Error('a reminder is missing');
      await popupStopAndOpen(browser, page, cli, stop, open);
    });

    test('a scheduled stop: missed while closed is reported, on time it stops the instance', async () => {
      const id = ids[1] ?? '';
      await scheduleStopScenario(page, cli, id);
      await missedRowScenario(browser, id);
    });
  });
}
