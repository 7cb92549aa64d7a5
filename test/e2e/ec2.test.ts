// Images and instances on a Eucalyptus-shaped cloud, in each browser (Chromium signs with SigV4,
// Firefox with SigV2: both must work).
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
import { createKeyIn } from './ec2-moto';
import {
  cliSeesInstance,
  eucalyptusRefusals,
  HOSTILE_HOST,
  HOSTILE_KEY,
  hostileHost,
  hostileKeyName,
  imageManagement,
  instanceLifecycle,
  instanceTablePrefs,
  keepPending,
  launchFromImages,
  launchRefusals,
  MOTO_IMAGE,
  quickLaunchScenario,
  rewriteHosts,
  serverYearsAhead,
  throttlingAndMissingKey,
} from './ec2-scenarios';
import { CREDENTIALS, panelOnFrontDoor } from './profiles-scenarios';
import { expectEc2SignedWith } from './signed-as';

interface CliInstance {
  InstanceId: string;
  KeyName?: string;
  PublicDnsName?: string;
  PublicIpAddress?: string;
}
type CliReservation = { Instances: CliInstance[]; Reservations?: { Instances: CliInstance[] }[] };

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: images and instances on a Eucalyptus-shaped cloud`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let page: ScenarioPage;
    let signedFrom = 0;
    let instanceId = '';
    const throttle = { describeInstances: 0 };
    /** DNS names the front door puts in place of moto's, by instance id. */
    const hosts = new Map<string, string>();
    let hostileId = '';

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({
        motoUrl: moto.url,
        credentials: [CREDENTIALS],
        ec2Rewrite: rewriteHosts(keepPending(4_000), hosts),
        ec2Answer: eucalyptusRefusals(throttle),
      });
      ({ browser, page } = await panelOnFrontDoor(kind, frontDoor));
      signedFrom = frontDoor.requests.length;
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('find an image and launch it through the dialog', async () => {
      instanceId = await launchFromImages(page, frontDoor);
    });
    test('the instance turns running by itself; console, tags, stop, start, reboot, terminate', async () => {
      await instanceLifecycle(page, frontDoor, instanceId);
      cliSeesInstance((args) => awsCli(moto.url, args), instanceId);
    });
    test('a refused launch keeps the form; oversized user data is refused before sending', async () => {
      await launchRefusals(page, frontDoor);
    });
    test('throttling is retried, then reported; a key pair gone by launch time is reported', async () => {
      await throttlingAndMissingKey(page, frontDoor, throttle, (name) => createKeyIn(moto, name));
    });
    test('register an image, share it, make it public, deregister it', async () => {
      await imageManagement(page);
    });
    test('the instance columns and sort order are remembered', async () => {
      await instanceTablePrefs(page);
    });
    test('quick launch from the popup notifies when the instance runs', async () => {
      await quickLaunchScenario(page, (path) => browser.open(path), can.notifications);
    });
    test('a key pair name with ;, $() and a quote: the copied SSH command is four shell words', async () => {
      await createKeyIn(moto, HOSTILE_KEY);
      // Launched behind the panel's back (no shell between: execFile), as a co-worker could.
      const cli = (args: string[]) => awsCli(moto.url, args) as CliReservation;
      const launched = cli([
        'ec2',
        'run-instances',
        '--image-id',
        MOTO_IMAGE,
        '--count',
        '1',
        '--key-name',
        HOSTILE_KEY,
      ]);
      const id = launched.Instances[0]?.InstanceId ?? '';
      const found = cli(['ec2', 'describe-instances', '--instance-ids', id]).Reservations?.[0];
      const instance = found?.Instances[0];
      expect(instance?.KeyName).toBe(HOSTILE_KEY);
      await hostileKeyName(page, id, instance?.PublicDnsName || instance?.PublicIpAddress || '');
      hostileId = id;
    });
    test('a host name from the cloud that is not one: Copy SSH in the panel and the popup says so', async () => {
      hosts.set(hostileId, HOSTILE_HOST);
      await hostileHost(page, (path) => browser.open(path), hostileId);
    });
    test(`every EC2 request above was signed with SigV${can.signatureVersion} and accepted`, () => {
      expectEc2SignedWith(frontDoor, signedFrom, can.signatureVersion);
    });
    test('a server 10 years ahead is refused with the clock message; the clock offset is kept', async () => {
      await serverYearsAhead(page, frontDoor);
    });
  });
}
