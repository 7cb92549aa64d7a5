import { afterEach, expect, test, vi } from 'vitest';
import {
  describeEucalyptusInstanceTypes,
  describeInstanceTypes,
  KNOWN_INSTANCE_TYPES,
  listInstanceTypes,
  readInstanceTypeAvailability,
} from '../../../../src/cloud/ec2/operations/instance-types';
import type { EucalyptusProfile } from '../../../../src/cloud/profile';
import type { Signer } from '../../../../src/cloud/signer';
import { elements, parseXml, path } from '../../../../src/cloud/xml';
import { fixture, readFixture } from './fixtures';

test('Eucalyptus instanceTypeDetails', () => {
  expect(
    readFixture(describeEucalyptusInstanceTypes, 'eucalyptus-describe-instance-types.xml'),
  ).toEqual([
    { name: 't1.micro', cpu: '1', memoryMiB: '256', diskGiB: '5' },
    { name: 'm1.small', cpu: '1', memoryMiB: '256', diskGiB: '5' },
    { name: 'c1.xlarge', cpu: '2', memoryMiB: '2048', diskGiB: '10' },
  ]);
  const doc = parseXml(fixture('eucalyptus-describe-instance-types.xml'));
  const [, small] = elements(
    path(doc, 'DescribeInstanceTypesResponse', 'instanceTypeDetails', 'item'),
  );
  expect(small && readInstanceTypeAvailability(small)).toEqual([
    { zoneName: 'one', available: '3', max: '4' },
    { zoneName: 'two', available: '8', max: '8' },
  ]);
  expect(describeEucalyptusInstanceTypes.params({ availability: true })).toEqual([
    ['Availability', 'true'],
  ]);
});

test('AWS instanceTypeSet (moto)', () => {
  expect(readFixture(describeInstanceTypes, 'moto-describe-instance-types.xml')).toEqual([
    { name: 'm1.small', cpu: '1', memoryMiB: '1740', diskGiB: '160' },
    { name: 't2.micro', cpu: '1', memoryMiB: '1024', diskGiB: '' },
  ]);
  // The Eucalyptus operation reads an AWS-shaped answer too, in the same request.
  expect(
    readFixture(describeEucalyptusInstanceTypes, 'moto-describe-instance-types.xml'),
  ).toHaveLength(2);
  expect(describeInstanceTypes.params({ instanceTypes: ['t2.micro', 'm1.small'] })).toEqual([
    ['InstanceType.1', 't2.micro'],
    ['InstanceType.2', 'm1.small'],
  ]);
});

test('the known list covers Eucalyptus defaults and common AWS types', () => {
  const names = KNOWN_INSTANCE_TYPES.map((t) => t.name);
  for (const name of [
    'm1.small',
    'c1.medium',
    'm1.large',
    'm1.xlarge',
    'c1.xlarge',
    't2.micro',
    't3.micro',
    'm5.large',
    'c5.large',
  ]) {
    expect(names).toContain(name);
  }
  expect(new Set(names).size).toBe(names.length);
});

const euca: EucalyptusProfile = {
  id: 'p',
  kind: 'eucalyptus',
  name: 'e',
  accessKeyId: 'A',
  host: '10.0.0.5',
  port: 8773,
  https: false,
  ec2Path: '/services/Eucalyptus',
  s3Path: '/services/Walrus',
  s3Host: '',
  region: 'eucalyptus',
  signatureVersion: 2,
  apiVersion: '2013-02-01',
};
const signer: Signer = {
  sign: async (r) => r,
  presign: async () => [],
  observeServerTime: async () => 0,
};

afterEach(() => {
  vi.unstubAllGlobals();
});

function answer(status: number, body: string): void {
  vi.stubGlobal('fetch', async () => new Response(body, { status }));
}

test('listInstanceTypes: a Eucalyptus answer in one request', async () => {
  answer(200, fixture('eucalyptus-describe-instance-types.xml'));
  const listed = await listInstanceTypes(euca, signer);
  expect(listed.source).toBe('server');
  expect(listed.types.map((t) => t.name)).toEqual(['t1.micro', 'm1.small', 'c1.xlarge']);
});

test('listInstanceTypes: a server without the action gets the known list', async () => {
  answer(
    400,
    '<Response><Errors><Error><Code>InvalidAction</Code><Message>The action DescribeInstanceTypes is not valid</Message></Error></Errors></Response>',
  );
  const listed = await listInstanceTypes(euca, signer);
  expect(listed).toEqual({ types: [...KNOWN_INSTANCE_TYPES], source: 'known' });
});

test('listInstanceTypes: other failures are not hidden', async () => {
  answer(
    403,
    '<Response><Errors><Error><Code>AuthFailure</Code><Message>denied</Message></Error></Errors></Response>',
  );
  await expect(listInstanceTypes(euca, signer)).rejects.toMatchObject({ code: 'AuthFailure' });
});
