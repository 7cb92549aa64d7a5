import { expect, test } from 'vitest';
import {
  describeInstanceStatus,
  isStatusUnsupported,
} from '../../../../src/cloud/ec2/operations/instance-status';
import { CloudError } from '../../../../src/cloud/errors';
import { nextTokenOf, readFixture } from './fixtures';

const passed = {
  status: 'ok',
  details: [{ name: 'reachability', status: 'passed', impairedSince: '' }],
};
const none = { status: '', details: [] };

test('moto: a stopped instance is not-applicable, a running one passes both checks', () => {
  expect(readFixture(describeInstanceStatus, 'moto-describe-instance-status.xml')).toEqual([
    {
      instanceId: 'i-8ae4b72ccbccc81f2',
      availabilityZone: 'us-east-1a',
      instanceState: { code: '80', name: 'stopped' },
      systemStatus: { status: 'not-applicable', details: [] },
      instanceStatus: { status: 'not-applicable', details: [] },
      attachedEbsStatus: none,
      events: [],
    },
    {
      instanceId: 'i-0c399b52d9208fce7',
      availabilityZone: 'us-east-1a',
      instanceState: { code: '16', name: 'running' },
      systemStatus: passed,
      instanceStatus: passed,
      attachedEbsStatus: none,
      events: [],
    },
  ]);
});

test('AWS: an impaired system check, attached EBS status, scheduled events and a next page', () => {
  const [impaired, starting, ...rest] = readFixture(
    describeInstanceStatus,
    'aws-describe-instance-status.xml',
  );
  expect(rest).toEqual([]);
  expect(impaired?.systemStatus).toEqual({
    status: 'impaired',
    details: [
      { name: 'reachability', status: 'failed', impairedSince: '2026-11-30T23:10:00.000Z' },
    ],
  });
  expect(impaired?.instanceStatus).toEqual(passed);
  expect(impaired?.attachedEbsStatus).toEqual(passed);
  expect(impaired?.events).toEqual([
    {
      instanceEventId: 'instance-event-0d59937288b749b32',
      code: 'system-reboot',
      description: 'The instance is scheduled for a reboot',
      notBefore: '2026-12-05T00:00:00.000Z',
      notAfter: '2026-12-07T00:00:00.000Z',
      notBeforeDeadline: '2026-12-10T00:00:00.000Z',
    },
    {
      instanceEventId: 'instance-event-0a1b2c3d4e5f60718',
      code: 'instance-stop',
      description: '[Completed] The instance is running on degraded hardware',
      notBefore: '2026-11-20T00:00:00.000Z',
      notAfter: '',
      notBeforeDeadline: '',
    },
  ]);
  // An empty <eventsSet/> is no events, not one empty event.
  expect(starting?.events).toEqual([]);
  expect(starting?.instanceState.name).toBe('pending');
  expect(starting?.systemStatus.status).toBe('initializing');
  expect(nextTokenOf(describeInstanceStatus, 'aws-describe-instance-status.xml')).toBe(
    'AAEAAb7GaQ3Qe5y0m1jt1',
  );
});

test('asks for every instance, stopped ones too, unless told otherwise', () => {
  expect(describeInstanceStatus.params({})).toEqual([['IncludeAllInstances', 'true']]);
  expect(
    describeInstanceStatus.params({
      instanceIds: ['i-1', 'i-2'],
      includeAllInstances: false,
      filters: [{ name: 'event.code', values: ['system-reboot'] }],
    }),
  ).toEqual([
    ['InstanceId.1', 'i-1'],
    ['InstanceId.2', 'i-2'],
    ['Filter.1.Name', 'event.code'],
    ['Filter.1.Value.1', 'system-reboot'],
    ['IncludeAllInstances', 'false'],
  ]);
  expect(describeInstanceStatus.readOnly).toBe(true);
});

test('a cloud without the action is told apart from a failure', () => {
  for (const code of ['InvalidAction', 'Unsupported', 'UnsupportedOperation', 'NotImplemented'])
    expect(isStatusUnsupported(new CloudError({ code, message: 'no' })), code).toBe(true);
  for (const code of ['AuthFailure', 'UnauthorizedOperation', 'NetworkError', 'Throttling'])
    expect(isStatusUnsupported(new CloudError({ code, message: 'no' })), code).toBe(false);
  expect(isStatusUnsupported({ code: 'InvalidAction' })).toBe(true);
  expect(isStatusUnsupported(null)).toBe(false);
  expect(isStatusUnsupported('InvalidAction')).toBe(false);
});
