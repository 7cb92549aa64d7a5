// Instance settings in each browser (Chromium signs with SigV4, Firefox with SigV2), on a
// Eucalyptus-shaped cloud that refuses sourceDestCheck as Eucalyptus 3's binding does; what the
// panel changed is then read with the AWS CLI from the same moto.
import { afterAll, beforeAll, describe, test } from 'vitest';
import {
  BROWSERS,
  CAPABILITIES,
  type ScenarioPage,
  type TestBrowser,
} from '../support/browser-adapter';
import { type FrontDoor, startFrontDoor } from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';
import { motoAttributesAsAws } from '../support/moto-attributes';
import { awsCli } from './aws-cli';
import {
  binaryUserData,
  editUserData,
  forceStopAndChangeType,
  launchNamed,
  protectionBlocksTerminate,
} from './instance-settings-scenarios';
import { CREDENTIALS, panelOnFrontDoor } from './profiles-scenarios';
import { expectEc2SignedWith } from './signed-as';

/** gzip's first bytes: user data that is not text. */
const BINARY = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]);

/** Eucalyptus 3's ModifyInstanceAttribute has no sourceDestCheck; its binding refuses it. */
function refuseSourceDestCheck(action: string, params: Array<[string, string]>) {
  const value = params.find(([key]) => key === 'SourceDestCheck.Value')?.[1];
  if (action !== 'ModifyInstanceAttribute' || value === undefined) return undefined;
  return {
    status: 400,
    body: `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>InvalidParameterValue</Code><Message>Failed to bind the following fields:\nSourceDestCheck.Value = ${value}\n</Message></Error></Errors><RequestID>c1b2c3d4-0000-4000-8000-000000000001</RequestID></Response>`,
  };
}

for (const kind of BROWSERS) {
  const can = CAPABILITIES[kind];

  describe(`${can.label}: instance settings`, () => {
    let moto: Moto;
    let frontDoor: FrontDoor;
    let browser: TestBrowser;
    let page: ScenarioPage;
    let signedFrom = 0;
    const ids = { resize: '', protect: '', userData: '', binary: '' };
    const cli = (args: string[]) => awsCli(moto.url, args);

    beforeAll(async () => {
      moto = await startMoto();
      frontDoor = await startFrontDoor({
        motoUrl: moto.url,
        credentials: [CREDENTIALS],
        ec2Forward: motoAttributesAsAws,
        ec2Answer: refuseSourceDestCheck,
      });
      ids.resize = await launchNamed(moto.port, 'e2e resize');
      ids.protect = await launchNamed(moto.port, 'e2e protected');
      ids.userData = await launchNamed(
        moto.port,
        'e2e user data',
        new TextEncoder().encode('#!/bin/sh\necho old\n'),
      );
      ids.binary = await launchNamed(moto.port, 'e2e binary', BINARY);
      ({ browser, page } = await panelOnFrontDoor(kind, frontDoor));
      signedFrom = frontDoor.requests.length;
    });
    afterAll(async () => {
      await browser?.close();
      await frontDoor?.stop();
      await moto?.stop();
    });

    test('force stop, then change the stopped instance’s type (the CLI sees it)', async () => {
      await forceStopAndChangeType(page, cli, ids.resize);
    });
    test('termination protection blocks Terminate with a plain message; a refused setting is disabled', async () => {
      await protectionBlocksTerminate(page, cli, ids.protect);
    });
    test('edit the user data of a stopped instance (the CLI reads it back)', async () => {
      await editUserData(page, cli, ids.userData);
    });
    test('binary user data is offered as a download', async () => {
      await binaryUserData(page, ids.binary, BINARY.length);
    });
    test(`every EC2 request above was signed with SigV${can.signatureVersion} and accepted`, () => {
      expectEc2SignedWith(frontDoor, signedFrom, can.signatureVersion);
    });
  });
}
