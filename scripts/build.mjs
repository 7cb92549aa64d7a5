// @ts-check
// npm run build: both browser builds in dist/chrome and dist/firefox, and a zip of each.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'vite';
import webExt from 'web-ext';
import { manifestFor } from './manifest.mjs';

const root = resolve(import.meta.dirname, '..');

/** @type {import('vite').InlineConfig} */
const common = {
  configFile: false,
  root,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
};

/**
 * @param {string} target 'nozip' skips the zips
 * @param {{ host: string; port: number } | null} sandbox a local moto for `npm start` (never in the zips)
 * @param {string} dist where chrome/, firefox/ and zips/ go; elsewhere than dist/ lets a test run
 *   `npm start` without replacing the build the other tests load
 */
export async function buildAll(target = 'all', sandbox = null, dist = resolve(root, 'dist')) {
  const chrome = resolve(dist, 'chrome');
  const firefox = resolve(dist, 'firefox');
  await rm(dist, { recursive: true, force: true });

  // The pages: panel.html (tab and sidebar) and popup.html (toolbar), with lazily loaded panels.
  await build({
    ...common,
    publicDir: 'public',
    build: {
      outDir: chrome,
      emptyOutDir: true,
      target: ['chrome120', 'firefox140'],
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
      rolldownOptions: {
        input: { panel: resolve(root, 'panel.html'), popup: resolve(root, 'popup.html') },
      },
    },
  });

  // The background: one classic script, because a Firefox event page and a Chrome worker both take it.
  await build({
    ...common,
    publicDir: false,
    build: {
      outDir: chrome,
      emptyOutDir: false,
      target: ['chrome120', 'firefox140'],
      reportCompressedSize: false,
      lib: {
        entry: resolve(root, 'src/background/index.ts'),
        formats: ['iife'],
        name: 'cirrusBackground',
        fileName: () => 'background.js',
      },
    },
  });

  await cp(chrome, firefox, { recursive: true });
  const source = JSON.parse(await readFile(resolve(root, 'manifest.json'), 'utf8'));
  const { version } = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8'));
  const targets = /** @type {const} */ ([
    [chrome, 'chrome'],
    [firefox, 'firefox'],
  ]);
  for (const [dir, browser] of targets) {
    const manifest = manifestFor(source, browser, version);
    if (sandbox) {
      // The development sandbox lives on loopback: allow it at install, so no prompt is needed.
      manifest.host_permissions = [...manifest.host_permissions, `http://${sandbox.host}/*`];
      await writeFile(resolve(dir, 'sandbox.json'), `${JSON.stringify(sandbox)}\n`);
    }
    await writeFile(resolve(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  }

  if (target !== 'nozip' && !sandbox) {
    await mkdir(resolve(dist, 'zips'), { recursive: true });
    for (const [dir, browser] of targets) {
      await webExt.cmd.build(
        {
          sourceDir: dir,
          artifactsDir: resolve(dist, 'zips'),
          filename: `cirrus-${browser}-${version}.zip`,
          overwriteDest: true,
        },
        { shouldExitProgram: false },
      );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll(process.argv[2]);
  console.log('built dist/chrome, dist/firefox and dist/zips');
}
