import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { type ChromiumSession, launchChromium } from '../support/chromium';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { awsCli } from './aws-cli';
import { addEucalyptusProfile, CREDENTIALS } from './profiles-scenarios';
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

describe('Chromium: key pairs, security groups, addresses, volumes and zones', () => {
  let moto: Moto;
  let frontDoor: FrontDoor;
  let session: ChromiumSession;
  let page: Page;
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

  test('create a key pair (its .pem downloads), import a dropped public key, delete', async () => {
    // Playwright hands the browser's downloads to the page's "download" event.
    await keyPairScenario(page, async () => {
      const download = await page.waitForEvent('download', { timeout: 10_000 });
      return readFile((await download.path()) ?? '', 'utf8');
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
});
