// @ts-check
// The Overview's fan-out at scale, in Node against one local moto: 10 profiles × 17 regions (moto
// serves any region from one port, by the SigV4 scope), each region with a few instances, volumes
// and addresses. The model is the panel's own (src/panels/overview/overview-model.ts), bundled
// for Node; only its targets differ from the extension's: Eucalyptus-kind profiles pointed at
// moto, each visiting the 17 regions (an AWS profile would ask DescribeRegions at amazonaws.com).
// Prints the time to the first answer, to every answer, the longest event-loop stall while it ran
// (Node's: it includes the SigV4 signing that the extension does in its background), and the same
// with the limit at 1 and 18. Then the real panel in Chromium (after `npm run build`): as many
// Eucalyptus-kind profiles as profile × region pairs (a Eucalyptus profile has one region), so the
// built Overview reads the same 170 regions (and a bucket list per profile) with signatures from
// its background; printed: first row answered, every row answered, the longest main-thread task
// (PerformanceObserver 'longtask'), and the next opening's first paint from the cache.
// Run: node bench/overview.mjs [profiles] [regions] [instancesPerRegion]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { cleanUp, note, onCleanup, openExtension, panelCall } from './kit.mjs';
import { startMoto } from './moto.mjs';

const root = resolve(import.meta.dirname, '..');
const PROFILES = Number(process.argv[2] ?? 10);
const REGION_COUNT = Number(process.argv[3] ?? 17);
const PER_REGION = Number(process.argv[4] ?? 3);
const IMAGE = 'ami-12c6146b';
const REGIONS = [
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-north-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'me-south-1',
].slice(0, REGION_COUNT);

/** @param {number} ms */
const fmt = (ms) => `${Math.round(ms).toLocaleString('en')} ms`;

