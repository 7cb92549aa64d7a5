// Status checks, scheduled events and Export CSV, in each browser (Chromium signs with SigV4,
// Firefox with SigV2).
import { afterAll, beforeAll, describe, test } from 'vitest';
import {
  BROWSERS,
  CAPABILITIES,
  type ScenarioPage,
  type TestBrowser,
} from '../support/browser-adapter';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { CREDENTIALS, panelOnFrontDoor } from './profiles-scenarios';
import { launchInstance } from './resources-scenarios';
import { expectEc2SignedWith } from './signed-as';
import {
  exportVolumesScenario,
  makeVolumes,
  scheduledEventScenario,
  statusAnswers,
  statusColumnScenario,
  unsupportedScenario,
} from './status-export-scenarios';

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: status checks, scheduled events and CSV export`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let page: ScenarioPage;
    let signedFrom = 0;
    let instanceId = '';
    const status = statusAnswers();

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({
        motoUrl: moto.url,
        credentials: [CREDENTIALS],
        ec2Answer: status.answer,
      });
      instanceId = await launchInstance(moto.port);
      status.state.instanceId = instanceId;
      ({ browser, page } = await panelOnFrontDoor(kind, frontDoor));
      signedFrom = frontDoor.requests.length;
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('the Status checks column shows moto’s checks of a running instance', async () => {
      await statusColumnScenario(page, instanceId);
    });
    test('a scheduled event: the notice over the list and the details pane', async () => {
      status.state.mode = 'event';
      await scheduledEventScenario(page, instanceId);
    });
    test('a cloud without DescribeInstanceStatus: the column says so once, no error', async () => {
      status.state.mode = 'unsupported';
      await unsupportedScenario(page, instanceId);
    });
    test('a cloud that answers again: the tab opened anew shows the checks', async () => {
      status.state.mode = 'moto';
      await statusColumnScenario(page, instanceId, { reopen: true });
    });
    test('Export CSV of the volumes list is the rows and columns shown', async () => {
      const volumes = await makeVolumes(moto.port);
      await exportVolumesScenario(page, volumes, async (fileName) => {
        const saved = await browser.downloads(page, { [fileName]: (bytes) => bytes.length > 3 });
        return saved.get(fileName) ?? Buffer.alloc(0);
      });
    });
    test(`every EC2 request above was signed with SigV${can.signatureVersion} and accepted`, () => {
      expectEc2SignedWith(frontDoor, signedFrom, can.signatureVersion);
    });
  });
}
