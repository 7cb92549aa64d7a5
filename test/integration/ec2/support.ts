// Profiles and credentials for the EC2 integration tests: a Eucalyptus-kind profile, because an
// AWS profile cannot point at a loopback server.

import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { EucalyptusProfile } from '../../../src/cloud/profile';
import type { Signer } from '../../../src/cloud/signer';

export const creds = {
  accessKeyId: 'AKIDEC2CLIENT0000001',
  secretAccessKey: 'ec2/client/secret/key/000000000000000001',
};

export function profileAt(
  port: number,
  ec2Path = '',
  signatureVersion: 2 | 4 = 4,
  region = 'us-east-1',
): EucalyptusProfile {
  return {
    id: 'p',
    kind: 'eucalyptus',
    name: 'ec2',
    accessKeyId: creds.accessKeyId,
    host: '127.0.0.1',
    port,
    https: false,
    ec2Path,
    s3Path: '',
    s3Host: '',
    region,
    signatureVersion,
    apiVersion: '2016-11-15',
  };
}

export function connect(port: number, ec2Path = '', signatureVersion: 2 | 4 = 4, region?: string) {
  const profile = profileAt(port, ec2Path, signatureVersion, region);
  const signer: Signer = createLocalSigner(profile, creds);
  return { profile, signer };
}
