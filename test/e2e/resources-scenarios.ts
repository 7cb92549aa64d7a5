// The resource panels both browsers must pass: key pairs (a .pem download, an imported public
// key), a security group and its rules, an Elastic IP on a running instance, a volume attached
// to it, and a Eucalyptus cloud's capacity table.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ec2Call, runInstances } from '../../src/cloud/ec2';
import { connect } from '../integration/ec2/support';
import type { FrontDoor } from '../support/front-door';
import { MOTO_IMAGE } from './ec2-scenarios';
import { bodyText, fill, press, run, type TypingPage, waitForText } from './profiles-scenarios';
import { waitFor } from './shell-scenarios';

/** The zone the instance runs in and the volume is made in. */
export const ZONE = 'us-east-1a';

/** A running instance to attach things to, launched straight at moto (same account). */
export async function launchInstance(motoPort: number): Promise<string> {
  const c = connect(motoPort);
  const { instances } = await ec2Call(runInstances, c.profile, c.signer, {
    imageId: MOTO_IMAGE,
    availabilityZone: ZONE,
    tags: [{ key: 'Name', value: 'e2e target' }],
  });
  return instances[0]?.instanceId ?? '';
}

const xml = (rows: Array<[string, string, string]>) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n<DescribeAvailabilityZonesResponse xmlns="http://ec2.amazonaws.com/doc/2013-02-01/">' +
  '<requestId>6e0c2f5a-0000-4000-8000-00000000c0de</requestId><availabilityZoneInfo>' +
  rows
    .map(
      ([name, state, region]) =>
        `<item><zoneName>${name}</zoneName><zoneState>${state}</zoneState><regionName>${region}</regionName><messageSet/></item>`,
    )
    .join('') +
  '</availabilityZoneInfo></DescribeAvailabilityZonesResponse>';

/**
 * An ec2Answer for the front door: DescribeAvailabilityZones with ZoneName.1=verbose answered as
 * Eucalyptus does, with a cluster row and `|-` capacity rows for an administrator, and with
 * AuthFailure for anyone else (flip `admin`). Everything else goes on to moto.
 */
export function eucalyptusCapacity() {
  const state = { admin: false };
  const answer = (action: string, params: Array<[string, string]>) => {
    if (action !== 'DescribeAvailabilityZones') return undefined;
    if (!params.some(([k, v]) => k === 'ZoneName.1' && v === 'verbose')) return undefined;
    if (!state.admin) {
      return {
        status: 403,
        body: '<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>AuthFailure</Code><Message>Not authorized to describe verbose zones</Message></Error></Errors><RequestID>6e0c2f5a-0000-4000-8000-00000000a17f</RequestID></Response>',
      };
    }
    return {
      status: 200,
      body: xml([
        ['cluster01', '10.0.0.5 arn:euca:eucalyptus:cluster01:cluster:cc-1/', 'eucalyptus'],
        ['|- vm types', 'free / max   cpu   ram  disk', ''],
        ['|- m1.small', '0004 / 0004   1    128     2', ''],
        ['|- c1.medium', '0002 / 0004   1    256     5', ''],
        ['|- m1.xlarge', '0000 / 0002   2   2048    10', ''],
      ]),
    };
  };
  return { state, answer };
}

/** An ec2Rewrite: new volumes stay "creating" for `ms`, as on a real cloud, so the panel polls. */
export function keepCreating(ms: number): (action: string, body: string) => string {
  const created = new Map<string, number>();
  return (action, body) => {
    if (action === 'CreateVolume') {
      const id = /<volumeId>([^<]+)<\/volumeId>/.exec(body)?.[1];
      if (id) created.set(id, Date.now());
    }
    if (action !== 'DescribeVolumes' && action !== 'CreateVolume') return body;
    let out = body;
    for (const [id, at] of created) {
      if (Date.now() - at >= ms) continue;
      const status = new RegExp(
        `(<volumeId>${id}</volumeId>[\\s\\S]*?<status>)available(</status>)`,
      );
      out = out.replace(status, '$1creating$2');
    }
    return out;
  };
}

function probe(body: string): () => boolean {
  return new Function(body) as () => boolean;
}

