// Firefox's downloads, for the scenarios that save files: pointed at a folder without a prompt,
// through Firefox's privileged context (as a person's "Save files to" setting would).

import type { FirefoxSession } from '../support/firefox';

interface BidiConnection {
  send(method: string, params: unknown): Promise<{ result: unknown }>;
}

/** Points Firefox's downloads at `dir`, without asking, through its privileged context. */
export async function downloadInto(session: FirefoxSession, dir: string) {
  const connection = (session.browser as unknown as { connection: BidiConnection }).connection;
  const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = (result as { contexts: Array<{ context: string }> }).contexts[0]?.context;
  await connection.send('script.evaluate', {
    expression: `Services.prefs.setIntPref('browser.download.folderList', 2);
      Services.prefs.setStringPref('browser.download.dir', ${JSON.stringify(dir)});
      Services.prefs.setBoolPref('browser.download.useDownloadDir', true);`,
    target: { context },
    awaitPromise: false,
  });
}

/**
 * The files Firefox saved under `dir`, by the relative paths expected, once each has its full
 * size and no .part file is left.
 */
export async function savedFiles(
  dir: string,
  expected: Record<string, number>,
  timeoutMs = 30_000,
): Promise<Map<string, Buffer>> {
  const { readdir, readFile, stat } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = new Map<string, Buffer>();
    for (const [path, size] of Object.entries(expected)) {
      const full = join(dir, path);
      const done = await stat(full).then(
        (s) => s.size === size,
        () => false,
      );
      const partial = await stat(`${full}.part`).then(
        () => true,
        () => false,
      );
      if (done && !partial) got.set(path, await readFile(full));
    }
    if (got.size === Object.keys(expected).length) return got;
    if (Date.now() > deadline) {
      const there = await readdir(dir, { recursive: true }).catch(() => []);
      const missing = Object.keys(expected).filter((p) => !got.has(p));
      throw new Error(`downloads missing: ${missing.join(', ')}; saved: ${there.join(', ')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
