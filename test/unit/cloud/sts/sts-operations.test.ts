import { expect, test } from 'vitest';
import { assumeRole, getSessionToken } from '../../../../src/cloud/sts/sts-operations';
import { parseXml, path } from '../../../../src/cloud/xml';

// Shapes as moto 5 and AWS answer them (the namespace is ignored).
const ASSUMED = `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>ASIARZPUZDIKOFRLDWTL</AccessKeyId><SecretAccessKey>qRdq4r8k5ls9</SecretAccessKey><SessionToken>FQoGZXIvYXdz+/=</SessionToken><Expiration>2026-12-15T05:10:13.741523Z</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROA3X42LBCDHKIQZAH7P:x</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/Deploy/x</Arn></AssumedRoleUser><PackedPolicySize>6</PackedPolicySize></AssumeRoleResult><ResponseMetadata><RequestId>1y</RequestId></ResponseMetadata></AssumeRoleResponse>`;

test('AssumeRole sends what the role asks for, and reads the keys', () => {
  expect(
    assumeRole.params({
      roleArn: 'arn:aws:iam::123456789012:role/Deploy',
      roleSessionName: 'cirrus',
      externalId: 'x1',
      serialNumber: 'arn:aws:iam::123456789012:mfa/a',
      tokenCode: '123456',
      durationSeconds: 3600,
    }),
  ).toEqual([
    ['RoleArn', 'arn:aws:iam::123456789012:role/Deploy'],
    ['RoleSessionName', 'cirrus'],
    ['DurationSeconds', '3600'],
    ['ExternalId', 'x1'],
    ['SerialNumber', 'arn:aws:iam::123456789012:mfa/a'],
    ['TokenCode', '123456'],
  ]);
  expect(
    assumeRole.params({ roleArn: 'r', roleSessionName: 's', durationSeconds: 900 }).map(([k]) => k),
  ).toEqual(['RoleArn', 'RoleSessionName', 'DurationSeconds']);
  const result = path(parseXml(ASSUMED), 'AssumeRoleResponse', 'AssumeRoleResult');
  expect(assumeRole.read(result ?? '')).toEqual({
    accessKeyId: 'ASIARZPUZDIKOFRLDWTL',
    secretAccessKey: 'qRdq4r8k5ls9',
    sessionToken: 'FQoGZXIvYXdz+/=',
    expiration: '2026-12-15T05:10:13.741523Z',
    assumedRoleArn: 'arn:aws:sts::123456789012:assumed-role/Deploy/x',
  });
});

test('GetSessionToken sends the device and code; an answer without keys is refused', () => {
  expect(
    getSessionToken.params({
      serialNumber: 'GAHT12345678',
      tokenCode: '000111',
      durationSeconds: 43200,
    }),
  ).toEqual([
    ['DurationSeconds', '43200'],
    ['SerialNumber', 'GAHT12345678'],
    ['TokenCode', '000111'],
  ]);
  const empty = path(
    parseXml('<R><GetSessionTokenResult><Credentials/></GetSessionTokenResult></R>'),
    'R',
    'GetSessionTokenResult',
  );
  expect(() => getSessionToken.read(empty ?? '')).toThrow(/complete credentials/);
});