/** Sets a select found by its label (a field's own label, or a switcher's first line) and fires change. */
async function chooseOption(page: TypingPage, label: string, value: string) {
  await waitFor(
    page,
    probe(
      `const scope = document.querySelector('dialog[open]') ?? document;
       const l = [...scope.querySelectorAll('label')].find((x) => (x.firstElementChild?.textContent ?? x.textContent).trim() === ${JSON.stringify(label)} || x.textContent.trim() === ${JSON.stringify(label)});
       const s = l && (l.control ?? l.querySelector('select'));
       if (!s || s.tagName !== 'SELECT' || ![...s.options].some((o) => o.value === ${JSON.stringify(value)})) return false;
       s.value = ${JSON.stringify(value)};
       s.dispatchEvent(new Event('change', { bubbles: true }));
       return true;`,
    ),
    `a select "${label}" offering ${value}`,
  );
}

/** Opens a tab and waits for its panel's Refresh button: the panel is loaded and has a profile. */
export async function openTab(page: TypingPage, id: string) {
  await page.click(`#tab-${id}`);
  await waitFor(
    page,
    probe(
      `const panel = document.querySelector('[role="tabpanel"]');
       return panel?.getAttribute('aria-labelledby') === 'tab-${id}' &&
         [...panel.querySelectorAll('button')].some((b) => b.textContent === 'Refresh');`,
    ),
    `the ${id} panel`,
  ).catch(async (e: Error) => {
    // A panel that did not come (a failed chunk load, no profile) says why on the page.
    throw new Error(`${e.message}; the page says: ${(await bodyText(page)).slice(-400)}`);
  });
}

/**
 * Presses a button that opens a dialog and waits until it is open: a dialog is in the page a
 * moment before showModal() runs, and typing into it then would go nowhere.
 */
export async function opens(page: TypingPage, button: string) {
  await press(page, button);
  await waitFor(
    page,
    probe(`return !!document.querySelector('dialog[open]');`),
    `a dialog from "${button}"`,
  );
}

export async function clickRow(page: TypingPage, key: string) {
  await waitFor(
    page,
    probe(`return !!document.querySelector('tr[data-key="${key}"]');`),
    `row ${key}`,
  );
  await page.click(`tr[data-key="${key}"] td`);
}

async function waitForRowGone(page: TypingPage, key: string) {
  await waitFor(
    page,
    probe(`return !document.querySelector('tr[data-key="${key}"]');`),
    `row ${key} gone`,
  );
}

/** The text of one cell: the row by key, the column by header text. */
export function cell(page: TypingPage, key: string, column: string): Promise<string> {
  return run<string>(
    page,
    `const row = document.querySelector('tr[data-key="${key}"]');
     if (!row) return '';
     const heads = [...row.closest('table').querySelectorAll('thead th')].map((th) => th.textContent.replace(/[▲▼]/g, '').trim());
     return row.children[heads.indexOf(${JSON.stringify(column)})]?.textContent ?? '';`,
  );
}

export async function waitForCell(page: TypingPage, key: string, column: string, text: string) {
  await waitFor(
    page,
    probe(
      `const row = document.querySelector('tr[data-key="${key}"]');
       if (!row) return false;
       const heads = [...row.closest('table').querySelectorAll('thead th')].map((th) => th.textContent.replace(/[▲▼]/g, '').trim());
       return row.children[heads.indexOf(${JSON.stringify(column)})]?.textContent === ${JSON.stringify(text)};`,
    ),
    `${column} of ${key} to be ${text}`,
    20_000,
  );
}

/** The key of the table row whose first cell says `text`. */
function rowKeyByName(page: TypingPage, text: string): Promise<string> {
  return waitFor(
    page,
    probe(
      `const row = [...document.querySelectorAll('tr[data-key]')].find((r) => r.children[0]?.textContent === ${JSON.stringify(text)});
       return row ? row.getAttribute('data-key') : '';`,
    ) as unknown as () => string,
    `a row named ${text}`,
  );
}

function inputValue(page: TypingPage, id: string): Promise<string> {
  return run<string>(page, `return document.getElementById(${JSON.stringify(id)}).value;`);
}

