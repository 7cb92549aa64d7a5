// testConnection without a server: the EC2 probe is the operation table's request, and a failure
// of Cirrus itself is reported as Internal (not the server code InternalError, whose hint is
// "server error").

import { describe, expect, test } from 'vitest';
import { testConnection } from '../../../src/cloud/connection-test';
import { buildEc2Request, describeAvailabilityZones } from '../../../src/cloud/ec2';
import type { EucalyptusProfile } from '../../../src/cloud/profile';
import type { HttpRequest } from '../../../src/cloud/request';
import type { Signer } from '../../../src/cloud/signer';

const profile: EucalyptusProfile = {
  id: 'e',
  name: 'e',
  kind: 'eucalyptus',
  accessKeyId: 'AKIAEXAMPLE',
  host: '10.0.0.5',
  port: 8773,
  https: false,
  ec2Path: '/services/Eucalyptus',
  s3Path: '/services/Walrus',
  s3Host: '',
  region: 'eucalyptus',
  signatureVersion: 4,
  apiVersion: '2013-02-01',
};

/** A signer that records what it was asked to sign and then fails, so nothing is sent. */
function failingSigner(seen: HttpRequest[]): Signer {
  return {
    sign: async (request) => {
      seen.push(request);
      throw new Error('signing broke');
    },
    presign: async () => [],
    observeServerTime: async () => 0,
  };
}

describe('testConnection', () => {
  test('the EC2 probe is DescribeAvailabilityZones as the operation table builds it', async () => {
    const seen: HttpRequest[] = [];
    await testConnection(profile, failingSigner(seen), 'ec2');
    const op = describeAvailabilityZones;
    expect(seen).toEqual([buildEc2Request(profile, op.action, op.params({}))]);
    expect(seen[0]?.url).toBe('http://10.0.0.5:8773/services/Eucalyptus/');
    expect(seen[0]?.body).toBe('Action=DescribeAvailabilityZones&Version=2013-02-01');
  });

  test('a failure of its own is Internal, with no server hint', async () => {
    const result = await testConnection(profile, failingSigner([]), 's3');
    expect(result).toEqual({
      ok: false,
      error: { code: 'Internal', message: 'signing broke' },
      hint: 'unknown',
    });
  });
});
