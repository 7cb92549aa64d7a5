// The Instances model's status checks, through the front door: the status list joined to the
// instances by id, scheduled events injected into moto's answer and named in the notice, a cloud
// without DescribeInstanceStatus asked once, and 10,000 instances joined.

import '../../support/fake-browser';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { ec2Call, type Instance, runInstances } from '../../../src/cloud/ec2';
import { createInstancesModel } from '../../../src/panels/instances/instances-model';
import { STATUS_COLUMN } from '../../../src/panels/instances/status-column';
import browser from '../../../src/shared/browser';
import { fakeStorage } from '../../support/fake-browser';
import { type FrontDoor, startFrontDoor } from '../../support/front-door';
import { testDeps } from '../../support/model-deps';
import { type Moto, startMoto } from '../../support/moto';
import { connect, creds } from '../ec2/support';
import { loadedList } from './support';

const MOTO_IMAGE = 'ami-12c6146b';

type Answer = (
  action: string,
  params: Array<[string, string]>,
) => { status: number; body: string } | undefined;

let moto: Moto;
let door: FrontDoor;
let answer: Answer = () => undefined;
let rewrite = (_action: string, body: string) => body;
const disposers: Array<() => void> = [];

beforeAll(async () => {
  moto = await startMoto();
  door = await startFrontDoor({
    motoUrl: moto.url,
    credentials: [creds],
    ec2Answer: (action, params) => answer(action, params),
    ec2Rewrite: (action, body) => rewrite(action, body),
  });
});
afterAll(async () => {
  await door?.stop();
  await moto?.stop();
});
beforeEach(async () => {
  answer = () => undefined;
  rewrite = (_action, body) => body;
  await moto.reset();
  await fakeStorage.local.clear();
  door.requests.length = 0;
  // Messages show their substitutions, so texts can be checked: key(arg|arg).
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(
    (key: string, subs?: string | string[]) => `${key}(${[subs ?? []].flat().join('|')})`,
  );
});
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose();
  vi.restoreAllMocks();
});

async function launch(count = 1): Promise<string[]> {
  const c = connect(Number(new URL(moto.url).port));
  const r = await ec2Call(runInstances, c.profile, c.signer, {
    imageId: MOTO_IMAGE,
    minCount: count,
  });
  return r.instances.map((i) => i.instanceId);
}

function openModel() {
  const t = testDeps();
  const model = createInstancesModel(t.deps, { pollMs: 600_000, statusPollMs: 600_000 });
  disposers.push(() => model.dispose());
  t.switchTo(connect(door.port, '/services/Eucalyptus', 4, 'eucalyptus'));
  return { ...t, model };
}

function statusText(model: ReturnType<typeof openModel>['model'], id: string): string {
  const column = model.columns.columns.find((c) => c.id === STATUS_COLUMN);
  const instance = model.list.rows.value.find((i) => i.instanceId === id);
  return column && instance ? column.value(instance) : 'no such row';
}

const statusCalls = () => door.requests.filter((r) => r.action === 'DescribeInstanceStatus').length;

/** Puts an eventsSet into one instance's item of moto's DescribeInstanceStatus answer. */
function withEvent(instanceId: string, events: string): typeof rewrite {
  return (action, body) =>
    action === 'DescribeInstanceStatus'
      ? body.replace(
          new RegExp(`(<instanceId>${instanceId}</instanceId>)`),
          `$1<eventsSet>${events}</eventsSet>`,
        )
      : body;
}

test('the status column is joined by instance id and shown by default, after the state', async () => {
  const [a, b] = await launch(2);
  const { model } = openModel();
  await loadedList(model.list);
  await loadedList(model.status.list);
  const visible = model.columns.visibleColumns.value.map((c) => c.id);
  expect(visible.indexOf(STATUS_COLUMN)).toBe(visible.indexOf('state') + 1);
  expect(statusText(model, a ?? '')).toBe('statusChecksPassed(2|2)');
  expect(statusText(model, b ?? '')).toBe('statusChecksPassed(2|2)');
  expect(model.status.events.value).toEqual([]);
  expect(model.status.unsupported.value).toBe(false);
  // Status words are not part of the search index: they change while the row does not.
  model.search.query.value = 'statusChecksPassed';
  expect(model.filtered.value).toEqual([]);
});

test('a scheduled event shows in the notice; completed ones do not', async () => {
  const [due, done] = await launch(2);
  rewrite = (action, body) =>
    withEvent(
      done ?? '',
      '<item><code>instance-reboot</code><description>[Completed] Rebooted</description><notBefore>2026-11-01T00:00:00.000Z</notBefore></item>',
    )(
      action,
      withEvent(
        due ?? '',
        '<item><instanceEventId>instance-event-1</instanceEventId><code>system-maintenance</code><description>Scheduled maintenance</description><notBefore>2030-01-02T03:04:05.000Z</notBefore><notAfter>2030-01-02T05:04:05.000Z</notAfter></item>',
      )(action, body),
    );
  const { model } = openModel();
  await loadedList(model.status.list);
  expect(model.status.events.value.map((p) => [p.instanceId, p.event.code])).toEqual([
    [due, 'system-maintenance'],
  ]);
  expect(model.status.of(done ?? '')?.events).toHaveLength(1);
  const { eventsNoticeText } = await import('../../../src/panels/instances/status-checks');
  expect(eventsNoticeText(model.status.events.value)).toBe(
    `statusEventsNoticeOne(statusEventsNoticeItem(${due}|statusEventSystemMaintenance()|${new Date('2030-01-02T03:04:05Z').toLocaleString()}))`,
  );
});