const count = (frontDoor: FrontDoor, action: string) =>
  frontDoor.requests.filter((r) => r.action === action).length;

/** ssh-keygen's ed25519 .pub line and the fingerprint moto gives it (SHA-256 of the DER key). */
function newPublicKey(): { line: string; fingerprint: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cirrus-e2e-key-'));
  try {
    execFileSync('ssh-keygen', [
      '-t',
      'ed25519',
      '-N',
      '',
      '-q',
      '-C',
      'e2e@cirrus',
      '-f',
      join(dir, 'k'),
    ]);
    const line = readFileSync(join(dir, 'k.pub'), 'utf8').trim();
    const blob = Buffer.from(line.split(' ')[1] ?? '', 'base64');
    const raw = blob.subarray(blob.length - 32);
    const der = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]);
    const hex = createHash('sha256').update(der).digest('hex');
    return { line, fingerprint: hex.replace(/(..)(?!$)/g, '$1:') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Key pairs: create one and get its private key as NAME.pem (`readPem`, called just before the
 * Create click, resolves to the downloaded file's text in the browser at hand), import a public
 * key dropped as a .pub file, delete.
 */
export async function keyPairScenario(
  page: TypingPage,
  readPem: (name: string) => Promise<string>,
) {
  await openTab(page, 'keypairs');
  await opens(page, 'Create key pair…');
  await waitForText(page, 'Cirrus keeps no copy');
  await fill(page, 'Key pair name', 'e2e-key');
  // Watched from before the click: a browser may report the download at once.
  const pem = readPem('e2e-key');
  pem.catch(() => undefined);
  await press(page, 'Create');
  await waitForText(page, 'Key pair e2e-key created; its private key was saved as e2e-key.pem.');
  await waitFor(
    page,
    probe(`return !!document.querySelector('tr[data-key="e2e-key"]');`),
    'e2e-key listed',
  );
  expect(await pem).toContain('PRIVATE KEY');

  // A line that is no key: the message stands by the field, the text stays.
  const { line, fingerprint } = newPublicKey();
  await opens(page, 'Import public key…');
  await fill(page, 'Public key', 'ssh-rsa not-a-key');
  await press(page, 'Import');
  await waitForText(page, 'Not an OpenSSH public key.');
  await waitForText(page, 'Required.');
  expect(await inputValue(page, 'keypair-public-key')).toBe('ssh-rsa not-a-key');
  // A .pub file dropped on the field: its text replaces what was typed, its name names the key.
  await run(
    page,
    `const data = new DataTransfer();
     data.items.add(new File([${JSON.stringify(`${line}\n`)}], 'id_e2e.pub', { type: 'text/plain' }));
     document.getElementById('keypair-public-key').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));`,
  );
  await waitFor(
    page,
    probe(`return document.getElementById('keypair-import-name')?.value === 'id_e2e';`),
    'the name from the dropped file',
  );
  expect(await inputValue(page, 'keypair-public-key')).toBe(`${line}\n`);
  await press(page, 'Import');
  await waitForText(page, 'Key pair id_e2e imported.');
  await waitForCell(page, 'id_e2e', 'Fingerprint', fingerprint);

  await clickRow(page, 'id_e2e');
  await opens(page, 'Delete');
  await waitForText(page, 'Delete these key pairs');
  await press(page, 'Delete 1 key pair(s)');
  await waitForText(page, 'Deleted key pairs: id_e2e.');
  await waitForRowGone(page, 'id_e2e');
}

/** A group, a rule that is refused before sending, one the server refuses, one that works; remove, delete. */
export async function securityGroupScenario(page: TypingPage, frontDoor: FrontDoor) {
  await openTab(page, 'security-groups');
  await rowKeyByName(page, 'default');
  await opens(page, 'Create group…');
  await fill(page, 'Group name', 'default');
  await fill(page, 'Description', 'Web servers');
  await press(page, 'Create');
  await waitForText(page, 'A group with this name already exists.');
  await fill(page, 'Group name', 'e2e-web');
  await press(page, 'Create');
  await waitForText(page, 'Security group e2e-web created.');
  const key = await rowKeyByName(page, 'e2e-web');
  await clickRow(page, key);
  await waitForText(page, 'Rules of e2e-web');

  await opens(page, 'Add inbound rule…');
  await fill(page, 'From port', '70000');
  await fill(page, 'CIDR blocks', '10.0.0.0/33');
  const before = count(frontDoor, 'AuthorizeSecurityGroupIngress');
  await press(page, 'Add rule');
  await waitForText(page, 'A port is a whole number from 0 to 65535.');
  await waitForText(page, 'Not a CIDR block: 10.0.0.0/33.');
  expect(await inputValue(page, 'rule-from-port')).toBe('70000');
  expect(await inputValue(page, 'rule-cidrs')).toBe('10.0.0.0/33');
  expect(count(frontDoor, 'AuthorizeSecurityGroupIngress')).toBe(before);

  await fill(page, 'From port', '22');
  await fill(page, 'CIDR blocks', '10.0.0.0/8');
  await press(page, 'Add rule');
  await waitForText(page, 'Rule added to e2e-web.');
  const rule = 'tr[data-rule^="ingress tcp 22-22 10.0.0.0/8"]';
  await waitFor(page, probe(`return !!document.querySelector('${rule}');`), 'the tcp 22 rule');

  // The same rule again: the server's refusal shows in the dialog, which keeps the form.
  await opens(page, 'Add inbound rule…');
  await fill(page, 'From port', '22');
  await fill(page, 'CIDR blocks', '10.0.0.0/8');
  await press(page, 'Add rule');
  await waitForText(page, 'InvalidPermission.Duplicate');
  expect(await inputValue(page, 'rule-cidrs')).toBe('10.0.0.0/8');
  await press(page, 'Cancel');

  await page.click(`${rule} button`);
  await waitForText(page, 'Rule removed from e2e-web.');
  await waitFor(page, probe(`return !document.querySelector('${rule}');`), 'the rule gone');

  await opens(page, 'Delete');
  await waitForText(page, 'Delete these security groups?');
  await press(page, 'Delete 1 group(s)');
  await waitForText(page, 'Deleted security groups: e2e-web.');
  await waitForRowGone(page, key);
}

/** Allocate an address, associate it with the running instance, disassociate, release. */
export async function addressScenario(page: TypingPage, instanceId: string) {
  await openTab(page, 'addresses');
  await opens(page, 'Allocate…');
  await chooseOption(page, 'Domain', 'standard');
  await press(page, 'Allocate');
  await waitForText(page, 'Allocated ');
  const ip = /Allocated (\d+\.\d+\.\d+\.\d+)\./.exec(await bodyText(page))?.[1] ?? '';
  expect(ip).not.toBe('');
  await clickRow(page, ip);
  await opens(page, 'Associate…');
  await chooseOption(page, 'Instance', instanceId);
  const offered = await run<string[]>(
    page,
    `return [...document.querySelectorAll('#address-instance option')].map((o) => o.textContent);`,
  );
  expect(offered).toContain(`e2e target (${instanceId})`);
  await press(page, 'Associate');
  await waitForText(page, `${ip} associated with ${instanceId}.`);
  await waitForCell(page, ip, 'Instance ID', instanceId);

  await press(page, 'Disassociate');
  await waitForText(page, `${ip} disassociated.`);
  await waitForCell(page, ip, 'Instance ID', '');
  await opens(page, 'Release');
  await waitForText(page, 'Release these addresses?');
  await press(page, 'Release 1 address(es)');
  await waitForText(page, `Released: ${ip}.`);
  await waitForRowGone(page, ip);
}

/** A volume (creating → available by polling), attached to the instance, a snapshot of it. */
export async function volumeScenario(
  page: TypingPage,
  frontDoor: FrontDoor,
  instanceId: string,
): Promise<{ volumeId: string; snapshotId: string }> {
  await openTab(page, 'volumes');
  await opens(page, 'Create volume…');
  await fill(page, 'Size (GiB)', '0');
  await chooseOption(page, 'Zone', ZONE);
  await fill(page, 'Name tag', 'e2e data');
  await press(page, 'Create');
  await waitForText(page, 'A whole number of GiB from 1 to 16384.');
  await fill(page, 'Size (GiB)', '2');
  await press(page, 'Create');
  await waitForText(page, 'Volume vol-');
  const volumeId = /Volume (vol-[0-9a-f]+) created\./.exec(await bodyText(page))?.[1] ?? '';
  expect(volumeId).not.toBe('');
  await waitForCell(page, volumeId, 'State', 'creating…');
  const describes = count(frontDoor, 'DescribeVolumes');
  await waitForCell(page, volumeId, 'State', 'available');
  // Nobody pressed Refresh: the panel polled while the volume was being created.
  expect(count(frontDoor, 'DescribeVolumes')).toBeGreaterThan(describes);
  expect(await cell(page, volumeId, 'Name')).toBe('e2e data');

  await clickRow(page, volumeId);
  await opens(page, 'Attach…');
  await chooseOption(page, 'Instance', instanceId);
  await fill(page, 'Device', 'sdf');
  await press(page, 'Attach');
  await waitForText(page, 'Write /dev/ and a device name');
  await fill(page, 'Device', '/dev/sdf');
  await press(page, 'Attach');
  await waitForText(page, `Attaching ${volumeId} to ${instanceId} as /dev/sdf.`);
  await waitForCell(page, volumeId, 'Attached to', `${instanceId} (/dev/sdf)`);
  await waitForCell(page, volumeId, 'State', 'in-use');

  await opens(page, 'Create snapshot…');
  await fill(page, 'Description', 'e2e snapshot');
  await press(page, 'Create');
  await waitForText(page, `of ${volumeId} started.`);
  const snapshotId = /Snapshot (snap-[0-9a-f]+) of/.exec(await bodyText(page))?.[1] ?? '';
  await waitForCell(page, snapshotId, 'Description', 'e2e snapshot');
  expect(await cell(page, snapshotId, 'Volume ID')).toBe(volumeId);
  return { volumeId, snapshotId };
}

/** Zones from moto; on the Eucalyptus profile, capacity: refused without admin rights, then a table. */
export async function zoneScenario(page: TypingPage, capacity: { admin: boolean }) {
  await openTab(page, 'zones');
  await waitFor(page, probe(`return !!document.querySelector('tr[data-key="${ZONE}"]');`), ZONE);
  capacity.admin = false;
  await chooseOption(page, 'Show', 'capacity');
  await waitForText(
    page,
    'Capacity needs a cloud administrator’s credentials; this account sees only the zones.',
  );
  capacity.admin = true;
  await press(page, 'Refresh');
  await waitForText(page, 'cluster01 (cluster controller 10.0.0.5)');
  const small = await run<string[]>(
    page,
    `return [...document.querySelectorAll('tr[data-type="m1.small"] td')].map((td) => td.textContent);`,
  );
  expect(small).toEqual(['m1.small', '4', '4', '1', '128', '2']);
  const text = await bodyText(page);
  expect(text).not.toContain('|-');
  expect(text).not.toContain('vm types');
}

interface CliVolumes {
  Volumes: Array<{ VolumeId: string; Attachments: Array<{ InstanceId: string; Device: string }> }>;
}
interface CliSnapshots {
  Snapshots: Array<{ SnapshotId: string; VolumeId: string; Description: string }>;
}

/** The AWS CLI, asked the same moto, reports the volume attached and its snapshot. */
export function cliSeesVolume(
  cli: (args: string[]) => unknown,
  instanceId: string,
  made: { volumeId: string; snapshotId: string },
) {
  const volumes = cli(['ec2', 'describe-volumes', '--volume-ids', made.volumeId]) as CliVolumes;
  expect(volumes.Volumes[0]?.Attachments[0]).toMatchObject({
    InstanceId: instanceId,
    Device: '/dev/sdf',
  });
  const snapshots = cli([
    'ec2',
    'describe-snapshots',
    '--snapshot-ids',
    made.snapshotId,
  ]) as CliSnapshots;
  expect(snapshots.Snapshots[0]).toMatchObject({
    VolumeId: made.volumeId,
    Description: 'e2e snapshot',
  });
}
