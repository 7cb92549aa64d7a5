// CloudWatch alarms and detailed monitoring against moto directly, then through the
// Eucalyptus-shaped front door (/services/CloudWatch, signed for the service `monitoring`) with
// SigV4 and SigV2: alarms created, listed page by page and by state, their actions turned off and
// on, their history read, deleted; MonitorInstances and UnmonitorInstances.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  deleteAlarms,
  describeAlarmHistory,
  describeAlarms,
  disableAlarmActions,
  enableAlarmActions,
  hasNoCloudWatch,
  type PutMetricAlarmInput,
  putMetricAlarm,
} from '../../../src/cloud/cloudwatch';
import {
  describeInstances,
  ec2Call,
  ec2List,
  monitorInstances,
  runInstances,
  unmonitorInstances,
} from '../../../src/cloud/ec2';
import type { CloudErrorData } from '../../../src/cloud/errors';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { EucalyptusProfile } from '../../../src/cloud/profile';
import { queryCall, queryList } from '../../../src/cloud/query';
import type { Signer } from '../../../src/cloud/signer';
import { refuseSnsActions } from '../../support/cloudwatch-answers';
import { type FrontDoor, startFrontDoor } from '../../support/front-door';
import { type Moto, startMoto } from '../../support/moto';
import { frontDoorProfile } from '../front-door-env';

const creds = {
  accessKeyId: 'AKIDCLOUDWATCH000001',
  secretAccessKey: 'cloudwatch/client/secret/00000000000001',
};

let moto: Moto;
let door: FrontDoor;
beforeAll(async () => {
  moto = await startMoto();
  door = await startFrontDoor({
    motoUrl: moto.url,
    credentials: [creds],
    queryAnswer: refuseSnsActions,
  });
});
afterAll(async () => {
  await door?.stop();
  await moto?.stop();
});

interface Connection {
  profile: EucalyptusProfile;
  signer: Signer;
}

/** moto itself: every service on its one port, at the root path. */
function direct(): Connection {
  const profile: EucalyptusProfile = {
    ...frontDoorProfile(door, creds.accessKeyId),
    port: moto.port,
    ec2Path: '',
    s3Path: '',
    cloudwatchPath: '',
    region: 'us-east-1',
    apiVersion: '2016-11-15',
  };
  return { profile, signer: createLocalSigner(profile, creds) };
}

function throughDoor(signatureVersion: 2 | 4): Connection {
  const profile = frontDoorProfile(door, creds.accessKeyId, {
    signatureVersion,
    apiVersion: '2016-11-15',
  });
  return { profile, signer: createLocalSigner(profile, creds) };
}

const ways: Array<[string, () => Connection, string]> = [
  ['moto', direct, 'm'],
  ['the front door, SigV4', () => throughDoor(4), 'v4'],
  ['the front door, SigV2', () => throughDoor(2), 'v2'],
];

function alarm(name: string, instanceId: string): PutMetricAlarmInput {
  return {
    alarmName: name,
    namespace: 'AWS/EC2',
    metricName: 'CPUUtilization',
    dimensions: [{ name: 'InstanceId', value: instanceId }],
    statistic: 'Average',
    period: 300,
    evaluationPeriods: 3,
    datapointsToAlarm: 2,
    threshold: 80,
    comparisonOperator: 'GreaterThanThreshold',
    // Stop the instance: an EC2 action, which clouds without SNS (Eucalyptus) take too.
    alarmActions: ['arn:aws:automate:us-east-1:ec2:stop'],
    actionsEnabled: true,
  };
}

