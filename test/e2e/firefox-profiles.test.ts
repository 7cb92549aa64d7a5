import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { type FirefoxSession, launchFirefox } from '../support/firefox';
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
  hostPermissionScenario,
  importEucarcScenario,
  lockScenario,
  noSecretAnywhere,
  wrongSecretScenario,
} from './profiles-scenarios';

describe('Firefox ESR: a Eucalyptus profile from the form to a tested connection', () => {
  let moto: Moto;
  let frontDoor: FrontDoor;
  let session: FirefoxSession;
  let page: Page;

  beforeAll(async () => {
    moto = await startMoto();
    frontDoor = await startFrontDoor({ motoUrl: moto.url, credentials: [CREDENTIALS] });
    session = await launchFirefox();
    page = await session.open('panel.html');
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
  test('after the background is terminated, requests are still signed', async () => {
    await session.stopBackground();
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
  test('refusing host access keeps the profile and says how to allow it', async () => {
    await hostPermissionScenario(page, (choice, during) =>
      session.answerPermissionPrompt(choice, during),
    );
  });
});
