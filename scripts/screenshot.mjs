// @ts-check
// npm run screenshots: the README's pictures, from the built dist/chrome (run `npm run build` first;
// this builds nothing). moto on loopback holds a few named instances and a bucket with objects;
// the extension gets a Local sandbox profile the way `npm start` gives it one (sandbox.json and
// loopback host access, in a copy of the build). A proxy in front of moto reads upload bodies
// slowly, so an upload is still in progress when its picture is taken.
// Writes docs/panel.png, docs/launch.png, docs/s3-upload.png and docs/popup.png.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startMoto } from '../bench/moto.mjs';

const root = resolve(import.meta.dirname, '..');
const docs = resolve(root, 'docs');
const IMAGE = 'ami-12c6146b';
/** Bytes per second the proxy reads of each upload request: a 16 MiB part takes about 16 s. */
const UPLOAD_RATE = 1024 * 1024;

/** moto checks no signatures; it reads the service and region from the credential scope. */
const auth = (/** @type {string} */ service) =>
  `AWS4-HMAC-SHA256 Credential=SANDBOXACCESSKEY0001/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`;

/**
 * @param {string} url
 * @param {Record<string, string>} params
 */
async function ec2(url, params) {
  const response = await fetch(`${url}/`, {
    method: 'POST',
    body: new URLSearchParams({ Version: '2016-11-15', ...params }),
    headers: { authorization: auth('ec2') },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${params.Action}: ${response.status} ${text}`);
  return text;
}

/**
 * @param {string} url
 * @param {string} path
 * @param {string} [body]
 */
async function s3Put(url, path, body) {
  const response = await fetch(`${url}/${path}`, {
    method: 'PUT',
    ...(body === undefined ? {} : { body }),
    headers: { authorization: auth('s3') },
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`PUT ${path}: ${response.status}`);
}

/** @param {string} url */
async function seed(url) {
  await ec2(url, { Action: 'CreateKeyPair', KeyName: 'ops' });
  await ec2(url, { Action: 'CreateSecurityGroup', GroupName: 'web', GroupDescription: 'HTTP(S)' });
  const launch = async (/** @type {string} */ name, /** @type {string} */ type) => {
    const xml = await ec2(url, {
      Action: 'RunInstances',
      ImageId: IMAGE,
      MinCount: '1',
      MaxCount: '1',
      InstanceType: type,
      KeyName: 'ops',
      'SecurityGroup.1': 'web',
      'TagSpecification.1.ResourceType': 'instance',
      'TagSpecification.1.Tag.1.Key': 'Name',
      'TagSpecification.1.Tag.1.Value': name,
    });
    return /<instanceId>([^<]+)<\/instanceId>/.exec(xml)?.[1] ?? '';
  };
  await launch('web-1', 't3.small');
  await launch('web-2', 't3.small');
  await launch('db-primary', 'm5.large');
  const stopped = await launch('build-runner', 'c5.xlarge');
  await launch('bastion', 't3.micro');
  await ec2(url, { Action: 'StopInstances', 'InstanceId.1': stopped });

  await s3Put(url, 'releases');
  const kib = (/** @type {number} */ n) => 'a'.repeat(n * 1024);
  await s3Put(url, 'releases/README.md', '# Releases\n');
  await s3Put(url, 'releases/cirrus-0.1.0/cirrus-chrome-0.1.0.zip', kib(212));
  await s3Put(url, 'releases/cirrus-0.1.0/cirrus-firefox-0.1.0.zip', kib(214));
  await s3Put(url, 'releases/images/ubuntu-24.04.manifest.xml', kib(6));
  await s3Put(url, 'releases/checksums.txt', kib(1));
  await s3Put(url, 'releases/logo.png', kib(48));
  await s3Put(url, 'releases/changelog-2026-11.txt', kib(3));
  await s3Put(url, 'backups');
}

/**
 * Forwards to moto; reads PUT bodies at UPLOAD_RATE per request, so an upload's progress can be
 * photographed half way.
 * @param {number} motoPort
 * @returns {Promise<{ port: number; close: () => void }>}
 */
function slowProxy(motoPort) {
  const server = createServer((incoming, outgoing) => {
    const upstream = request(
      {
        host: '127.0.0.1',
        port: motoPort,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    if (incoming.method !== 'PUT') {
      incoming.pipe(upstream);
      return;
    }
    incoming.on('data', (/** @type {Buffer} */ chunk) => {
      upstream.write(chunk);
      incoming.pause();
      setTimeout(() => incoming.resume(), (chunk.length / UPLOAD_RATE) * 1000);
    });
    incoming.on('end', () => upstream.end());
  });
  return new Promise((resolvePort) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolvePort({
        port: typeof address === 'object' && address ? address.port : 0,
        close: () => {
          server.closeAllConnections();
          server.close();
        },
      });
    });
  });
}

/** A copy of dist/chrome with the Local sandbox `npm start` would give it, at the proxy. */
async function sandboxBuild(/** @type {number} */ port) {
  const dir = await mkdtemp(join(tmpdir(), 'cirrus-shots-ext-'));
  await cp(resolve(root, 'dist/chrome'), dir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, 'http://127.0.0.1/*'];
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(join(dir, 'sandbox.json'), JSON.stringify({ host: '127.0.0.1', port }));
  return dir;
}

const moto = await startMoto();
const proxy = await slowProxy(moto.port);
const extension = await sandboxBuild(proxy.port);
const profile = await mkdtemp(join(tmpdir(), 'cirrus-shots-'));
try {
  await seed(moto.url);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'en-US',
    viewport: { width: 1200, height: 720 },
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const base = `chrome-extension://${new URL(worker.url()).host}/`;
  const page = await context.newPage();
  await page.goto(`${base}panel.html`);
  // The sandbox profile is saved on install; the list fills once the panel follows it.
  await page.locator('#tab-instances').click();
  await page.waitForFunction(() => document.querySelectorAll('tr[data-key]').length >= 5, null, {
    timeout: 30_000,
  });
  await page.locator('tr[data-key]').nth(1).click();
  await page.screenshot({ path: join(docs, 'panel.png') });
  console.log('wrote docs/panel.png');

  // The launch dialog, filled in as for a web server, saved as a preset for the popup.
  await page.getByRole('button', { name: 'Launch…', exact: true }).click();
  const dialog = page.locator('dialog[open]');
  await dialog.getByLabel('Image ID').fill(IMAGE);
  await dialog.getByLabel('Instance type').selectOption('t3.small');
  await dialog.getByLabel('Key pair').selectOption('ops');
  await dialog.getByLabel('web', { exact: true }).check();
  await dialog.getByLabel('Name tag').fill('web-3');
  await dialog.getByLabel('Preset name').fill('Web server');
  await dialog.getByRole('button', { name: 'Save as preset' }).click();
  await page.getByText('Preset “Web server” saved').waitFor();
  await dialog.getByLabel('Image ID').focus();
  await page.screenshot({ path: join(docs, 'launch.png') });
  console.log('wrote docs/launch.png');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // An upload half way: 160 MiB dropped on the bucket, read slowly by the proxy.
  await page.locator('#tab-s3').click();
  await page.getByRole('button', { name: 'releases', exact: true }).click();
  await page.locator('tr[data-key="README.md"]').waitFor();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(160 * 1024 * 1024)], 'cirrus-dev-vm-2026-12.qcow2'));
    document
      .querySelector('.drop-target')
      ?.dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
  });
  await page.waitForFunction(
    () => {
      const bar = document.querySelector('.uploads progress');
      return bar instanceof HTMLProgressElement && bar.value >= 12;
    },
    null,
    { timeout: 60_000 },
  );
  await page.screenshot({ path: join(docs, 's3-upload.png') });
  console.log('wrote docs/s3-upload.png');

  // The popup at its size, after a quick launch from it has come up.
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 640, height: 560 });
  await popup.goto(`${base}popup.html`);
  await popup.getByRole('button', { name: 'Launch “Web server”' }).click();
  await popup.getByText('“Web server”: ').waitFor({ timeout: 40_000 });
  await popup.locator('.popup-instance').nth(4).waitFor();
  await popup.mouse.move(0, 0);
  await popup.screenshot({ path: join(docs, 'popup.png') });
  console.log('wrote docs/popup.png');
  await context.close();
} finally {
  proxy.close();
  await moto.stop();
  await rm(profile, { recursive: true, force: true });
  await rm(extension, { recursive: true, force: true });
}
