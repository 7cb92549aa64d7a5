import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type FirefoxSession, launchFirefox } from '../support/firefox';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { awsCli } from './aws-cli';
import { downloadInto } from './firefox-downloads';
import { addEucalyptusProfile, CREDENTIALS, switchToSignatureV2 } from './profiles-scenarios';
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

/** The downloaded file's text, once Firefox has finished writing it. */
async function downloaded(path: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const text = await readFile(path, 'utf8').catch(() => '');
    if (text.includes('-----END')) return text;
    if (Date.now() > deadline) throw new Error(`no download at ${path}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Firefox ESR: key pairs, security groups, addresses, volumes and zones', () => {
  let moto: Moto;
  let frontDoor: FrontDoor;
  let session: FirefoxSession;
  let page: Page;
  let signedFrom = 0;
  let downloads = '';
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
    downloads = await mkdtemp(join(tmpdir(), 'cirrus-downloads-'));
    session = await launchFirefox();
    await downloadInto(session, downloads);
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
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });

  test('create a key pair (its .pem downloads), import a dropped public key, delete', async () => {
    await keyPairScenario(page, (name) => downloaded(join(downloads, `${name}.pem`)));
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
  test('every EC2 request above was signed with SigV2 and accepted', () => {
    const ec2 = frontDoor.requests
      .slice(signedFrom)
      .filter((r) => r.service === 'ec2' && r.action !== undefined);
    expect(ec2.length).toBeGreaterThan(10);
    expect(ec2.filter((r) => r.sigVersion !== 2)).toEqual([]);
    expect(ec2.filter((r) => !r.ok)).toEqual([]);
  });
});
