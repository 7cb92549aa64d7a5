// The background's signing gate in front of real servers: every ordinary EC2 and S3 request
// Cirrus makes (front door with Eucalyptus service paths, SigV2 and SigV4; moto at the root)
// passes it, and a request for another service path on the same host does not.

import '../support/fake-browser';
import { beforeEach, describe, expect, test } from 'vitest';
import { keychain } from '../../src/background/services';
import { observeClock, presignFor, signFor } from '../../src/background/signer';
import { describeAvailabilityZones, ec2List } from '../../src/cloud/ec2';
import type { EucalyptusProfile, SignatureVersion } from '../../src/cloud/profile';
import {
  createBucket,
  deleteBucket,
  deleteObject,
  getObject,
  listBuckets,
  listObjects,
  presignedGet,
  putObject,
} from '../../src/cloud/s3';
import type { Signer } from '../../src/cloud/signer';
import { clockOffsets, profilesState } from '../../src/storage/items';
import { frontDoorPerFile, frontDoorProfile } from './front-door-env';

const KEY = 'AKIACIRRUSGATETEST01';
const SECRET = 'cirrus/gate+test=secret0123456789';

const env = frontDoorPerFile([{ accessKeyId: KEY, secretAccessKey: SECRET }]);

beforeEach(async () => {
  await env.moto.reset();
  await clockOffsets.set({});
});

/** What the launch watch uses: the background's own signing, gate and clock included. */
function backgroundSigner(profileId: string): Signer {
  return {
    sign: (request, service) => signFor(profileId, service, request),
    presign: (requests, service, expires) => presignFor(profileId, service, requests, expires),
    observeServerTime: (server, local) =>
      observeClock(profileId, server.getTime(), local.getTime()),
  };
}

async function store(profile: EucalyptusProfile): Promise<Signer> {
  await profilesState.set({ profiles: [profile], currentId: profile.id });
  await keychain.set(profile.id, { secretAccessKey: SECRET });
  return backgroundSigner(profile.id);
}

const doorProfile = (signatureVersion: SignatureVersion): EucalyptusProfile =>
  frontDoorProfile(env.door, KEY, { id: `door-v${signatureVersion}`, signatureVersion });

async function roundTrip(profile: EucalyptusProfile, signer: Signer): Promise<void> {
  const zones = await ec2List(describeAvailabilityZones, profile, signer, {});
  expect(zones.length).toBeGreaterThan(0);
  await createBucket(profile, signer, 'gate-bucket');
  await putObject(profile, signer, 'gate-bucket', 'a key/with spaces.txt', 'hello');
  const listed = await listObjects(profile, signer, 'gate-bucket', { delimiter: '' });
  expect(listed.objects.map((o) => o.key)).toEqual(['a key/with spaces.txt']);
  const got = await getObject(profile, signer, 'gate-bucket', 'a key/with spaces.txt');
  expect(await new Response(got.body).text()).toBe('hello');
  const url = await presignedGet(profile, signer, 'gate-bucket', 'a key/with spaces.txt', 300);
  expect(await (await fetch(url)).text()).toBe('hello');
  await deleteObject(profile, signer, 'gate-bucket', 'a key/with spaces.txt');
  await deleteBucket(profile, signer, 'gate-bucket');
  expect(await listBuckets(profile, signer)).toEqual([]);
}

describe.each<SignatureVersion>([4, 2])('front door, SigV%s, through the gate', (version) => {
  test('EC2 and S3 requests pass; a server clock 2 minutes ahead is learned', async () => {
    const profile = doorProfile(version);
    const signer = await store(profile);
    env.door.setClockOffset(120_000);
    await roundTrip(profile, signer);
    expect(Math.abs(((await clockOffsets.get())[profile.id] ?? 0) - 120_000)).toBeLessThan(2_000);
  });

  test('an EC2 signature for the object store path is refused', async () => {
    const profile = doorProfile(version);
    await store(profile);
    const request = {
      method: 'GET',
      url: `http://127.0.0.1:${env.door.port}/services/Walrus/`,
      headers: {},
    };
    await expect(signFor(profile.id, 'ec2', request)).rejects.toMatchObject({
      code: 'ForeignEndpoint',
    });
  });
});

test('moto at the root (the npm start sandbox shape) passes the gate', async () => {
  const profile: EucalyptusProfile = {
    ...doorProfile(4),
    id: 'moto',
    port: env.moto.port,
    ec2Path: '',
    s3Path: '',
    region: 'us-east-1',
  };
  await roundTrip(profile, await store(profile));
});
