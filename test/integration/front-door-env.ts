// What the integration tests in front of the Eucalyptus-shaped front door share: one moto and one
// front door per file, reset to the server's own clock before each test, and a profile for it.

import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { EucalyptusProfile } from '../../src/cloud/profile';
import {
  type FrontDoor,
  type FrontDoorCredential,
  type FrontDoorOptions,
  startFrontDoor,
} from '../support/front-door';
import { type Moto, startMoto } from '../support/moto';

/** `options`: the front door's own answers or rewrites (a Eucalyptus refusal), if any. */
export function frontDoorPerFile(
  credentials: FrontDoorCredential[],
  options: Omit<FrontDoorOptions, 'motoUrl' | 'credentials'> = {},
) {
  const env = { moto: undefined as unknown as Moto, door: undefined as unknown as FrontDoor };
  beforeAll(async () => {
    env.moto = await startMoto();
    env.door = await startFrontDoor({ ...options, motoUrl: env.moto.url, credentials });
  });
  afterAll(async () => {
    await env.door?.stop();
    await env.moto?.stop();
  });
  beforeEach(() => {
    env.door.setClockOffset(0);
    env.door.requests.length = 0;
  });
  return env;
}

/** A Eucalyptus profile for the front door: EC2 at /services/Eucalyptus, S3 at /services/Walrus. */
export function frontDoorProfile(
  door: FrontDoor,
  accessKeyId: string,
  overrides: Partial<EucalyptusProfile> = {},
): EucalyptusProfile {
  return {
    id: 'door',
    name: 'door',
    kind: 'eucalyptus',
    accessKeyId,
    host: '127.0.0.1',
    port: door.port,
    https: false,
    ec2Path: '/services/Eucalyptus',
    s3Path: '/services/Walrus',
    s3Host: '',
    region: 'eucalyptus',
    signatureVersion: 4,
    apiVersion: '2013-02-01',
    ...overrides,
  };
}
