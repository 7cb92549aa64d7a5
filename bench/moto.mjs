// @ts-check
// moto's S3/EC2 server on a free loopback port, for benches: started as `python3 -m moto.server`
// would be, with its log drained (werkzeug blocks once a full pipe is not read) and a watch on
// stdin so the server ends with the bench even when the bench is killed without cleanup.
// BENCH_MOTO_TIMES=<file> appends, for every CompleteMultipartUpload, how long moto took inside:
// joining the parts, writing the object, and in all (seconds, wall clock), to tell the server's
// share of an upload from the client's. A seed puts keys into moto's backend before it serves:
// the same put_object a PUT reaches, without HTTP (100,000 keys in seconds rather than minutes).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const WATCHED_MAIN = `
import os, sys, threading, time
def watch():
    try:
        sys.stdin.buffer.read()
    finally:
        os._exit(0)
threading.Thread(target=watch, daemon=True).start()
times = os.environ.get('BENCH_MOTO_TIMES')
if times:
    from moto.s3 import models
    def timed(owner, name, label):
        inner = getattr(owner, name)
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                with open(times, 'a') as log:
                    log.write(f'{time.time():.2f} {label} {time.perf_counter() - start:.2f}\\n')
        setattr(owner, name, wrapper)
    timed(models.FakeMultipart, 'complete', 'join')
    timed(models.S3Backend, 'put_object', 'write')
    timed(models.S3Backend, 'complete_multipart_upload', 'complete')
seed = os.environ.get('BENCH_SEED')
if seed:
    bucket, prefix, count = seed.split('\\n')
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.s3.models import s3_backends
    start = time.perf_counter()
    backend = s3_backends[DEFAULT_ACCOUNT_ID]['aws']
    backend.create_bucket(bucket, 'us-east-1')
    for i in range(1, int(count) + 1):
        backend.put_object(bucket, '%s%08d.txt' % (prefix, i), b'object %d\\n' % i)
    print('BENCH-SEEDED %.3f' % (time.perf_counter() - start), flush=True)
from moto.server import main
main(sys.argv[1:])
`;

/** @returns {Promise<number>} a port that was free a moment ago */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts moto and resolves once it answers HTTP; with `seed`, once the keys
 * `${prefix}00000001.txt` … are in `bucket` (seededSeconds says how long putting them took).
 * @param {{ seed?: { bucket: string, prefix: string, count: number } }} [options]
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void>, seededSeconds: number }>}
 */
export async function startMoto(options = {}) {
  const { seed } = options;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    'python3',
    ['-u', '-c', WATCHED_MAIN, '-H', '127.0.0.1', '-p', String(port)],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: {
        ...process.env,
        BENCH_SEED: seed ? `${seed.bucket}\n${seed.prefix}\n${seed.count}` : '',
      },
    },
  );
  let log = '';
  let seededSeconds = Number.NaN;
  /** @param {Buffer} chunk */
  const keep = (chunk) => {
    const seeded = /BENCH-SEEDED ([\d.]+)/.exec(chunk.toString('utf8'));
    if (seeded) seededSeconds = Number(seeded[1]);
    log = (log + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  let running = true;
  void exited.then(() => {
    running = false;
  });
  const stop = async () => {
    if (!running) return;
    child.stdin.end();
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  // ListBuckets: small whatever the buckets hold. A seed goes in first (100,000 keys in about 5 s).
  const deadline = Date.now() + 30_000 + (seed?.count ?? 0) * 2;
  while (Date.now() < deadline && running) {
    const up = await fetch(`${url}/`, { signal: AbortSignal.timeout(2_000) })
      .then(async (r) => {
        await r.arrayBuffer();
        return r.ok;
      })
      .catch(() => false);
    if (up) return { url, port, stop, seededSeconds };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`moto.server did not answer on ${url} (pip install "moto[server]"?)\n${log}`);
}
