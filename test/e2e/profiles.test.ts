// A Eucalyptus profile from the form to a tested connection, in each browser.
import { afterAll, beforeAll, describe, test } from 'vitest';
import {
  BROWSERS,
  CAPABILITIES,
  launchBrowser,
  type ScenarioPage,
  type TestBrowser,
} from '../support/browser-adapter';
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
  httpWarningScenario,
  importEucarcScenario,
  lockScenario,
  noSecretAnywhere,
  wrongSecretScenario,
} from './profiles-scenarios';

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: a Eucalyptus profile from the form to a tested connection`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let page: ScenarioPage;

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({ motoUrl: moto.url, credentials: [CREDENTIALS] });
      browser = await launchBrowser(kind);
      await browser.grantHostAccess('http://127.0.0.1/*');
      page = await browser.open('panel.html');
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('add the profile through the form (with a validation error first)', async () => {
      await addEucalyptusProfile(page, frontDoor);
    });
    test('an HTTP profile shows its warning (form, list, header)', async () => {
      await httpWarningScenario(page);
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
    test('after the background is stopped, requests are still signed', async () => {
      await browser.stopBackground();
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
    test('exporting a backup with a vault set asks for the vault passphrase; delete, restore', async () => {
      await backupScenario(page, browser, frontDoor, 'http://127.0.0.1/*');
    });
    test.runIf(can.permissionPrompt)(
      'refusing host access keeps the profile and says how to allow it',
      async () => {
        await hostPermissionScenario(page, (choice, during) =>
          browser.answerPermissionPrompt(choice, during),
        );
      },
    );
  });
}
