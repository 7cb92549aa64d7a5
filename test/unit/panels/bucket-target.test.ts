import { describe, expect, test } from 'vitest';
import type { AwsProfile, EucalyptusProfile } from '../../../src/cloud/profile';
import { s3Url } from '../../../src/cloud/s3';
import type { Signer } from '../../../src/cloud/signer';
import { bucketTargets } from '../../../src/panels/s3/bucket-target';

const base: Signer = {
  sign: async (r) => r,
  presign: async () => [],
  observeServerTime: async () => 0,
};
const aws: AwsProfile = {
  id: 'p1',
  kind: 'aws',
  name: 'AWS',
  accessKeyId: 'AKID',
  region: 'us-east-1',
};
const euca: EucalyptusProfile = {
  id: 'p2',
  kind: 'eucalyptus',
  name: 'Euca',
  accessKeyId: 'AKID',
  host: '10.0.0.5',
  port: 8773,
  https: false,
  ec2Path: '/services/compute',
  s3Path: '/services/objectstorage',
  s3Host: '',
  region: 'eucalyptus',
  signatureVersion: 4,
  apiVersion: '2013-02-01',
};

describe('bucketTargets', () => {
  test('AWS: a bucket in another region gets that region, its host and a signer for it', async () => {
    const made: string[] = [];
    const asked: string[] = [];
    const targets = bucketTargets(
      { profile: aws, signer: base },
      (id, region) => {
        made.push(`${id}:${region}`);
        return { ...base };
      },
      async (_p, _s, bucket) => {
        asked.push(bucket);
        return bucket === 'tokyo' ? 'ap-northeast-1' : 'us-east-1';
      },
    );
    const tokyo = await targets.forBucket('tokyo');
    expect(tokyo.profile).toMatchObject({ kind: 'aws', region: 'ap-northeast-1' });
    expect(s3Url(tokyo.profile, { bucket: 'tokyo', key: 'a b' })).toBe(
      'https://tokyo.s3.ap-northeast-1.amazonaws.com/a%20b',
    );
    expect(tokyo.signer).not.toBe(base);
    // Looked up once, one signer per region.
    expect(await targets.forBucket('tokyo')).toBe(tokyo);
    expect(asked).toEqual(['tokyo']);
    expect(made).toEqual(['p1:ap-northeast-1']);
    expect(targets.known('tokyo')).toBe('ap-northeast-1');
    // A bucket in the profile's own region uses the profile as it is.
    const home = await targets.forBucket('home');
    expect(home.profile).toBe(aws);
    expect(home.signer).toBe(base);
    // CreateBucket in another region goes to that region, with the same signer as its buckets.
    expect(targets.inRegion('ap-northeast-1')).toBe(tokyo);
    expect(targets.inRegion('us-east-1').profile).toBe(aws);
  });

  test('AWS: a region the listing gave needs no lookup; a failed lookup is asked again', async () => {
    let calls = 0;
    const targets = bucketTargets(
      { profile: aws, signer: base },
      () => base,
      async () => {
        calls++;
        if (calls === 1) throw new Error('refused');
        return 'eu-west-1';
      },
    );
    targets.know('listed', 'eu-central-1');
    expect((await targets.forBucket('listed')).profile).toMatchObject({ region: 'eu-central-1' });
    expect(calls).toBe(0);
    await expect(targets.forBucket('other')).rejects.toThrow('refused');
    expect((await targets.forBucket('other')).profile).toMatchObject({ region: 'eu-west-1' });
  });

  test('other clouds: the profile as it is, no lookup', async () => {
    const targets = bucketTargets(
      { profile: euca, signer: base },
      () => base,
      async () => {
        throw new Error('no lookup expected');
      },
    );
    const t = await targets.forBucket('any');
    expect(t.profile).toBe(euca);
    expect(targets.known('any')).toBe('eucalyptus');
  });
});