const work = await mkdtemp(join(tmpdir(), 'cirrus-overview-'));
onCleanup(() => rm(work, { recursive: true, force: true }));
try {
  // Node cannot import TypeScript: bundle the model, the EC2 client and the local signer first.
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: work,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      reportCompressedSize: false,
      lib: {
        entry: {
          model: resolve(root, 'src/panels/overview/overview-model.ts'),
          ec2: resolve(root, 'src/cloud/ec2/index.ts'),
          signer: resolve(root, 'src/cloud/local-signer.ts'),
          area: resolve(root, 'src/storage/area.ts'),
          item: resolve(root, 'src/storage/item.ts'),
        },
        formats: ['es'],
        fileName: (_, name) => `${name}.mjs`,
      },
    },
  });
  const load = (/** @type {string} */ name) =>
    import(pathToFileURL(join(work, `${name}.mjs`)).href);
  /** @type {typeof import('../src/panels/overview/overview-model')} */
  const { createOverviewModel } = await load('model');
  /** @type {typeof import('../src/cloud/ec2/index')} */
  const ec2 = await load('ec2');
  /** @type {typeof import('../src/cloud/local-signer')} */
  const { createLocalSigner } = await load('signer');
  /** @type {typeof import('../src/storage/area')} */
  const { memoryArea } = await load('area');
  /** @type {typeof import('../src/storage/item')} */
  const { defineItem } = await load('item');

  const moto = await startMoto();
  onCleanup(() => moto.stop());
  const secret = 'bench/overview/secret/00000000000000001';
  /** @param {number} i @param {string} region @returns {import('../src/cloud/profile').EucalyptusProfile} */
  const profileAt = (i, region) => ({
    id: `p${i}`,
    kind: 'eucalyptus',
    name: `Profile ${i}`,
    accessKeyId: `AKIDBENCHOVERVIEW${String(i).padStart(3, '0')}`,
    host: '127.0.0.1',
    port: moto.port,
    https: false,
    ec2Path: '',
    s3Path: '',
    s3Host: '',
    region,
    signatureVersion: 4,
    apiVersion: '2016-11-15',
  });
  /** @param {import('../src/cloud/profile').Profile} p @param {string} region */
  const signerFor = (p, region) =>
    createLocalSigner({ ...p, region }, { accessKeyId: p.accessKeyId, secretAccessKey: secret });

  note(
    `seeding ${REGIONS.length} regions with ${PER_REGION} instances, a volume and an address each`,
  );
  await Promise.all(
    REGIONS.map(async (region) => {
      const p = profileAt(0, region);
      const s = signerFor(p, region);
      const run = await ec2.ec2Call(ec2.runInstances, p, s, {
        imageId: IMAGE,
        minCount: PER_REGION,
        maxCount: PER_REGION,
        tags: [{ key: 'Name', value: `bench ${region}` }],
      });
      const first = run.instances[0]?.instanceId ?? '';
      if (PER_REGION > 1) await ec2.ec2Call(ec2.stopInstances, p, s, { instanceIds: [first] });
      await ec2.ec2Call(ec2.createVolume, p, s, { size: 1, availabilityZone: `${region}a` });
      await ec2.ec2Call(ec2.allocateAddress, p, s, {});
    }),
  );

  const profiles = Array.from({ length: PROFILES }, (_, i) => profileAt(i + 1, REGIONS[0] ?? ''));
  const targets = PROFILES * REGIONS.length;

  /** @param {number} limit */
  async function measure(limit) {
    const area = memoryArea();
    const cache = defineItem({ key: 'overview.cache', version: 1, defaultValue: [] }, () => area);
    const model = createOverviewModel({
      source: { load: async () => ({ profiles, locked: false }), signerFor },
      cache,
      limit,
      tickMs: 0,
      regionsOf: async () => REGIONS,
    });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    let first = 0;
    const start = performance.now();
    const watch = setInterval(() => {
      if (!first && model.entries.value.some((e) => e.kind === 'region' && e.at !== null))
        first = performance.now() - start;
    }, 1);
    const cpu = process.cpuUsage();
    delay.enable();
    await model.refresh();
    delay.disable();
    const used = process.cpuUsage(cpu);
    clearInterval(watch);
    const all = performance.now() - start;
    model.dispose();
    const rows = model.entries.value.filter((e) => e.kind === 'region');
    const failed = model.entries.value.filter((e) => e.error);
    if (rows.length !== targets || failed.length > 0) {
      throw new Error(
        `${rows.length}/${targets} regions, ${failed.length} failed: ${JSON.stringify(failed[0]?.error)}`,
      );
    }
    const running = model.runningRows.value.length;
    return {
      first: first || all,
      all,
      stall: delay.max / 1e6,
      p99: delay.percentile(99) / 1e6,
      cpu: (used.user + used.system) / 1000,
      running,
    };
  }

  note(
    `${PROFILES} profiles × ${REGIONS.length} regions = ${targets} regions to read (3 lists each)`,
  );
  await measure(6); // warm-up: moto's first answers per region are slower
  const rows = [];
  for (const limit of [6, 1, 18]) {
    note(`limit ${limit}`);
    rows.push({ limit, ...(await measure(limit)) });
  }
  console.log(
    `| Overview, ${PROFILES} profiles × ${REGIONS.length} regions, moto on loopback (Node) | first answer | all answers | event-loop stall, longest / p99 | Node CPU | running instances |`,
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.limit} at once${r.limit === 6 ? ' (the panel’s limit)' : ''} | ${fmt(r.first)} | ${fmt(r.all)} | ${fmt(r.stall)} / ${fmt(r.p99)} | ${fmt(r.cpu)} | ${r.running.toLocaleString('en')} |`,
    );
  }

  note('Chromium: the built panel');
  const browserRows = await inChromium(profileAt);
  console.log('');
  console.log(
    `| Overview panel in Chromium, ${targets} Eucalyptus-kind profiles (one region each) on moto | measured |`,
  );
  console.log('| --- | ---: |');
  for (const [what, value] of browserRows) console.log(`| ${what} | ${value} |`);
} finally {
  await cleanUp();
}

/**
 * @param {(i: number, region: string) => import('../src/cloud/profile').EucalyptusProfile} profileAt
 * @returns {Promise<Array<[string, string]>>}
 */
async function inChromium(profileAt) {
  const dir = await mkdtemp(join(tmpdir(), 'cirrus-overview-chromium-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  const { page, browserVersion } = await openExtension(dir);
  let n = 0;
  for (let i = 1; i <= PROFILES; i++) {
    for (const region of REGIONS) {
      const profile = { ...profileAt(i, region), name: `P${i} ${region}` };
      await panelCall(page, 'profileSave', {
        profile: { ...profile, id: '' },
        secret: { secretAccessKey: 'bench/overview/secret/00000000000000001' },
      });
      n++;
    }
  }
  note(`${n} profiles saved; Chromium ${browserVersion}`);
  await page.click('#tab-zones');

  /** Opens the Overview and times it in the page. @param {boolean} untilAll */
  const open = (untilAll) =>
    page.evaluate(
      ([_rows, untilAll]) =>
        new Promise((done) => {
          const seen = { first: 0, all: 0, longest: 0, longTasks: 0, failed: 0 };
          const observer = new PerformanceObserver((list) => {
            for (const e of list.getEntries()) {
              seen.longest = Math.max(seen.longest, e.duration);
              seen.longTasks++;
            }
          });
          observer.observe({ type: 'longtask' });
          const start = performance.now();
          const check = () => {
            // The table is virtual: the status line counts the answers, not the rows drawn.
            const status = document.querySelector('.overview .toolbar .count')?.textContent ?? '';
            if (
              !seen.first &&
              (/^[1-9]\d* of/.test(status) || document.querySelector('.overview-counts time'))
            )
              seen.first = performance.now() - start;
            if ((!untilAll && seen.first) || /^Updated/.test(status)) {
              seen.all = performance.now() - start;
              seen.failed = [...document.querySelectorAll('.overview-counts .error')].length;
              mutations.disconnect();
              // Long tasks are reported after they end: give the last one a moment.
              setTimeout(() => {
                observer.disconnect();
                done(seen);
              }, 200);
            }
          };
          const mutations = new MutationObserver(check);
          mutations.observe(document.body, { subtree: true, childList: true, characterData: true });
          document.getElementById('tab-overview')?.click();
        }),
      /** @type {const} */ ([2 * n, untilAll]),
    );
  /** @type {{ first: number, all: number, longest: number, longTasks: number, failed: number }} */
  const cold = /** @type {any} */ (await open(true));
  if (cold.failed > 0) throw new Error(`${cold.failed} rows failed in Chromium`);
  await page.click('#tab-zones');
  /** @type {{ first: number }} */
  const cached = /** @type {any} */ (await open(false));
  return [
    ['rows (a region and a bucket list per profile)', String(2 * n)],
    ['click → first row answered', fmt(cold.first)],
    ['click → every row answered', fmt(cold.all)],
    ['longest main-thread task while loading', fmt(cold.longest)],
    ['tasks over 50 ms while loading', String(cold.longTasks)],
    ['next opening: click → rows painted from the cache', fmt(cached.first)],
  ];
}
