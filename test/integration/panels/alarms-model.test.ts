// The Alarms tab's model against moto: the list read page by page and by state, actions off and
// on, an alarm's history, delete; the metrics for the picker; and the plain "not available" state
// for a profile without CloudWatch (S3-only, or a cloud that answers its path with 404).

import '../../support/fake-browser';
import { describe, expect, test } from 'vitest';
import { hasNoCloudWatch, putMetricAlarm } from '../../../src/cloud/cloudwatch';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { EucalyptusProfile, S3CompatibleProfile } from '../../../src/cloud/profile';
import { queryCall } from '../../../src/cloud/query';
import { createAlarmsModel } from '../../../src/panels/alarms/alarms-model';
import type { CurrentProfile } from '../../../src/panels/model-deps';
import { startFrontDoor } from '../../support/front-door';
import { testDeps } from '../../support/model-deps';
import { connect, creds } from '../ec2/support';
import { frontDoorProfile } from '../front-door-env';
import { loadedList, motoPerFile } from './support';

const env = motoPerFile();

function cloudwatch(path = '') {
  const c = connect(env.port);
  const profile: EucalyptusProfile = { ...c.profile, cloudwatchPath: path };
  return { profile, signer: c.signer };
}

function open(current: CurrentProfile = cloudwatch()) {
  const t = testDeps();
  const model = createAlarmsModel(t.deps, { pageSize: 2 });
  env.dispose(() => model.dispose());
  t.switchTo(current);
  return model;
}

async function put(name: string) {
  const { profile, signer } = cloudwatch();
  await queryCall('monitoring', putMetricAlarm, profile, signer, {
    alarmName: name,
    namespace: 'AWS/EC2',
    metricName: 'CPUUtilization',
    dimensions: [{ name: 'InstanceId', value: 'i-0abc' }],
    statistic: 'Average',
    period: 300,
    evaluationPeriods: 3,
    threshold: 80,
    comparisonOperator: 'GreaterThanThreshold',
  });
}