describe.each(ways)('alarms through %s', (_, connect, tag) => {
  test('create, list in pages and by state, actions off and on, history, delete', async () => {
    const { profile, signer } = connect();
    // Names from the cloud are data: quotes, angle brackets and Japanese come back as they went.
    const names = [1, 2, 3, 4, 5].map((n) => `${tag} cpu "高い" <${n}>`);
    for (const name of names)
      await queryCall('monitoring', putMetricAlarm, profile, signer, alarm(name, `i-${tag}0001`));

    const all = await queryList('monitoring', describeAlarms, profile, signer, {
      alarmNamePrefix: `${tag} cpu`,
    });
    expect(all.map((a) => a.alarmName)).toEqual(names);
    const first = all[0];
    expect(first).toMatchObject({
      alarmName: names[0],
      namespace: 'AWS/EC2',
      metricName: 'CPUUtilization',
      dimensions: [{ name: 'InstanceId', value: `i-${tag}0001` }],
      statistic: 'Average',
      period: 300,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      threshold: 80,
      comparisonOperator: 'GreaterThanThreshold',
      actionsEnabled: true,
      alarmActions: ['arn:aws:automate:us-east-1:ec2:stop'],
      stateValue: 'OK',
    });
    expect(first?.alarmArn).toContain(':alarm:');
    expect(Date.parse(first?.stateUpdatedTimestamp ?? '')).toBeGreaterThan(0);

    // Two a page: three requests, every alarm once.
    const paged = await queryList('monitoring', describeAlarms, profile, signer, {
      maxRecords: 2,
    });
    expect(paged.map((a) => a.alarmName).filter((n) => n.startsWith(tag))).toEqual(names);
    const byState = await queryList('monitoring', describeAlarms, profile, signer, {
      stateValue: 'ALARM',
    });
    expect(byState.filter((a) => a.alarmName.startsWith(tag))).toEqual([]);

    const two = names.slice(0, 2);
    await queryCall('monitoring', disableAlarmActions, profile, signer, { alarmNames: two });
    const off = await queryList('monitoring', describeAlarms, profile, signer, {
      alarmNames: names,
    });
    expect(off.map((a) => [a.alarmName, a.actionsEnabled])).toEqual(
      names.map((n) => [n, !two.includes(n)]),
    );
    await queryCall('monitoring', enableAlarmActions, profile, signer, { alarmNames: two });
    const on = await queryList('monitoring', describeAlarms, profile, signer, { alarmNames: two });
    expect(on.every((a) => a.actionsEnabled)).toBe(true);

    const history = await queryList('monitoring', describeAlarmHistory, profile, signer, {
      alarmName: names[0] as string,
    });
    expect(history.map((h) => h.historyItemType)).toEqual([
      'ConfigurationUpdate',
      'ConfigurationUpdate',
      'ConfigurationUpdate',
    ]);
    expect(history.every((h) => h.alarmName === names[0] && Date.parse(h.timestamp) > 0)).toBe(
      true,
    );
    expect(history.at(-1)?.historySummary).toContain('created');

    await queryCall('monitoring', deleteAlarms, profile, signer, { alarmNames: names });
    const left = await queryList('monitoring', describeAlarms, profile, signer, {
      alarmNamePrefix: `${tag} cpu`,
    });
    expect(left).toEqual([]);
  });

  test('detailed monitoring on and off', async () => {
    const { profile, signer } = connect();
    const reservation = await ec2Call(runInstances, profile, signer, {
      imageId: 'ami-12c6146b',
      monitoring: true,
    });
    const launched = reservation.instances[0]?.instanceId ?? '';
    const state = async () =>
      (await ec2List(describeInstances, profile, signer, { instanceIds: [launched] }))[0]
        ?.monitoring;
    expect(await state()).toBe('enabled');
    expect(await ec2Call(unmonitorInstances, profile, signer, { instanceIds: [launched] })).toEqual(
      [{ instanceId: launched, state: 'disabled' }],
    );
    expect(await state()).toBe('disabled');
    expect(await ec2Call(monitorInstances, profile, signer, { instanceIds: [launched] })).toEqual([
      { instanceId: launched, state: 'enabled' },
    ]);
    expect(await state()).toBe('enabled');
  });
});

test('a cloud without SNS refuses an SNS action: a typed error with its words', async () => {
  const { profile, signer } = throughDoor(4);
  const refused = queryCall('monitoring', putMetricAlarm, profile, signer, {
    ...alarm('notify <ops>', 'i-1'),
    alarmActions: ['arn:aws:sns:eucalyptus:000000000001:ops'],
  });
  await expect(refused).rejects.toMatchObject({
    code: 'InvalidParameterValue',
    status: 400,
    message: expect.stringContaining('SNS is not available'),
  });
  const left = await queryList('monitoring', describeAlarms, profile, signer, {
    alarmNames: ['notify <ops>'],
  });
  expect(left).toEqual([]);
});

test('a cloud without CloudWatch answers its path with 404: the tab says it is not available', async () => {
  const profile = frontDoorProfile(door, creds.accessKeyId, { cloudwatchPath: '/services/None' });
  const refused = queryList(
    'monitoring',
    describeAlarms,
    profile,
    createLocalSigner(profile, creds),
    {},
  );
  const error = await refused.then(
    () => null,
    (e: unknown) => e as CloudErrorData,
  );
  expect(error).toMatchObject({ status: 404 });
  expect(hasNoCloudWatch(profile, error)).toBe(true);
});

test('through the front door every CloudWatch request was signed for monitoring at its path', () => {
  const cloudwatch = door.requests.filter((r) => r.path.startsWith('/services/CloudWatch'));
  expect(cloudwatch.length).toBeGreaterThan(10);
  expect(cloudwatch.every((r) => r.ok)).toBe(true);
  expect(new Set(cloudwatch.map((r) => r.sigVersion))).toEqual(new Set([2, 4]));
});
