// `npm start` as a new user meets it, in both browsers: scripts/start.mjs runs for real on a virtual
// display (Xvfb), its window must show Cirrus's panel (not an error page), and SIGTERM must end the
// browser and the moto it started. The test looks through the browser's own remote debugging
// (--debug-port), independently of the connection start.mjs drives the browser with.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSERS, type BrowserKind, poll } from '../support/browser-adapter';

const root = resolve(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 90_000;

interface Started {
  child: ChildProcess;
  output: () => string;
  panelUrl: string;
  motoPort: number;
  debugPort: number;
}

/** A display for the browser: Xvfb picks a free number and writes it to the fd it is given. */
async function startXvfb(): Promise<{ display: string; stop: () => void }> {
  const xvfb = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    },
  );
  const display = await new Promise<string>((resolveDisplay, reject) => {
    let text = '';
    xvfb.once('error', () =>
      reject(new Error('Xvfb is missing: apt-get install xvfb (.ci/run installs it)')),
    );
    xvfb.stdio[3]?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolveDisplay(`:${text.trim()}`);
    });
  });
  return { display, stop: () => xvfb.kill() };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Runs `npm start`'s script as a person would (without npm in between, so the signal reaches it). */
async function startCirrus(display: string, out: string, kind: BrowserKind): Promise<Started> {
  const debugPort = await freePort();
  const args = ['scripts/start.mjs', `--out=${out}`, `--debug-port=${debugPort}`];
  if (kind === 'firefox') args.push('--firefox');
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, DISPLAY: display },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  // Its own words are the proof; an exit ends the wait early.
  const reported = await poll(
    async () => {
      const panel = /Cirrus's panel is open: (\S+)/.exec(text);
      const moto = /Local sandbox \(moto\) at http:\/\/127\.0\.0\.1:(\d+)/.exec(text);
      if (panel?.[1] && moto?.[1]) return { panelUrl: panel[1], motoPort: Number(moto[1]) };
      return child.exitCode !== null ? { exited: true as const } : null;
    },
    'npm start to report the panel open',
    START_TIMEOUT_MS,
  ).catch(() => null);
  if (!reported || 'exited' in reported)
    throw new Error(`npm start did not report the panel open:\n${text}`);
  return { child, output: () => text, ...reported, debugPort };
}

/** Every process below `pid`, from /proc: the browser, its helpers, moto. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(Number(entry));
    if (!stat) continue;
    const ppid = Number(stat.split(' ')[1]);
    parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const child of parents.get(parent) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

/** `/proc/PID/stat` after the command name: "STATE PPID ...", or null once the process is gone. */
function readProc(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2);
  } catch {
    return null;
  }
}

/** Gone, or a zombie nobody has reaped yet (a container's pid 1 may not reap). */
const alive = (pid: number) => {
  const stat = readProc(pid);
  return stat !== null && !stat.startsWith('Z');
};

function accepts(port: number): Promise<boolean> {
  return new Promise((resolveConnect) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolveConnect(true);
    });
    socket.once('error', () => resolveConnect(false));
    socket.connect(port, '127.0.0.1');
  });
}

/** What the panel's tab shows, read from its DOM. */
interface Shown {
  url: string;
  title: string;
  header: boolean;
  /** The header's profile switcher (Firefox leaves a select's options out of innerText). */
  profile: string;
  text: string;
}

const READ_PANEL = `(() => ({
  url: location.href,
  title: document.title,
  header: !!document.querySelector('.app-header'),
  profile: document.querySelector('.app-header select')?.selectedOptions[0]?.textContent ?? '',
  text: document.body.innerText,
}))()`;

const NOTHING_SHOWN: Shown = { url: '', title: '', header: false, profile: '', text: '' };

/** What the page shows once its profile is loaded, or what it last showed, for the assertions to name. */
async function waitForShown(read: () => Promise<Shown>): Promise<Shown> {
  let shown: Shown | null = null;
  await poll(async () => {
    shown = await read().catch(() => shown);
    return shown?.profile === 'Local sandbox';
  }, 'the panel with its profile').catch(() => undefined);
  return shown ?? NOTHING_SHOWN;
}

/**
 * The browser's tabs, seen through its own remote debugging port (CDP in Chromium, WebDriver BiDi
 * in Firefox): their URLs on connecting, and what the first one shows.
 */
async function lookInside(
  kind: BrowserKind,
  debugPort: number,
): Promise<{ urls: string[]; shown: Shown }> {
  if (kind === 'chromium') {
    const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${debugPort}`);
    try {
      const pages = cdp.contexts().flatMap((context) => context.pages());
      const urls = pages.map((p) => p.url());
      const first = pages[0];
      const read = () => first?.evaluate(READ_PANEL) as Promise<Shown>;
      return { urls, shown: first ? await waitForShown(read) : NOTHING_SHOWN };
    } finally {
      await cdp.close();
    }
  }
  const bidi = await puppeteer.connect({
    browserWSEndpoint: `ws://127.0.0.1:${debugPort}/session`,
    protocol: 'webDriverBiDi',
  });
  try {
    const pages = await bidi.pages();
    const urls = pages.map((p) => p.url());
    const first = pages[0];
    const read = () => first?.evaluate(READ_PANEL) as Promise<Shown>;
    return { urls, shown: first ? await waitForShown(read) : NOTHING_SHOWN };
  } finally {
    await bidi.disconnect();
  }
}

async function stopsOnSigterm(started: Started) {
  const below = descendants(started.child.pid ?? 0);
  expect(below.length).toBeGreaterThan(1);
  expect(await accepts(started.motoPort)).toBe(true);
  const exited = new Promise<number | null>((r) => started.child.once('exit', (code) => r(code)));
  started.child.kill('SIGTERM');
  expect(await exited).toBe(143);
  // Chromium's helpers take a moment after the browser's own process has gone.
  await poll(
    async () => !below.some(alive),
    'every process npm start started to end',
    10_000,
  ).catch(() => undefined);
  expect(below.filter(alive), started.output()).toEqual([]);
  expect(await accepts(started.motoPort)).toBe(false);
  expect(await accepts(started.debugPort)).toBe(false);
}

for (const kind of BROWSERS) {
  describe(`npm start${kind === 'firefox' ? ' -- --firefox' : ''}`, () => {
    let xvfb: { display: string; stop: () => void };
    let out = '';
    let started: Started;

    beforeAll(async () => {
      xvfb = await startXvfb();
      out = await mkdtemp(join(tmpdir(), 'cirrus-start-'));
      started = await startCirrus(xvfb.display, out, kind);
    });
    afterAll(async () => {
      if (started?.child.exitCode === null) started.child.kill('SIGKILL');
      xvfb?.stop();
      await rm(out, { recursive: true, force: true });
    });

    test('the window shows the panel, with the Local sandbox profile, and no error page', async () => {
      const { urls, shown } = await lookInside(kind, started.debugPort);
      expect(urls).toEqual([started.panelUrl]);
      expect(started.panelUrl).toMatch(/^(chrome|moz)-extension:\/\/[^/]+\/panel\.html$/);
      expect(shown.url).toBe(started.panelUrl);
      expect(shown.title).toBe('Cirrus');
      expect(shown.header).toBe(true);
      expect(shown.profile).toBe('Local sandbox');
      expect(shown.text).not.toMatch(/ERR_BLOCKED_BY_CLIENT|is blocked|Unable to connect/);
    });

    test('SIGTERM ends the browser and the moto it started', async () => {
      await stopsOnSigterm(started);
    });
  });
}
