// Tags set from the volume and security group panels and found by tag: search, in each browser
// (Chromium signs with SigV4, Firefox with SigV2: both must work).
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
import { CREDENTIALS, panelOnFrontDoor } from './profiles-scenarios';
import {
  cliSeesTags,
  makeTagTargets,
  tagGroupsScenario,
  tagVolumeScenario,
} from './tags-scenarios';

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: tags from the panels`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let page: ScenarioPage;
    let signedFrom = 0;
    let made: Awaited<ReturnType<typeof makeTagTargets>>;

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({ motoUrl: moto.url, credentials: [CREDENTIALS] });
      made = await makeTagTargets(moto.port);
      ({ browser, page } = await panelOnFrontDoor(kind, frontDoor));
      signedFrom = frontDoor.requests.length;
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('a volume tagged in its panel (refused key kept, markup as text), found by tag:', async () => {
      await tagVolumeScenario(page, frontDoor, made);
    });
    test('two security groups tagged at once, found by tag:', async () => {
      await tagGroupsScenario(page, frontDoor, made.groupIds);
    });
    test('the AWS CLI describe-tags sees what the panels set', () => {
      cliSeesTags((args) => awsCli(moto.url, args), made);
    });
    test(`every EC2 request above was signed with SigV${can.signatureVersion} and accepted`, () => {
      const ec2 = frontDoor.requests
        .slice(signedFrom)
        .filter((r) => r.service === 'ec2' && r.action !== undefined);
      expect(ec2.filter((r) => r.action === 'CreateTags')).toHaveLength(2);
      expect(ec2.filter((r) => r.sigVersion !== can.signatureVersion)).toEqual([]);
      expect(ec2.filter((r) => !r.ok)).toEqual([]);
    });
  });
}
