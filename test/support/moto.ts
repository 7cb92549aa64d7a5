import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { MOTO_ADDITIONS } from './moto-additions';

export interface Moto {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** Kills the server and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
  /** Forgets every resource (POST /moto-api/reset), so tests do not see each other's buckets. */
  reset(): Promise<void>;
}

const INSTALL_HINT = 'pip install "moto[server]"';
const READY_TIMEOUT_MS = 30_000;

// Runs moto's own server entry point (the same as `python3 -m moto.server -H ... -p ...`) with
// a thread that exits when stdin reaches EOF (stdin is a pipe from this process, so the server
// dies with the test process even when that process is SIGKILLed and no exit hook runs), and the
// actions moto lacks that Cirrus uses (moto-additions.ts).
const LAUNCHER = `
import os, sys, threading
def _watch_parent():
    try:
        sys.stdin.buffer.read()
    finally:
        os._exit(0)
threading.Thread(target=_watch_parent, daemon=True).start()
${MOTO_ADDITIONS}
from moto.server import main
main(sys.argv[1:])
`;

/** Starts `moto.server` on a free loopback port and resolves once it answers HTTP. */
export async function startMoto(): Promise<Moto> {
  let lastError: unknown;
  // A port found free can be taken before python binds it; a fresh port on retry fixes that.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await launch(await freePort());
    } catch (error) {
      lastError = error;
      if (!(error instanceof PortInUseError)) throw error;
    }
  }
  throw lastError;
}

class PortInUseError extends Error {}

async function launch(port: number): Promise<Moto> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('python3', ['-u', '-c', LAUNCHER, '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
  });
  const output = keepTail(child);
  const exited = new Promise<{ code: number | null; signal: string | null; spawnError?: Error }>(
    (resolve) => {
      child.once('error', (spawnError) => resolve({ code: null, signal: null, spawnError }));
      child.once('exit', (code, signal) => resolve({ code, signal }));
    },
  );
  let running = true;
  void exited.then(() => {
    running = false;
  });

  // Synchronous kill in an exit hook covers a normal process.exit; the stdin watchdog covers the rest.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  unrefAll(child);

  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (!running) return;
    child.stdin?.end();
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!running) {
      const result = await exited;
      throw startupError(result, output());
    }
    if (await answers(`${url}/moto-api/data.json`)) {
      return {
        url,
        port,
        stop,
        reset: async () => {
          const response = await fetch(`${url}/moto-api/reset`, { method: 'POST' });
          await response.arrayBuffer();
          if (!response.ok) throw new Error(`moto reset failed: HTTP ${response.status}`);
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(
    `moto.server did not answer on ${url} within ${READY_TIMEOUT_MS / 1000} s.\n${output()}`,
  );
}

function startupError(
  result: { code: number | null; signal: string | null; spawnError?: Error },
  output: string,
): Error {
  if (result.spawnError) {
    const missing = (result.spawnError as NodeJS.ErrnoException).code === 'ENOENT';
    return new Error(
      missing
        ? `python3 was not found on PATH, so moto cannot run. Install Python 3 and then ${INSTALL_HINT}.`
        : `Could not start python3 for moto: ${result.spawnError.message}`,
    );
  }
  if (/Address already in use|address is already in use/i.test(output)) {
    return new PortInUseError(output);
  }
  if (/No module named ['"]?(moto|werkzeug|flask|flask_cors)/.test(output)) {
    return new Error(
      `moto's server is not installed for python3. Install it with: ${INSTALL_HINT}\n${output}`,
    );
  }
  return new Error(
    `moto.server exited before it answered (code ${result.code}, signal ${result.signal}). ` +
      `If moto is missing: ${INSTALL_HINT}\n${output}`,
  );
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// Werkzeug logs every request to stderr; the pipes must be drained or the server blocks once the
// pipe buffer fills. Only the tail is kept, for error messages.
function keepTail(child: ChildProcess): () => string {
  let tail = '';
  const append = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-8_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => tail.trim();
}

// The server must not keep the test process alive on its own; stop() or the watchdog ends it.
function unrefAll(child: ChildProcess): void {
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    (stream as unknown as { unref?: () => void } | null)?.unref?.();
  }
}
