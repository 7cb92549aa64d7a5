import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { type ChromiumSession, launchChromium } from '../support/chromium';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import {
  addEucalyptusProfile,
  afterRestartScenario,
  autoLockScenario,
  backupScenario,
  CREDENTIALS,
  connectionScenarios,
  dropS3cfgScenario,
  importEucarcScenario,
  lockScenario,
  noSecretAnywhere,
  wrongSecretScenario,
} from './profiles-scenarios';

describe('Chromium: a Eucalyptus profile from the form to a tested connection', () => {
  let moto: Moto;
  let frontDoor: FrontDoor;
  let session: ChromiumSession;
  let page: Page;

  beforeAll(async () => {
    moto = await startMoto();
    frontDoor = await startFrontDoor({ motoUrl: moto.url, credentials: [CREDENTIALS] });
    session = await launchChromium();
    await session.grantHostAccess('http://127.0.0.1/*');
    page = await session.context.newPage();
    await page.goto(`${session.baseUrl}panel.html`);
  });
  afterAll(async () => {
    await session?.close();
    await frontDoor?.stop();
    await moto?.stop();
  });

  test('add the profile through the form (with a validation error first)', async () => {
    await addEucalyptusProfile(page, frontDoor);
  });
  test('test connection: SigV4, then SigV2 with the server clock 2 minutes ahead', async () => {
    await connectionScenarios(page, frontDoor);
  });
  test('a wrong secret says so', async () => {
    await wrongSecretScenario(page);
  });
  test('lock and unlock with a passphrase', async () => {
    await lockScenario(page);
  });
  test('the auto-lock alarm locks the keychain', async () => {
    await autoLockScenario(page);
  });
  test('after the service worker is stopped, requests are still signed', async () => {
    await session.stopWorker(page);
    await afterRestartScenario(page, frontDoor);
  });
  test('no secret in storage.sync, storage.local or the page', async () => {
    await noSecretAnywhere(page);
  });
  test('import an eucarc by pasting it, then test the imported profile', async () => {
    await importEucarcScenario(page, frontDoor);
  });
  test('drop an .s3cfg on the import form', async () => {
    await dropS3cfgScenario(page);
  });
  test('back up with a passphrase, delete, restore', async () => {
    await backupScenario(page);
  });
});
