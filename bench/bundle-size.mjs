// @ts-check
// Gzipped sizes of what each page loads, against the budgets in the README.
// Run after a build: node bench/bundle-size.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

// The first tab is the Overview (a new user lands on it), so the panel carries the EC2 client,
// the S3 bucket list and the XML parser (about 24 KB) and the virtual table; the background polls EC2 for quick launch and
// closes temporary SSH access, and calls STS and Tokens for sessions and roles, reminders and
// scheduled stops; the product has twelve tabs (Overview, Alarms and IAM among them), bucket
// settings, whole-bucket search and folder compare, password sign-in, MFA and roles, and
// CloudWatch graphs (uPlot and the graphs, 27 KB, fetched only when graphs are shown). What a user
// waits for, the first tab, keeps its 80 KB; the rest loads when first used.
export const BUDGET = { panelKb: 80, productKb: 340, backgroundKb: 60 };

/** @param {string} file */
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * What panel.html loads before the first tab shows: its scripts and styles, everything those
 * import statically, and the first tab's lazily loaded chunk.
 * @param {string} dist a built extension folder
 */
export function measure(dist) {
  const html = readFileSync(join(dist, 'panel.html'), 'utf8');
  const seen = new Set();
  /** @param {string} rel */
  const visit = (rel) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    if (!rel.endsWith('.js')) return;
    const code = readFileSync(join(dist, rel), 'utf8');
    for (const [, dep] of code.matchAll(/(?:import|from)\s*["']\.\/([\w.-]+\.(?:js|css))["']/g)) {
      visit(`assets/${dep}`);
    }
  };
  for (const [, ref] of html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g))
    visit(ref ?? '');
  const firstPanel = readdirSync(join(dist, 'assets')).find(
    (f) => f.startsWith('overview-panel-') && f.endsWith('.js'),
  );
  if (firstPanel) visit(`assets/${firstPanel}`);

  const assets = readdirSync(join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  const sum = (/** @type {string[]} */ files) => files.reduce((n, f) => n + gz(join(dist, f)), 0);
  return {
    panelBytes: sum([...seen]),
    productBytes: sum(assets.map((f) => `assets/${f}`)) + gz(join(dist, 'background.js')),
    backgroundBytes: gz(join(dist, 'background.js')),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const m = measure(resolve(import.meta.dirname, '../dist/chrome'));
  const kb = (/** @type {number} */ n) => (n / 1024).toFixed(1);
  console.log('| what (gzipped JS+CSS) | size | budget |');
  console.log('| --- | ---: | ---: |');
  console.log(`| panel page, first tab shown | ${kb(m.panelBytes)} KB | ${BUDGET.panelKb} KB |`);
  console.log(`| background | ${kb(m.backgroundBytes)} KB | ${BUDGET.backgroundKb} KB |`);
  console.log(`| whole product | ${kb(m.productBytes)} KB | ${BUDGET.productKb} KB |`);
}
