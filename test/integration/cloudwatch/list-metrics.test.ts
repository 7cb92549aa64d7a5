// ListMetrics after data was put (the AWS CLI's put-metric-data, and one PutMetricData of 510
// metrics so the answer comes in two pages), against moto and through the front door with SigV4
// and SigV2; filtered by namespace, name and dimension.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listMetrics } from '../../../src/cloud/cloudwatch';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { EucalyptusProfile } from '../../../src/cloud/profile';
import { queryList } from '../../../src/cloud/query';
import { awsCli } from '../../e2e/aws-cli';
import { type FrontDoor, startFrontDoor } from '../../support/front-door';
import { type Moto, startMoto } from '../../support/moto';
import { frontDoorProfile } from '../front-door-env';

const creds = {
  accessKeyId: 'AKIDCLOUDWATCH000002',
  secretAccessKey: 'cloudwatch/client/secret/00000000000002',
};
const MANY = 510;

let moto: Moto;
let door: FrontDoor;
beforeAll(async () => {
  moto = await startMoto();
  door = await startFrontDoor({ motoUrl: moto.url, credentials: [creds] });
  awsCli(moto.url, [
    'cloudwatch',
    'put-metric-data',
    '--namespace',
    'AWS/EC2',
    '--metric-name',
    'CPUUtilization',
    '--unit',
    'Percent',
    '--value',
    '42',
    '--dimensions',
    'InstanceId=i-0cpu0000000000001',
  ]);
  // moto keeps its metrics per region and account, taken from the credential scope.
  const body = new URLSearchParams({
    Action: 'PutMetricData',
    Version: '2010-08-01',
    Namespace: 'Cirrus/Many',
  });
  for (let i = 1; i <= MANY; i++) {
    body.set(`MetricData.member.${i}.MetricName`, 'Queue');
    body.set(`MetricData.member.${i}.Value`, String(i));
    body.set(`MetricData.member.${i}.Dimensions.member.1.Name`, 'Worker');
    body.set(`MetricData.member.${i}.Dimensions.member.1.Value`, `w${i}`);
  }
  const response = await fetch(`${moto.url}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/20260101/us-east-1/monitoring/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body,
  });
  expect(response.status).toBe(200);
}, 60_000);
afterAll(async () => {
  await door?.stop();
  await moto?.stop();
});

function direct() {
  const profile: EucalyptusProfile = {
    ...frontDoorProfile(door, creds.accessKeyId),
    port: moto.port,
    ec2Path: '',
    s3Path: '',
    cloudwatchPath: '',
    region: 'us-east-1',
  };
  return { profile, signer: createLocalSigner(profile, creds) };
}

function throughDoor(signatureVersion: 2 | 4) {
  const profile = frontDoorProfile(door, creds.accessKeyId, { signatureVersion });
  return { profile, signer: createLocalSigner(profile, creds) };
}

describe.each([
  ['moto', direct],
  ['the front door, SigV4', () => throughDoor(4)],
  ['the front door, SigV2', () => throughDoor(2)],
])('ListMetrics through %s', (_, connect) => {
  test('the metric the CLI put, by namespace, name and dimension', async () => {
    const { profile, signer } = connect();
    const found = await queryList('monitoring', listMetrics, profile, signer, {
      namespace: 'AWS/EC2',
      metricName: 'CPUUtilization',
      dimensions: [{ name: 'InstanceId', value: 'i-0cpu0000000000001' }],
    });
    expect(found).toEqual([
      {
        namespace: 'AWS/EC2',
        metricName: 'CPUUtilization',
        dimensions: [{ name: 'InstanceId', value: 'i-0cpu0000000000001' }],
      },
    ]);
  });

  test('more than a page: every metric once', async () => {
    const { profile, signer } = connect();
    const found = await queryList('monitoring', listMetrics, profile, signer, {
      namespace: 'Cirrus/Many',
    });
    const workers = new Set(found.map((m) => m.dimensions[0]?.value));
    expect(found.length).toBe(MANY);
    expect(workers.size).toBe(MANY);
  });
});
