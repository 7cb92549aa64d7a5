import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { type ChromiumSession, launchChromium } from '../support/chromium';
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
import { addEucalyptusProfile, CREDENTIALS } from './profiles-scenarios';

describe('Chromium: images and instances on a Eucalyptus-shaped cloud', () => {
  let moto: Moto;
  let frontDoor: FrontDoor;
  let session: ChromiumSession;
  let page: Page;
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
    session = await launchChromium();
    await session.grantHostAccess('http://127.0.0.1/*');
    page = await session.context.newPage();
    await page.goto(`${session.baseUrl}panel.html`);
    await addEucalyptusProfile(page, frontDoor);
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
    await quickLaunchScenario(
      page,
      async (path) => {
        const next = await session.context.newPage();
        await next.goto(`${session.baseUrl}${path}`);
        return next;
      },
      'observable',
    );
  });
});
