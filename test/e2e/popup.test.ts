// The toolbar popup, in each browser, on a Eucalyptus-shaped cloud in front of moto.
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Instance } from '../../src/cloud/ec2';
import { BROWSERS, CAPABILITIES, type TestBrowser } from '../support/browser-adapter';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { popupScenario, runNamedInstance, sealedPresetScenario } from './popup-scenarios';
import { CREDENTIALS, panelOnFrontDoor } from './profiles-scenarios';

const NAME = 'popup-web';

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: the toolbar popup`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let instance: Instance;
    const userData: string[] = [];

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({
        motoUrl: moto.url,
        credentials: [CREDENTIALS],
        // Records what each launch carried as user data, and lets moto answer.
        ec2Answer: (action, params) => {
          if (action === 'RunInstances')
            userData.push(params.find(([key]) => key === 'UserData')?.[1] ?? '');
          return undefined;
        },
      });
      instance = await runNamedInstance(frontDoor, NAME);
      // A profile for the front door, and no panel tab left open.
      const opened = await panelOnFrontDoor(kind, frontDoor);
      browser = opened.browser;
      await opened.page.close();
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('shows the running instance with its address and Copy SSH; Open Cirrus opens the panel, then focuses it', async () => {
      await popupScenario(browser, instance, NAME);
    });
    test('with a passphrase, a preset keeps its user data sealed and its quick launch still sends it', async () => {
      await sealedPresetScenario(browser, () => userData);
    });
  });
}
