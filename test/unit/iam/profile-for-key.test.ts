import { expect, test } from 'vitest';
import { EUCALYPTUS_DEFAULTS, type EucalyptusProfile } from '../../../src/cloud/profile';
import { profileForKey } from '../../../src/panels/iam/users-model';

test("a new key becomes a new profile of the same kind and endpoint, signing with that key, without the old user's login, MFA device or roles", () => {
  const from: EucalyptusProfile = {
    id: 'lab',
    name: 'Lab',
    kind: 'eucalyptus',
    accessKeyId: '',
    host: '10.0.0.5',
    port: 8773,
    https: true,
    ec2Path: EUCALYPTUS_DEFAULTS.ec2Path,
    s3Path: EUCALYPTUS_DEFAULTS.s3Path,
    s3Host: '',
    region: 'eucalyptus',
    signatureVersion: 2,
    apiVersion: EUCALYPTUS_DEFAULTS.apiVersion,
    euarePath: '/services/Euare',
    signIn: 'password',
    account: 'engineering',
    user: 'admin',
    mfaSerial: 'arn:aws:iam::123456789012:mfa/admin',
    roles: [{ arn: 'arn:aws:iam::123456789012:role/Admin' }],
  };
  const input = profileForKey(from, '  ops key ', {
    userName: 'ops',
    accessKeyId: 'AKIANEW',
    secretAccessKey: 'new/secret',
    status: 'Active',
    createDate: '',
  });
  const { signIn: _s, account: _a, user: _u, mfaSerial: _m, roles: _r, ...keys } = from;
  expect(input).toEqual({
    profile: { ...keys, id: '', name: 'ops key', accessKeyId: 'AKIANEW' },
    secret: { secretAccessKey: 'new/secret' },
  });
});
