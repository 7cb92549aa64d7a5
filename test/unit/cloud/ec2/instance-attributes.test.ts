// DescribeInstanceAttribute and ModifyInstanceAttribute: the answers AWS documents and moto sends,
// the parameters sent, and which refusals mean "this cloud has no such attribute".

import { expect, test } from 'vitest';
import { decodeBase64Utf8 } from '../../../../src/cloud/ec2/base64';
import {
  describeInstanceAttribute,
  modifyInstanceAttribute,
  refusedAsUnsupported,
} from '../../../../src/cloud/ec2/operations/instance-attributes';
import { parseErrorResponse } from '../../../../src/cloud/http-errors';
import { fixture, readFixture } from './fixtures';

test('AWS: <instanceType><value> and <disableApiTermination><value>false', () => {
  expect(
    readFixture(describeInstanceAttribute, 'aws-describe-instance-attribute-type.xml'),
  ).toEqual({ instanceId: 'i-1234567890abcdef0', attributes: { instanceType: 't2.micro' } });
  expect(
    readFixture(describeInstanceAttribute, 'aws-describe-instance-attribute-termination.xml'),
  ).toEqual({ instanceId: 'i-1234567890abcdef0', attributes: { disableApiTermination: false } });
});

test('moto: termination protection, shutdown behaviour, source/dest check', () => {
  const read = (name: string) =>
    readFixture(describeInstanceAttribute, `moto-describe-instance-attribute-${name}.xml`)
      .attributes;
  expect(read('termination')).toEqual({ disableApiTermination: true });
  expect(read('shutdown')).toEqual({ instanceInitiatedShutdownBehavior: 'stop' });
  expect(read('source-dest')).toEqual({ sourceDestCheck: true });
});

test('user data: <value>BASE64</value>, or <userData/> for none', () => {
  const withData = readFixture(
    describeInstanceAttribute,
    'moto-describe-instance-attribute-user-data.xml',
  );
  expect(withData.instanceId).toBe('i-72c10415019e60b95');
  expect(decodeBase64Utf8(withData.attributes.userData ?? '')).toBe('#!/bin/sh\necho こんにちは');
  expect(
    readFixture(describeInstanceAttribute, 'moto-describe-instance-attribute-no-user-data.xml')
      .attributes,
  ).toEqual({ userData: '' });
});

test('DescribeInstanceAttribute sends InstanceId and Attribute', () => {
  expect(
    describeInstanceAttribute.params({ instanceId: 'i-1', attribute: 'sourceDestCheck' }),
  ).toEqual([
    ['InstanceId', 'i-1'],
    ['Attribute', 'sourceDestCheck'],
  ]);
  expect(describeInstanceAttribute.readOnly).toBe(true);
});

test('ModifyInstanceAttribute sends one Name.Value, booleans as true/false, user data as is', () => {
  const params = (change: Parameters<typeof modifyInstanceAttribute.params>[0]['change']) =>
    modifyInstanceAttribute.params({ instanceId: 'i-1', change });
  expect(params({ attribute: 'instanceType', value: 't3.small' })).toEqual([
    ['InstanceId', 'i-1'],
    ['InstanceType.Value', 't3.small'],
  ]);
  expect(params({ attribute: 'disableApiTermination', value: true })).toEqual([
    ['InstanceId', 'i-1'],
    ['DisableApiTermination.Value', 'true'],
  ]);
  expect(params({ attribute: 'instanceInitiatedShutdownBehavior', value: 'terminate' })).toEqual([
    ['InstanceId', 'i-1'],
    ['InstanceInitiatedShutdownBehavior.Value', 'terminate'],
  ]);
  expect(params({ attribute: 'sourceDestCheck', value: false })).toEqual([
    ['InstanceId', 'i-1'],
    ['SourceDestCheck.Value', 'false'],
  ]);
  // Clearing user data sends an empty value, not nothing.
  expect(params({ attribute: 'userData', value: '' })).toEqual([
    ['InstanceId', 'i-1'],
    ['UserData.Value', ''],
  ]);
  expect(modifyInstanceAttribute.readOnly).toBe(false);
  // moto leaves <return> out: the call did not fail, so it worked.
  expect(readFixture(modifyInstanceAttribute, 'moto-modify-instance-attribute.xml')).toBe(true);
});

test('which refusals mean "not supported here"', () => {
  const parsed = (name: string) => parseErrorResponse(400, fixture(name), 'text/xml').error;
  // AWS and moto for an attribute they do not know.
  expect(refusedAsUnsupported(parsed('moto-describe-instance-attribute-unknown.xml'))).toBe(true);
  // Eucalyptus' binding failure for a parameter its message type lacks.
  expect(
    refusedAsUnsupported({
      code: 'InvalidParameterValue',
      message: 'Failed to bind the following fields:\nSourceDestCheck.Value = false\n',
    }),
  ).toBe(true);
  expect(refusedAsUnsupported({ code: 'UnsupportedOperation', message: '' })).toBe(true);
  expect(refusedAsUnsupported({ code: 'InvalidAction', message: 'x' })).toBe(true);
  // A wrong value is the user's to fix, not a missing feature.
  expect(
    refusedAsUnsupported({
      code: 'InvalidInstanceAttributeValue',
      message: "The instanceType 'x' is invalid.",
    }),
  ).toBe(false);
  expect(
    refusedAsUnsupported({ code: 'InvalidParameterValue', message: 'User data decoding error.' }),
  ).toBe(false);
  expect(refusedAsUnsupported(parsed('moto-terminate-protected.xml'))).toBe(false);
});
