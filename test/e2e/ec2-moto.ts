// Changes to the cloud made behind the panel's back, straight to moto, as another user would.
import { createKeyPair, ec2Call } from '../../src/cloud/ec2';
import { createLocalSigner } from '../../src/cloud/local-signer';
import type { EucalyptusProfile } from '../../src/cloud/profile';
import type { Moto } from '../support/moto';

const creds = {
  accessKeyId: 'AKIDBEHINDTHEBACK001',
  secretAccessKey: 'behind/the/back/000000000000000000001',
};

export async function createKeyIn(moto: Moto, keyName: string): Promise<void> {
  const profile: EucalyptusProfile = {
    id: 'moto',
    kind: 'eucalyptus',
    name: 'moto',
    accessKeyId: creds.accessKeyId,
    host: '127.0.0.1',
    port: Number(new URL(moto.url).port),
    https: false,
    ec2Path: '',
    s3Path: '',
    s3Host: '',
    region: 'us-east-1',
    signatureVersion: 4,
    apiVersion: '2016-11-15',
  };
  await ec2Call(createKeyPair, profile, createLocalSigner(profile, creds), { keyName });
}
