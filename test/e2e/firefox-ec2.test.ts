import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type FirefoxSession, launchFirefox } from '../support/firefox';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { awsCli } from './aws-cli';
import { createKeyIn } from './ec2-moto';
import {
  cliSeesInstance,
  eucalyptusRefusals,
  imageManagement,
  instanceLifecycle,
  instanceTablePrefs,
  keepPending,
  launchFromImages,
  launchRefusals,
  quickLaunchScenario,
  throttlingAndMissingKey,
} from './ec2-scenarios';
import { addEucalyptusProfile, CREDENTIALS, switchToSignatureV2 } from './profiles-scenarios';

describe('Firefox ESR: images and instances on a Eucalyptus-shaped cloud', () => {
  let moto: Moto;
  let frontDoor: FrontDoor;
  let session: FirefoxSession;
  let page: Page;
  let signedFrom = 0;
  let instanceId = '';
  const throttle = { describeInstances: 0 };

  beforeAll(async () => {
    moto = await startMoto();
    frontDoor = await startFrontDoor({
      motoUrl: moto.url,
      credentials: [CREDENTIALS],
      ec2Rewrite: keepPending(4_000),
      ec2Answer: eucalyptusRefusals(throttle),
    });
    session = await launchFirefox();
    page = await session.open('panel.html');
    await addEucalyptusProfile(page, frontDoor);
    // Firefox runs these scenarios signed with SigV2 (Chromium with SigV4): both must work.
    await switchToSignatureV2(page);
    signedFrom = frontDoor.requests.length;
  });
  afterAll(async () => {
    await session?.close();
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
    await quickLaunchScenario(page, (path) => session.open(path), 'closed-at-once');
  });
  test('every EC2 request above was signed with SigV2 and accepted', () => {
    const ec2 = frontDoor.requests
      .slice(signedFrom)
      .filter((r) => r.service === 'ec2' && r.action !== undefined);
    expect(ec2.length).toBeGreaterThan(10);
    expect(ec2.filter((r) => r.sigVersion !== 2)).toEqual([]);
    expect(ec2.filter((r) => !r.ok)).toEqual([]);
  });
});
