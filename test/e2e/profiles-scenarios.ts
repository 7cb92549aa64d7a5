// The profiles scenario both browsers must pass, driven the way a person uses the panel:
// labels, typing, real clicks.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  type BrowserKind,
  launchBrowser,
  poll,
  type ScenarioPage,
  type TestBrowser,
} from '../support/browser-adapter';
import type { FrontDoor } from '../support/front-door';
import { type DrivenPage, waitFor } from './shell-scenarios';

export interface TypingPage extends DrivenPage {
  keyboard: { press(key: string): Promise<unknown>; type(text: string): Promise<unknown> };
}

export const CREDENTIALS = {
  accessKeyId: 'AKIDCIRRUSE2E0000001',
  secretAccessKey: 'cirrus/e2e+Secret/Key0000000000000000001',
};

export function run<T>(page: DrivenPage, body: string): Promise<T> {
  return page.evaluate(new Function(body) as () => T);
}

/** Retries a probe until it returns true: panels load lazily and re-render after each action. */
async function until(page: DrivenPage, body: string): Promise<boolean> {
  return poll(() => run<boolean>(page, body), 'a probe').then(
    () => true,
    () => false,
  );
}

/** Types into the control whose visible label is `label` (in the open dialog, if any), replacing what is there. */
export async function fill(page: TypingPage, label: string, value: string) {
  const found = await until(
    page,
    `const scope = document.querySelector('dialog[open]') ?? document;
     const l = [...scope.querySelectorAll('label')].find((x) => x.textContent.trim() === ${JSON.stringify(label)});
     const c = (l && l.control) || [...scope.querySelectorAll('[aria-label]')].find((x) => x.getAttribute('aria-label') === ${JSON.stringify(label)});
     if (!c) return false; c.focus(); if (c.select) c.select(); return true;`,
  );
  expect(found, `a field labelled "${label}"`).toBe(true);
  if (value === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(value);
}

/**
 * A real mouse click on the button whose text is `text` (the n-th one when several match); while
 * a modal dialog is open, only its buttons can be clicked, so only they are looked at.
 */
export async function press(page: DrivenPage, text: string, nth = 0) {
  const found = await until(
    page,
    `document.querySelectorAll('[data-e2e]').forEach((e) => e.removeAttribute('data-e2e'));
     const scope = document.querySelector('dialog[open]') ?? document;
     const b = [...scope.querySelectorAll('button')].filter((x) => x.textContent.trim() === ${JSON.stringify(text)})[${nth}];
     if (!b || b.disabled) return false;
     // A button in a closed Actions menu: open the menu first, as a user does.
     const menu = b.closest('details');
     if (menu && !menu.open) menu.querySelector('summary').click();
     b.setAttribute('data-e2e', 'target'); b.scrollIntoView(); return true;`,
  );
  expect(found, `a button "${text}"`).toBe(true);
  await page.click('[data-e2e="target"]');
}

export function bodyText(page: DrivenPage): Promise<string> {
  return run<string>(page, 'return document.body.innerText;');
}

export async function waitForText(page: DrivenPage, text: string, timeout = 30_000) {
  await waitFor(
    page,
    new Function(
      `return document.body.innerText.includes(${JSON.stringify(text)});`,
    ) as () => boolean,
    `"${text}" on the page`,
    timeout,
  );
}

async function testConnectionOk(page: DrivenPage) {
  await press(page, 'Test connection');
  await waitForText(page, 'EC2: OK');
  await waitForText(page, 'S3: OK');
}

export async function addEucalyptusProfile(page: TypingPage, frontDoor: FrontDoor) {
  await page.click('#tab-profiles');
  await press(page, 'Add Eucalyptus profile');
  await fill(page, 'Host', '127.0.0.1');
  await fill(page, 'Port', String(frontDoor.port));
  // New profiles default to HTTPS; the front door speaks plain HTTP.
  const https = await run<boolean>(
    page,
    `return document.getElementById('profile-https').checked;`,
  );
  expect(https, 'HTTPS by default').toBe(true);
  await page.click('#profile-https');
  await waitFor(
    page,
    () => !(document.getElementById('profile-https') as HTMLInputElement).checked,
    'HTTPS unticked',
  );
  await press(page, '/services/Eucalyptus (before 4.0)');
  await press(page, '/services/Walrus (before 4.0)');
  await fill(page, 'Access key ID', CREDENTIALS.accessKeyId);
  await fill(page, 'Secret access key', CREDENTIALS.secretAccessKey);

  // Saving without a name: the message stands by the field, and nothing typed is lost.
  await press(page, 'Save');
  await waitForText(page, 'Required.');
  const kept = await run<string>(page, `return document.getElementById('profile-host').value;`);
  expect(kept).toBe('127.0.0.1');

  await fill(page, 'Profile name', 'Lab cloud');
  await press(page, 'Save');
  await waitForText(page, 'Profile “Lab cloud” saved.');
  expect(await bodyText(page)).not.toContain('did not allow access');
}

export async function connectionScenarios(page: TypingPage, frontDoor: FrontDoor) {
  // Signature version 4 against /services/Eucalyptus and /services/Walrus.
  await testConnectionOk(page);
  expect(
    frontDoor.requests.some(
      (r) => r.sigVersion === 4 && r.ok && r.path.startsWith('/services/Eucalyptus'),
    ),
  ).toBe(true);

  // Signature version 2, with the server clock two minutes ahead.
  await switchToSignatureV2(page);
  await waitForText(page, 'Profile “Lab cloud” saved.');
  frontDoor.setClockOffset(120_000);
  const before = frontDoor.requests.length;
  await testConnectionOk(page);
  // Learned from Date headers (one-second resolution) and the round trip, which under load can
  // take seconds: the offset is 120 s give or take a few.
  await waitForText(page, 's ahead (corrected)');
  const ahead = /Server clock (-?\d+) s ahead/.exec(await bodyText(page))?.[1];
  expect(ahead, 'the learned clock offset').toBeDefined();
  expect(Number(ahead)).toBeGreaterThanOrEqual(115);
  expect(Number(ahead)).toBeLessThanOrEqual(125);
  const v2 = frontDoor.requests.slice(before);
  expect(v2.some((r) => r.sigVersion === 2 && r.ok && r.service === 'ec2')).toBe(true);
  expect(v2.some((r) => r.sigVersion === 2 && r.ok && r.service === 's3')).toBe(true);
}

export async function wrongSecretScenario(page: TypingPage) {
  await press(page, 'Edit');
  await fill(page, 'Secret access key', 'not-the-secret');
  await press(page, 'Save');
  await waitForText(page, 'Profile “Lab cloud” saved.');
  await press(page, 'Test connection');
  await waitForText(page, 'EC2 failed: SignatureDoesNotMatch');
  await waitForText(page, 'the secret access key is probably wrong');
  // Put the right one back for what follows.
  await press(page, 'Edit');
  await fill(page, 'Secret access key', CREDENTIALS.secretAccessKey);
  await press(page, 'Save');
  await waitForText(page, 'Profile “Lab cloud” saved.');
}

export async function lockScenario(page: TypingPage) {
  await fill(page, 'Passphrase', 'a long passphrase');
  await press(page, 'Set passphrase');
  await waitForText(page, 'Unlocked: secret keys are encrypted');
  await press(page, 'Lock now');
  await waitForText(page, 'Locked: enter the passphrase');
  await press(page, 'Test connection');
  await waitForText(page, 'The keychain is locked.');

  await fill(page, 'Passphrase', 'wrong passphrase');
  await press(page, 'Unlock');
  await waitForText(page, 'That passphrase is not correct.');
  await fill(page, 'Passphrase', 'a long passphrase');
  await press(page, 'Unlock');
  await waitForText(page, 'Unlocked: secret keys are encrypted');
}

/**
 * Choosing "5 idle minutes" schedules the background's auto-lock alarm 5 minutes out; when that
 * alarm fires, the keychain locks. Waiting 5 minutes is not a test, so the page moves the same
 * alarm (alarms belong to the extension, not to one page) to fire now, and the real listener runs.
 */
export async function autoLockScenario(page: TypingPage) {
  // As Playwright's selectOption and Puppeteer's select do: set the value, fire change.
  await run(
    page,
    `const s = document.getElementById('keychain-autolock');
     s.value = '5';
     s.dispatchEvent(new Event('change', { bubbles: true }));`,
  );
  // Polled until it is about 5 minutes out; the last one read is what the assertions see.
  let alarm = null as { inMs: number } | null;
  await poll(async () => {
    alarm = await run<{ inMs: number } | null>(
      page,
      `const api = globalThis.browser ?? globalThis.chrome;
       return api.alarms.get('cirrus.auto-lock').then((a) => a ? { inMs: a.scheduledTime - Date.now() } : null);`,
    );
    return alarm && Math.abs(alarm.inMs - 5 * 60_000) < 30_000;
  }, 'the auto-lock alarm 5 minutes out').catch(() => undefined);
  expect(alarm, 'the auto-lock alarm').not.toBeNull();
  expect(alarm?.inMs).toBeGreaterThan(4.5 * 60_000);
  expect(alarm?.inMs).toBeLessThanOrEqual(5 * 60_000 + 1_000);
  await run(
    page,
    `const api = globalThis.browser ?? globalThis.chrome;
     return api.alarms.create('cirrus.auto-lock', { when: Date.now() + 200 });`,
  );
  await waitForText(page, 'Locked: enter the passphrase');
  await fill(page, 'Passphrase', 'a long passphrase');
  await press(page, 'Unlock');
  await waitForText(page, 'Unlocked: secret keys are encrypted');
}

/** Runs after lockScenario, whose last test result was "locked": a fresh OK proves signing works. */
export async function afterRestartScenario(page: TypingPage, frontDoor: FrontDoor) {
  expect(await bodyText(page)).not.toContain('EC2: OK');
  const before = frontDoor.requests.length;
  await testConnectionOk(page);
  expect(frontDoor.requests.slice(before).filter((r) => r.ok).length).toBeGreaterThanOrEqual(2);
}

/** Nothing a page can read holds the secret: not storage.sync, not local storage, not the DOM. */
export async function noSecretAnywhere(page: DrivenPage) {
  const seen = await run<{ sync: string; local: string; body: string }>(
    page,
    `const api = globalThis.browser ?? globalThis.chrome;
     return Promise.all([api.storage.sync.get(null), api.storage.local.get(null)]).then(([sync, local]) =>
       ({ sync: JSON.stringify(sync), local: JSON.stringify(local), body: document.documentElement.outerHTML }));`,
  );
  expect(seen.sync).toBe('{}');
  for (const text of [seen.local, seen.body])
    expect(text).not.toContain(CREDENTIALS.secretAccessKey);
  expect(seen.local).toContain('"kind":"sealed"');
}

/** Pasting an eucarc (Eucalyptus 4.x paths) shows what was found; saving gives a working profile. */
export async function importEucarcScenario(page: TypingPage, frontDoor: FrontDoor) {
  const base = `http://127.0.0.1:${frontDoor.port}/services`;
  const eucarc = [
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the eucarc's own shell expansion
    'EUCA_KEY_DIR=$(cd $(dirname ${BASH_SOURCE:-$0}); pwd -P)',
    `export EC2_URL=${base}/compute`,
    `export S3_URL=${base}/objectstorage`,
    `export EC2_ACCESS_KEY='${CREDENTIALS.accessKeyId}'`,
    `export EC2_SECRET_KEY='${CREDENTIALS.secretAccessKey}'`,
    'this line is not shell',
  ].join('\n');
  await fill(page, 'Or paste the file’s text', eucarc);
  await press(page, 'Read');
  await waitForText(page, 'Profiles found: 1');
  await waitForText(page, 'Line 6: This line could not be read.');
  // The preview shows the key id; the secret never reaches the page's text.
  expect(await bodyText(page)).toContain(CREDENTIALS.accessKeyId);
  await press(page, 'Save selected (1)');
  await waitForText(page, 'Profiles imported: 1.');

  const before = frontDoor.requests.length;
  await press(page, 'Test connection', 1);
  await waitFor(
    page,
    () =>
      document.querySelectorAll('.profile')[1]?.querySelectorAll('.test-result.ok').length === 2,
    'both services OK for the imported profile',
  );
  const paths = frontDoor.requests
    .slice(before)
    .filter((r) => r.ok)
    .map((r) => r.path);
  expect(paths.some((p) => p.startsWith('/services/compute'))).toBe(true);
  expect(paths.some((p) => p.startsWith('/services/objectstorage'))).toBe(true);
}

const HTTP_WARNING = 'Plain HTTP: requests, keys and downloaded private keys travel unencrypted.';

/**
 * The HTTP profile from addEucalyptusProfile carries a lasting warning: in its form (gone once
 * HTTPS is ticked), on its entry in the list, and in the header while it is current.
 */
export async function httpWarningScenario(page: TypingPage) {
  await press(page, 'Edit');
  await waitFor(
    page,
    () => document.querySelector('.profile-form .http-warning') !== null,
    'the warning in the form',
  );
  await page.click('#profile-https');
  await waitFor(
    page,
    () => document.querySelector('.profile-form .http-warning') === null,
    'no warning once HTTPS is ticked',
  );
  await press(page, 'Cancel');
  const seen = await waitFor(
    page,
    new Function(
      `const item = [...document.querySelectorAll('.profile')].find((li) => li.getAttribute('aria-label') === 'Lab cloud');
       const header = document.querySelector('.app-header');
       const text = ${JSON.stringify(HTTP_WARNING)};
       return item && header.innerText.includes(text) ? { item: item.innerText.includes(text), header: true } : null;`,
    ) as () => { item: boolean; header: boolean } | null,
    'the warning on the profile and in the header',
  );
  expect(seen).toEqual({ item: true, header: true });
}

/**
 * Export with secrets through the panel: the page holds a too-short passphrase back, the dialog
 * names the profiles and asks for the keychain passphrase (a wrong one is refused by its field,
 * nothing typed is lost), the right one exports a file. Deleting every profile gives the host
 * permission back; restoring the file from the panel asks for it again in the same click, and the
 * restored profile signs with its restored secret.
 */
export async function backupScenario(
  page: ScenarioPage,
  browser: TestBrowser,
  frontDoor: FrontDoor,
  origin: string,
) {
  const value = (id: string) =>
    run<string>(page, `return document.getElementById(${JSON.stringify(id)})?.value ?? null;`);
  await fill(page, 'Backup passphrase', 'short');
  await press(page, 'Export profiles');
  await waitForText(page, 'Use at least 8 characters, or leave it empty to export profiles only.');

  await fill(page, 'Backup passphrase', 'backup passphrase');
  await press(page, 'Export profiles');
  await waitForText(page, 'Enter the keychain passphrase to allow it.');
  const names = await run<string[]>(
    page,
    `return [...document.querySelectorAll('dialog[open] .backup-names li')].map((li) => li.textContent);`,
  );
  expect(names).toHaveLength(2);
  expect(names).toContain('Lab cloud');
  await fill(page, 'Keychain passphrase', 'not the passphrase');
  await press(page, 'Export with secret keys');
  await waitFor(
    page,
    () =>
      document.querySelector('dialog[open] #backup-vault-passphrase-error')?.textContent ===
      'That passphrase is not correct.',
    'the refusal by the keychain passphrase field',
  );
  expect(await value('backup-vault-passphrase')).toBe('not the passphrase');
  expect(await value('backup-passphrase')).toBe('backup passphrase');

  const fileName = `cirrus-profiles-${new Date().toISOString().slice(0, 10)}.json`;
  const saved = browser.downloads(page, {
    [fileName]: (bytes) => {
      try {
        return JSON.parse(bytes.toString('utf8')).format === 'cirrus-profiles';
      } catch {
        return false;
      }
    },
  });
  await fill(page, 'Keychain passphrase', 'a long passphrase');
  await press(page, 'Export with secret keys');
  const json = (await saved).get(fileName)?.toString('utf8') ?? '';
  await waitForText(page, 'Exported, with secret keys encrypted by the passphrase.');
  expect(await run<boolean>(page, `return document.querySelector('dialog[open]') === null;`)).toBe(
    true,
  );
  const file = JSON.parse(json) as { profiles: Array<{ id: string }>; secrets: unknown };
  expect(file.profiles).toHaveLength(2);
  expect(file.secrets).not.toBeNull();
  expect(json).not.toContain(CREDENTIALS.secretAccessKey);

  const outcome = await run<{ afterDelete: number; held: boolean; wrong: string; missing: string }>(
    page,
    `const api = globalThis.browser ?? globalThis.chrome;
     const send = (name, args) => api.runtime.sendMessage({ cirrus: 1, name, args });
     const json = ${JSON.stringify(json)};
     return (async () => {
       for (const p of JSON.parse(json).profiles) await send('profileDelete', { id: p.id });
       const afterDelete = (await send('profilesList', {})).value.profiles.length;
       const held = await api.permissions.contains({ origins: [${JSON.stringify(origin)}] });
       const wrong = (await send('backupImport', { json, passphrase: 'nope' })).error.code;
       const missing = (await send('backupImport', { json })).error.code;
       return { afterDelete, held, wrong, missing };
     })();`,
  );
  expect(outcome).toEqual({
    afterDelete: 0,
    held: false,
    wrong: 'WrongPassphrase',
    missing: 'PassphraseRequired',
  });

  const dir = await mkdtemp(join(tmpdir(), 'cirrus-backup-'));
  const path = join(dir, fileName);
  await writeFile(path, json);
  await browser.setFiles(page, '#backup-file', [path]);
  // The Restore click asks for the profiles' host again: Firefox shows its prompt, which is
  // answered; headless Chromium cannot show one, so access is granted ahead as in its settings.
  if (browser.capabilities.permissionPrompt) {
    await browser.answerPermissionPrompt('allow', () => press(page, 'Import backup'));
  } else {
    await browser.grantHostAccess(origin);
    await press(page, 'Import backup');
  }
  await waitForText(page, 'Profiles restored from the backup: 2.');
  await rm(dir, { recursive: true, force: true });
  const held = await run<boolean>(
    page,
    `const api = globalThis.browser ?? globalThis.chrome;
     return api.permissions.contains({ origins: [${JSON.stringify(origin)}] });`,
  );
  expect(held, 'host access asked for again').toBe(true);

  // The restored profile signs with its restored secret.
  const before = frontDoor.requests.length;
  await press(page, 'Test connection');
  await poll(
    async () => frontDoor.requests.slice(before).some((r) => r.ok && r.service === 'ec2'),
    'a signed request from the restored profile',
  );
  await waitForText(page, 'EC2: OK');
}

/** Dropping an .s3cfg on the import form reads it like a pasted one. */
export async function dropS3cfgScenario(page: DrivenPage) {
  const s3cfg = [
    '[default]',
    'access_key = AKIDDROPPED000000001',
    'secret_key = dropped/secret/0000000000000000000001',
    'host_base = 127.0.0.1:9000',
    'host_bucket = 127.0.0.1:9000',
    'use_https = False',
    'signature_v2 = True',
  ].join('\n');
  await run(
    page,
    `const zone = document.querySelector('.drop-zone');
     const data = new DataTransfer();
     data.items.add(new File([${JSON.stringify(s3cfg)}], '.s3cfg', { type: 'text/plain' }));
     for (const type of ['dragenter', 'dragover', 'drop']) {
       zone.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
     }`,
  );
  await waitForText(page, 'Profiles found: 1');
  expect(await bodyText(page)).toContain('AKIDDROPPED000000001');
  expect(await bodyText(page)).not.toContain('dropped/secret');
}

/**
 * Saving a profile for a new origin asks the browser for access from the Save click. Refused:
 * the profile is kept and the message says how to allow it later; allowed on the next Save.
 * `answer` presses the browser's own prompt while `during` runs.
 */
export async function hostPermissionScenario(
  page: TypingPage,
  answer: (choice: 'allow' | 'deny', during: () => Promise<void>) => Promise<void>,
) {
  await press(page, 'Add Eucalyptus profile');
  await fill(page, 'Profile name', 'Branch office');
  await fill(page, 'Host', '10.255.0.1');
  await fill(page, 'Access key ID', 'AKIDBRANCH0000000001');
  await fill(page, 'Secret access key', 'branch/secret/key/000000000000000000001');
  await answer('deny', () => press(page, 'Save'));
  await waitForText(
    page,
    'Profile “Branch office” saved, but the browser did not allow access to https://10.255.0.1/*.',
  );
  const listed = await run<boolean>(
    page,
    `return [...document.querySelectorAll('li')].some((li) => li.textContent.includes('Branch office') && li.textContent.includes('Edit'));`,
  );
  expect(listed, 'the refused profile is kept').toBe(true);
  const granted = await run<boolean>(
    page,
    `const api = globalThis.browser ?? globalThis.chrome;
     return api.permissions.contains({ origins: ['https://10.255.0.1/*'] });`,
  );
  expect(granted).toBe(false);

  const nth = await run<number>(
    page,
    `return [...document.querySelectorAll('button')].filter((b) => b.textContent.trim() === 'Edit')
       .findIndex((b) => b.closest('li').textContent.includes('Branch office'));`,
  );
  await press(page, 'Edit', nth);
  await answer('allow', () => press(page, 'Save'));
  await waitForText(page, 'Profile “Branch office” saved.');
  const grantedNow = await run<boolean>(
    page,
    `const api = globalThis.browser ?? globalThis.chrome;
     return api.permissions.contains({ origins: ['https://10.255.0.1/*'] });`,
  );
  expect(grantedNow).toBe(true);
}

/** Edits the current profile to sign with SigV2, as an older Eucalyptus cloud needs. */
export async function switchToSignatureV2(page: TypingPage) {
  await page.click('#tab-profiles');
  await press(page, 'Edit');
  await run(page, `const s = document.getElementById('profile-signatureVersion'); s.focus();`);
  await page.keyboard.press('ArrowDown');
  await waitFor(
    page,
    () => (document.getElementById('profile-signatureVersion') as HTMLSelectElement).value === '2',
    'v2',
  );
  await press(page, 'Save');
  await waitForText(page, 'saved.');
}

/**
 * The browser with Cirrus and its panel open on a Eucalyptus profile for the front door, signed
 * with the browser's own signature version (Chromium SigV4, Firefox SigV2): the set-up the EC2,
 * resources, S3 and popup families share. A failure on the way closes the browser.
 */
export async function panelOnFrontDoor(
  kind: BrowserKind,
  frontDoor: FrontDoor,
): Promise<{ browser: TestBrowser; page: ScenarioPage }> {
  const browser = await launchBrowser(kind);
  try {
    await browser.grantHostAccess('http://127.0.0.1/*');
    const page = await browser.open('panel.html');
    await addEucalyptusProfile(page, frontDoor);
    if (browser.capabilities.signatureVersion === 2) await switchToSignatureV2(page);
    return { browser, page };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