/** SetAlarmState straight to moto, as CloudWatch does when a metric crosses the threshold. */
async function setState(name: string, state: string) {
  const response = await fetch(`${env.moto.url}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEC2CLIENT0000001/20260101/us-east-1/monitoring/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: new URLSearchParams({
      Action: 'SetAlarmState',
      Version: '2010-08-01',
      AlarmName: name,
      StateValue: state,
      StateReason: 'Threshold crossed: 1 datapoint [95.0] was greater than the threshold (80.0).',
    }),
  });
  expect(response.status).toBe(200);
}

describe('alarms model', () => {
  test('lists every page, filters by state, turns actions off, reads history, deletes', async () => {
    for (const name of ['web-1', 'web-2', 'web-3']) await put(name);
    await setState('web-2', 'ALARM');
    const model = open();
    await loadedList(model.list);
    expect(model.list.rows.value.map((a) => a.alarmName)).toEqual(['web-1', 'web-2', 'web-3']);
    expect(model.unavailable.value).toBe(false);

    model.filterState('ALARM');
    await loadedList(model.list);
    expect(model.list.rows.value.map((a) => [a.alarmName, a.stateValue])).toEqual([
      ['web-2', 'ALARM'],
    ]);
    expect(model.list.rows.value[0]?.stateReason).toContain('Threshold crossed');
    model.filterState('');
    await loadedList(model.list);

    expect(await model.setActions(['web-1', 'web-3'], false)).toBe(true);
    expect(model.notice.value).toEqual({ key: 'cwNoticeActionsOff', args: ['web-1, web-3'] });
    expect(model.list.rows.value.map((a) => a.actionsEnabled)).toEqual([false, true, false]);

    await model.showHistory('web-2');
    await expect
      .poll(() => {
        const d = model.dialog.value;
        return d?.kind === 'history' ? d.items : null;
      })
      .not.toBeNull();
    const dialog = model.dialog.value;
    const items = dialog?.kind === 'history' ? (dialog.items ?? []) : [];
    expect(items.map((i) => i.historyItemType).sort()).toEqual([
      'ConfigurationUpdate',
      'StateUpdate',
    ]);
    expect(items.find((i) => i.historyItemType === 'StateUpdate')?.historySummary).toContain(
      'ALARM',
    );

    model.open({ kind: 'delete', names: ['web-1', 'web-2', 'web-3'] });
    expect(await model.remove(['web-1', 'web-2', 'web-3'])).toBe(true);
    expect(model.dialog.value).toBeNull();
    expect(model.list.rows.value).toEqual([]);
  });

  test('a cloud without DisableAlarmActions: said once, then the control stays disabled', async () => {
    const door = await startFrontDoor({
      motoUrl: env.moto.url,
      credentials: [creds],
      queryAnswer: (_service, action) =>
        action === 'DisableAlarmActions'
          ? {
              status: 400,
              body: '<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>The action DisableAlarmActions is not valid for this web service.</Message></Error><RequestId>1</RequestId></ErrorResponse>',
            }
          : undefined,
    });
    try {
      const profile = frontDoorProfile(door, creds.accessKeyId);
      await put('old-cloud');
      const model = open({ profile, signer: createLocalSigner(profile, creds) });
      await loadedList(model.list);
      expect(model.unsupported.has(profile, 'actions')).toBe(false);
      expect(await model.setActions(['old-cloud'], false)).toBe(false);
      expect(model.error.value?.code).toBe('InvalidAction');
      expect(model.unsupported.has(profile, 'actions')).toBe(true);
      expect(model.unsupported.has(profile, 'history')).toBe(false);
      expect(model.unavailable.value).toBe(false);
    } finally {
      await door.stop();
    }
  });

  test('the metrics of a namespace for the picker', async () => {
    const response = await fetch(`${env.moto.url}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIDEC2CLIENT0000001/20260101/us-east-1/monitoring/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: new URLSearchParams({
        Action: 'PutMetricData',
        Version: '2010-08-01',
        Namespace: 'Cirrus/Picker',
        'MetricData.member.1.MetricName': 'Queue',
        'MetricData.member.1.Value': '3',
        'MetricData.member.1.Dimensions.member.1.Name': 'Worker',
        'MetricData.member.1.Dimensions.member.1.Value': 'w1',
      }),
    });
    expect(response.status).toBe(200);
    const model = open();
    await loadedList(model.list);
    expect(await model.metrics('Cirrus/Picker')).toEqual([
      {
        namespace: 'Cirrus/Picker',
        metricName: 'Queue',
        dimensions: [{ name: 'Worker', value: 'w1' }],
      },
    ]);
    expect(await model.metrics('Nothing/Here')).toEqual([]);
  });

  test('no CloudWatch: an S3-only profile, or a cloud that answers its path with 404', async () => {
    const s3: S3CompatibleProfile = {
      id: 's3',
      kind: 's3',
      name: 'store',
      accessKeyId: 'AKID',
      endpoint: 'http://127.0.0.1:1',
      pathStyle: true,
      region: 'us-east-1',
      signatureVersion: 4,
    };
    expect(hasNoCloudWatch(s3, null)).toBe(true);
    const s3Model = open({ profile: s3, signer: cloudwatch().signer });
    await loadedList(s3Model.list);
    expect(s3Model.unavailable.value).toBe(true);

    expect(hasNoCloudWatch(cloudwatch().profile, null)).toBe(false);
    expect(
      hasNoCloudWatch(cloudwatch().profile, { code: 'NotFound', message: 'x', status: 404 }),
    ).toBe(true);
    expect(
      hasNoCloudWatch(cloudwatch().profile, { code: 'InvalidAction', message: 'x', status: 400 }),
    ).toBe(true);
    expect(
      hasNoCloudWatch(cloudwatch().profile, { code: 'AuthFailure', message: 'x', status: 401 }),
    ).toBe(false);
  });
});
