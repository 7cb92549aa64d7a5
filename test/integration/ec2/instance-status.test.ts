// DescribeInstanceStatus against moto and through the Eucalyptus-shaped front door: every instance
// (stopped ones too), pages followed, and a cloud that does not have the action.

import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  describeInstanceStatus,
  ec2Call,
  ec2List,
  isStatusUnsupported,
  runInstances,
  stopInstances,
} from '../../../src/cloud/ec2';
import { type FrontDoor, startFrontDoor } from '../../support/front-door';
import { type Moto, startMoto } from '../../support/moto';
import { connect, creds } from './support';

const MOTO_IMAGE = 'ami-12c6146b';

type Answer = (
  action: string,
  params: Array<[string, string]>,
) => { status: number; body: string } | undefined;

let moto: Moto;
let door: FrontDoor;
/** What the front door answers itself in the current test; the rest goes on to moto. */
let answer: Answer = () => undefined;

beforeAll(async () => {
  moto = await startMoto();
  door = await startFrontDoor({
    motoUrl: moto.url,
    credentials: [creds],
    ec2Answer: (action, params) => answer(action, params),
  });
});
afterAll(async () => {
  await door?.stop();
  await moto?.stop();
});
beforeEach(async () => {
  answer = () => undefined;
  await moto.reset();
  door.requests.length = 0;
});

async function launch(count: number): Promise<string[]> {
  const c = connect(Number(new URL(moto.url).port));
  const r = await ec2Call(runInstances, c.profile, c.signer, {
    imageId: MOTO_IMAGE,
    minCount: count,
  });
  return r.instances.map((i) => i.instanceId);
}

const statusItem = (id: string) =>
  `<item><instanceId>${id}</instanceId><availabilityZone>eucalyptus</availabilityZone>` +
  '<instanceState><code>16</code><name>running</name></instanceState>' +
  '<systemStatus><status>ok</status></systemStatus><instanceStatus><status>ok</status></instanceStatus></item>';

const page = (ids: string[], token: string) =>
  '<?xml version="1.0" encoding="UTF-8"?><DescribeInstanceStatusResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">' +
  `<requestId>0000</requestId><instanceStatusSet>${ids.map(statusItem).join('')}</instanceStatusSet>` +
  (token ? `<nextToken>${token}</nextToken>` : '') +
  '</DescribeInstanceStatusResponse>';

test('moto: every instance, a stopped one not-applicable, the running ones passed', async () => {
  const [stopped, running] = await launch(2);
  const c = connect(Number(new URL(moto.url).port));
  await ec2Call(stopInstances, c.profile, c.signer, { instanceIds: [stopped ?? ''] });
  const statuses = await ec2List(describeInstanceStatus, c.profile, c.signer, {});
  const byId = new Map(statuses.map((s) => [s.instanceId, s]));
  expect(byId.size).toBe(2);
  expect(byId.get(stopped ?? '')).toMatchObject({
    instanceState: { name: 'stopped' },
    systemStatus: { status: 'not-applicable' },
    instanceStatus: { status: 'not-applicable' },
  });
  expect(byId.get(running ?? '')).toMatchObject({
    instanceState: { name: 'running' },
    systemStatus: { status: 'ok', details: [{ name: 'reachability', status: 'passed' }] },
    instanceStatus: { status: 'ok' },
    events: [],
  });
  // Without IncludeAllInstances the cloud leaves stopped instances out.
  const runningOnly = await ec2List(describeInstanceStatus, c.profile, c.signer, {
    includeAllInstances: false,
  });
  expect(runningOnly.map((s) => s.instanceId)).toEqual([running]);
});

describe.each([2, 4] as const)('through the front door, SigV%i', (signatureVersion) => {
  const c = () => connect(door.port, '/services/Eucalyptus', signatureVersion, 'eucalyptus');

  test('signed over the full path and answered by moto', async () => {
    const ids = await launch(2);
    const statuses = await ec2List(describeInstanceStatus, c().profile, c().signer, {});
    expect(statuses.map((s) => s.instanceId).sort()).toEqual([...ids].sort());
    expect(door.requests.map((r) => [r.action, r.sigVersion, r.path, r.ok])).toEqual([
      ['DescribeInstanceStatus', signatureVersion, '/services/Eucalyptus/', true],
    ]);
  });

  test('pages are followed with NextToken until the last', async () => {
    const tokens: string[] = [];
    answer = (action, params) => {
      if (action !== 'DescribeInstanceStatus') return undefined;
      const token = params.find(([k]) => k === 'NextToken')?.[1] ?? '';
      tokens.push(token);
      if (!token) return { status: 200, body: page(['i-00000001', 'i-00000002'], 'p2') };
      if (token === 'p2') return { status: 200, body: page(['i-00000003'], 'p3') };
      return { status: 200, body: page(['i-00000004'], '') };
    };
    const statuses = await ec2List(describeInstanceStatus, c().profile, c().signer, {
      maxResults: 5,
    });
    expect(statuses.map((s) => s.instanceId)).toEqual([
      'i-00000001',
      'i-00000002',
      'i-00000003',
      'i-00000004',
    ]);
    expect(tokens).toEqual(['', 'p2', 'p3']);
  });

  test.each([
    ['InvalidAction', 400, 'The action DescribeInstanceStatus is not valid for this web service.'],
    ['Unsupported', 400, 'DescribeInstanceStatus is not supported'],
  ])(
    'a cloud without the action (%s) is told apart, and not asked again',
    async (code, status, message) => {
      answer = (action) =>
        action === 'DescribeInstanceStatus'
          ? {
              status,
              body: `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>7f2a</RequestID></Response>`,
            }
          : undefined;
      const refused = await ec2List(describeInstanceStatus, c().profile, c().signer, {}).catch(
        (e: unknown) => e,
      );
      expect(refused).toMatchObject({ code, message, status });
      expect(isStatusUnsupported(refused)).toBe(true);
      expect(door.requests.filter((r) => r.action === 'DescribeInstanceStatus')).toHaveLength(1);
    },
  );
});
