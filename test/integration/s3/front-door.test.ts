// The S3 client through the Eucalyptus-shaped front door: S3 under /services/objectstorage (4.x)
// and /services/Walrus (before 4.0), SigV2 and SigV4 checked over the full path by an independent
// implementation, then forwarded to moto. Eucalyptus profiles, region "eucalyptus".

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { EucalyptusProfile, SignatureVersion } from '../../../src/cloud/profile';
import { type FrontDoor, startFrontDoor } from '../../support/front-door';
import { type Moto, startMoto } from '../../support/moto';
import { type S3Target, s3Scenarios } from './scenarios';

const creds = {
  accessKeyId: 'AKIDS3FRONTDOOR00001',
  secretAccessKey: 's3/front+door=secret/000000000000000001',
};
let moto: Moto;
let door: FrontDoor;

beforeAll(async () => {
  moto = await startMoto();
  door = await startFrontDoor({ motoUrl: moto.url, credentials: [creds] });
});
afterAll(async () => {
  await door?.stop();
  await moto?.stop();
});

function target(s3Path: string, signatureVersion: SignatureVersion): S3Target {
  const profile: EucalyptusProfile = {
    id: `door${s3Path}-v${signatureVersion}`,
    kind: 'eucalyptus',
    name: 'door',
    accessKeyId: creds.accessKeyId,
    host: '127.0.0.1',
    port: door.port,
    https: false,
    ec2Path: '/services/compute',
    s3Path,
    s3Host: '',
    region: 'eucalyptus',
    signatureVersion,
    apiVersion: '2013-02-01',
  };
  return { profile, signer: createLocalSigner(profile, creds) };
}

const ALL = {
  uploadBookkeeping: true,
  uploadPartCopy: true,
  putAcl: true,
  copyAwkwardKeys: true,
};

const matrix = [
  { path: '/services/objectstorage', version: 4, manyKeys: 2500, maxKeys: 1000 },
  { path: '/services/Walrus', version: 2, manyKeys: 400, maxKeys: 150 },
  { path: '/services/objectstorage', version: 2, manyKeys: 300, maxKeys: 100 },
  { path: '/services/Walrus', version: 4, manyKeys: 300, maxKeys: 100 },
] as const;

for (const { path, version, manyKeys, maxKeys } of matrix) {
  describe(`front door ${path}, SigV${version}`, () => {
    const name = `door-${path.endsWith('Walrus') ? 'walrus' : 'osg'}-v${version}`;
    s3Scenarios(() => target(path, version), ALL, { name, manyKeys, maxKeys });

    test('every request was signed as configured and passed the independent check', () => {
      const mine = door.requests.filter((r) => r.path.startsWith(`${path}/`));
      expect(mine.length).toBeGreaterThan(manyKeys);
      const refused = mine.filter((r) => !r.ok || r.sigVersion !== version);
      expect(refused.map((r) => `${r.method} ${r.path} ${r.error} ${r.detail ?? ''}`)).toEqual([]);
      expect(mine.some((r) => r.presigned)).toBe(true);
      // Only this profile's requests: the next profile's count starts from here.
      door.requests.length = 0;
    });
  });
}
