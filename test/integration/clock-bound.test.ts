// A server whose clock is years off (broken, or hostile and trying to make short-lived
// signatures last): Cirrus refuses to follow it and keeps its clock offset.

import { describe, expect, test } from 'vitest';
import { describeAvailabilityZones, ec2List } from '../../src/cloud/ec2';
import { createLocalSigner } from '../../src/cloud/local-signer';
import type { Credentials, EucalyptusProfile, SignatureVersion } from '../../src/cloud/profile';
import { listBuckets } from '../../src/cloud/s3';
import { frontDoorPerFile, frontDoorProfile } from './front-door-env';

const KEY = 'AKIACIRRUSCLOCKBOUND';
const SECRET = 'cirrus/clock+bound=secret0123456789';
const creds: Credentials = { accessKeyId: KEY, secretAccessKey: SECRET };
const TEN_YEARS = 10 * 365 * 24 * 60 * 60_000;

const env = frontDoorPerFile([creds]);

const profile = (signatureVersion: SignatureVersion): EucalyptusProfile =>
  frontDoorProfile(env.door, KEY, { id: 'clock', name: 'clock', signatureVersion });

describe.each<SignatureVersion>([4, 2])('front door 10 years ahead, SigV%s', (version) => {
  test('EC2 and S3 are refused with ClockOutOfRange, the offset unchanged', async () => {
    env.door.setClockOffset(TEN_YEARS);
    const clock = { offsetMs: 0 };
    const signer = createLocalSigner(profile(version), creds, clock);
    const ec2 = ec2List(describeAvailabilityZones, profile(version), signer, {});
    await expect(ec2).rejects.toMatchObject({
      code: 'ClockOutOfRange',
      message: expect.stringMatching(/wrong by \d+ minutes/),
    });
    await expect(listBuckets(profile(version), signer)).rejects.toMatchObject({
      code: 'ClockOutOfRange',
    });
    expect(clock.offsetMs).toBe(0);
    // Refused for its clock each time, never signed again with the server's time.
    expect(env.door.requests.every((r) => !r.ok)).toBe(true);
  });

  test('30 minutes ahead is still corrected', async () => {
    env.door.setClockOffset(30 * 60_000);
    const clock = { offsetMs: 0 };
    const signer = createLocalSigner(profile(version), creds, clock);
    const started = Date.now();
    await ec2List(describeAvailabilityZones, profile(version), signer, {});
    // Date has 1 s resolution and the answer's moment is somewhere in the round trip, which a
    // loaded machine stretches: the bound grows with it (still far from the 30 minutes learned).
    const slack = 1_000 + (Date.now() - started);
    expect(Math.abs(clock.offsetMs - 30 * 60_000)).toBeLessThan(slack + 500);
  });
});
