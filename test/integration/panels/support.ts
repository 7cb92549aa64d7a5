// What the panel model tests against moto share: one moto per file, a list known to be loaded,
// and a public key.

import { generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { type Moto, startMoto } from '../../support/moto';

interface Loadable {
  readonly loading: { readonly value: boolean };
  readonly loaded: { readonly value: boolean };
  readonly error: { readonly value: unknown };
}

/** Waits until the list has an answer (rows or an error) and nothing is loading. */
export async function loadedList(list: Loadable): Promise<void> {
  await expect
    .poll(() => list.loaded.value && !list.loading.value, { timeout: 20_000, interval: 20 })
    .toBe(true);
  expect(list.error.value).toBeNull();
}

/** An OpenSSH ed25519 public key line, as `ssh-keygen` writes it. */
export function opensshPublicKey(): string {
  const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  const raw = Buffer.from(jwk.x ?? '', 'base64url');
  const field = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
  const blob = Buffer.concat([field(Buffer.from('ssh-ed25519')), field(raw)]);
  return `ssh-ed25519 ${blob.toString('base64')} cirrus@test`;
}

/**
 * One moto for the test file, started before its tests and stopped after; `dispose` registers
 * what a test made (a model) to be disposed after that test.
 */
export function motoPerFile() {
  const env = {
    moto: undefined as unknown as Moto,
    port: 0,
    disposers: [] as Array<() => void>,
    dispose(run: () => void) {
      env.disposers.push(run);
    },
  };
  beforeAll(async () => {
    env.moto = await startMoto();
    env.port = Number(new URL(env.moto.url).port);
  });
  afterAll(async () => {
    await env.moto?.stop();
  });
  afterEach(() => {
    for (const dispose of env.disposers.splice(0)) dispose();
  });
  return env;
}