test('a cloud without DescribeInstanceStatus: no error, the column says so, asked only once', async () => {
  const [id] = await launch(1);
  answer = (action) =>
    action === 'DescribeInstanceStatus'
      ? {
          status: 400,
          body: '<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>InvalidAction</Code><Message>The action DescribeInstanceStatus is not valid for this web service.</Message></Error></Errors><RequestID>7f2a</RequestID></Response>',
        }
      : undefined;
  const { model } = openModel();
  await loadedList(model.list);
  await loadedList(model.status.list);
  expect(model.status.unsupported.value).toBe(true);
  expect(model.status.list.error.value).toBeNull();
  expect(model.error.value).toBeNull();
  expect(statusText(model, id ?? '')).toBe('statusChecksUnknown()');
  expect(statusCalls()).toBe(1);

  // A refresh and an action reload both lists; the cloud is not asked again.
  model.refresh();
  expect(await model.reboot([id ?? ''])).toBe(true);
  await loadedList(model.list);
  await loadedList(model.status.list);
  expect(statusCalls()).toBe(1);
  expect(model.status.unsupported.value).toBe(true);
});

test('another failure is an error of the status list, not of the instances', async () => {
  await launch(1);
  answer = (action) =>
    action === 'DescribeInstanceStatus'
      ? {
          status: 403,
          body: '<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>7f2b</RequestID></Response>',
        }
      : undefined;
  const { model } = openModel();
  await loadedList(model.list);
  await expect.poll(() => model.status.list.error.value?.code).toBe('UnauthorizedOperation');
  expect(model.status.unsupported.value).toBe(false);
  expect(model.list.rows.value).toHaveLength(1);
});

test('an instance that starts running after the statuses were read gets its checks', async () => {
  await launch(1);
  const { model } = openModel();
  await loadedList(model.list);
  await loadedList(model.status.list);
  const before = statusCalls();
  const [late] = await launch(1);
  await model.list.load(true);
  await expect.poll(() => model.status.of(late ?? '')?.instanceStatus.status).toBe('ok');
  expect(statusCalls()).toBe(before + 1);
  // Nothing new running: reading the instances again asks for no statuses.
  await model.list.load(true);
  await loadedList(model.status.list);
  expect(statusCalls()).toBe(before + 1);
});

test('10,000 instances and their statuses are joined and sorted worst first', async () => {
  const ids = Array.from({ length: 10_000 }, (_, n) => `i-${n.toString(16).padStart(17, '0')}`);
  const failing = new Set([ids[17], ids[4242], ids[9999]]);
  const instancesXml =
    '<?xml version="1.0" encoding="UTF-8"?><DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2013-02-01/"><requestId>1</requestId><reservationSet><item><reservationId>r-1</reservationId><ownerId>1</ownerId><groupSet/><instancesSet>' +
    ids
      .map(
        (id) =>
          `<item><instanceId>${id}</instanceId><imageId>emi-1</imageId><instanceState><code>16</code><name>running</name></instanceState></item>`,
      )
      .join('') +
    '</instancesSet></item></reservationSet></DescribeInstancesResponse>';
  // Statuses in reverse order: a join by position would be wrong everywhere.
  const statusXml =
    '<?xml version="1.0" encoding="UTF-8"?><DescribeInstanceStatusResponse xmlns="http://ec2.amazonaws.com/doc/2013-02-01/"><requestId>2</requestId><instanceStatusSet>' +
    [...ids]
      .reverse()
      .map(
        (id) =>
          `<item><instanceId>${id}</instanceId><instanceState><code>16</code><name>running</name></instanceState><systemStatus><status>ok</status></systemStatus><instanceStatus><status>${failing.has(id) ? 'impaired' : 'ok'}</status></instanceStatus></item>`,
      )
      .join('') +
    '</instanceStatusSet></DescribeInstanceStatusResponse>';
  answer = (action) => {
    if (action === 'DescribeInstances') return { status: 200, body: instancesXml };
    if (action === 'DescribeInstanceStatus') return { status: 200, body: statusXml };
    return undefined;
  };
  const { model } = openModel();
  await loadedList(model.list);
  await loadedList(model.status.list);
  expect(model.list.rows.value).toHaveLength(10_000);
  model.columns.sortBy(STATUS_COLUMN);
  const sorted = model.filtered.value;
  const first = sorted.slice(0, 3).map((i: Instance) => i.instanceId);
  expect(new Set(first)).toEqual(failing);
  expect(statusText(model, ids[4242] ?? '')).toBe('statusChecksFailed(1|2)');
  expect(statusText(model, ids[4243] ?? '')).toBe('statusChecksPassed(2|2)');
  expect(
    sorted.filter((i) => statusText(model, i.instanceId) !== 'statusChecksPassed(2|2)'),
  ).toHaveLength(3);
});
