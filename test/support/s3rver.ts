// s3rver (npm, dev dependency) on a free loopback port with its data in a fresh temp directory:
// a second S3 server, with its own reading of the protocol, for the S3 client's tests. It knows
// one credential (S3RVER / S3RVER), checks SigV2 signatures and accepts any SigV4 one.
//
// It runs in a child Node with --openssl-legacy-provider: s3rver makes ListObjectsV2 continuation
// tokens with DES, which OpenSSL 3 only has in its legacy provider (without it every truncated
// v2 listing is a 500 InternalError). Like moto.ts, the child exits when its stdin closes, so it
// dies with the test process.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface S3rverHandle {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  directory: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 20_000;

const LAUNCHER = `
const S3rver = require(process.argv[1]);
const server = new S3rver({
  port: 0,
  address: '127.0.0.1',
  silent: true,
  directory: process.argv[2],
  vhostBuckets: false,
});
server.run().then(
  (address) => process.stdout.write('PORT ' + address.port + '\\n'),
  (error) => { console.error(error); process.exit(1); },
);
process.stdin.on('data', () => {});
process.stdin.on('end', () => process.exit(0));
`;

export async function startS3rver(): Promise<S3rverHandle> {
  const modulePath = createRequire(import.meta.url).resolve('s3rver');
  const directory = await mkdtemp(join(tmpdir(), 'cirrus-s3rver-'));
  const child = spawn(
    process.execPath,
    ['--openssl-legacy-provider', '-e', LAUNCHER, modulePath, directory],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`s3rver did not start within ${READY_TIMEOUT_MS} ms\n${output}`)),
        READY_TIMEOUT_MS,
      );
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /PORT (\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        output = (output + chunk.toString('utf8')).slice(-8_000);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`s3rver exited (code ${code}) before it listened\n${output}`));
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  unrefAll(child);

  let stopped = false;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    directory,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', killOnExit);
      child.stdin?.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      await rm(directory, { recursive: true, force: true });
    },
  };
}

function unrefAll(child: ChildProcess): void {
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    (stream as unknown as { unref?: () => void } | null)?.unref?.();
  }
}
