// Temporary SSH access end to end, in each browser, on the front door (Eucalyptus-shaped, moto
// behind it): open for a typed address, see it in the rules and with the AWS CLI, extend it, fire
// its alarm and see it revoked.
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
import { CREDENTIALS, panelOnFrontDoor } from './profiles-scenarios';
import {
  cliSources,
  closedNotificationShown,
  closeNowScenario,
  extendFromRules,
  fireAlarm,
  lookUpScenario,
  openSshForAddress,
  seeTemporaryInRules,
  startCheckIp,
  storedRules,
} from './ssh-access-scenarios';

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: open SSH for my address`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let page: ScenarioPage;
    let instanceId = '';

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({ motoUrl: moto.url, credentials: [CREDENTIALS] });
      // Its own group, named at launch: moto lists an instance's groups only when they were named.
      const cli = (args: string[]) => awsCli(moto.url, args);
      cli(['ec2', 'create-security-group', '--group-name', 'ssh-e2e', '--description', 'e2e']);
      const launched = cli([
        'ec2',
        'run-instances',
        '--image-id',
        MOTO_IMAGE,
        '--security-groups',
        'ssh-e2e',
      ]) as { Instances: Array<{ InstanceId: string }> };
      instanceId = launched.Instances[0]?.InstanceId ?? '';
      ({ browser, page } = await panelOnFrontDoor(kind, frontDoor));
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('a typed address gets port 22 for 15 minutes; the alarm closes it', async () => {
      const cli = (args: string[]) => awsCli(moto.url, args);
      const described = cli(['ec2', 'describe-instances', '--instance-ids', instanceId]) as {
        Reservations: Array<{ Instances: Array<{ Platform?: string }> }>;
      };
      const windows = described.Reservations[0]?.Instances[0]?.Platform === 'windows';
      const rule = await openSshForAddress(page, frontDoor, instanceId, windows);
      expect(cliSources(cli)).toContain('203.0.113.7/32');

      await seeTemporaryInRules(page, rule);
      await extendFromRules(page, rule);

      // The worker may be stopped by then: the alarm wakes it.
      await browser.stopBackground();
      await fireAlarm(page, rule);
      // Headless Firefox closes a notification as soon as it is shown; Chromium keeps it.
      if (can.notifications === 'observable') await closedNotificationShown(page, rule);
      expect(cliSources(cli)).not.toContain('203.0.113.7/32');
      expect(await storedRules(page)).toEqual([]);
      expect(frontDoor.requests.some((r) => r.action === 'RevokeSecurityGroupIngress')).toBe(true);
    });

    test('Close now in the rules view revokes before the time', async () => {
      await closeNowScenario(page, instanceId);
      expect(cliSources((args) => awsCli(moto.url, args))).not.toContain('198.51.100.44/32');
    });

    test('the address look-up: only on the click, and only an address is taken', async () => {
      const service = await startCheckIp();
      try {
        await lookUpScenario(page, instanceId, service);
      } finally {
        await service.stop();
      }
    });
  });
}
