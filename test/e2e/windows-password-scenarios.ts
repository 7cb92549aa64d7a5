// The Windows password scenario both browsers must pass: not ready yet, then a wrong key, an
// encrypted key, the right .pem picked from disk (the password shown, hidden, copied) and pasted;
// the key never lands in storage; a non-Windows instance gets a hint; a cloud without the action
// says so.
import { expect } from 'vitest';
import { ec2Call, runInstances } from '../../src/cloud/ec2';
import { connect } from '../integration/ec2/support';
import type { ScenarioPage, TestBrowser } from '../support/browser-adapter';
import {
  type PasswordMode,
  windowsPasswordFixture,
  windowsPasswordFixturePath,
} from '../support/windows-password';
import { MOTO_IMAGE } from './ec2-scenarios';
import { press, run, type TypingPage, waitForText } from './profiles-scenarios';
import { waitFor } from './shell-scenarios';

/** What the front door's GetPasswordData sends, encrypted with key-2048.pkcs8.pem's public key. */
export const WINDOWS_PASSWORD = 'Kp7&<b>vQ2</b>!パス';
export const WINDOWS_KEY = 'key-2048.pkcs8.pem';
const LINUX_IMAGE = 'ami-760aaa0f';

/** Launches straight at moto (the account the front door forwards to); returns the id. */
export async function launchAtMoto(motoPort: number, imageId: string): Promise<string> {
  const c = connect(motoPort);
  const { instances } = await ec2Call(runInstances, c.profile, c.signer, {
    imageId,
    keyName: 'windows-admin',
  });
  return instances[0]?.instanceId ?? '';
}

export const launchWindows = (motoPort: number) => launchAtMoto(motoPort, MOTO_IMAGE);
export const launchLinux = (motoPort: number) => launchAtMoto(motoPort, LINUX_IMAGE);

const probe = (body: string) => new Function(body) as () => boolean;

async function selectInstance(page: TypingPage, id: string) {
  await waitFor(page, probe(`return !!document.querySelector('tr[data-key="${id}"]');`), id);
  await page.click(`tr[data-key="${id}"] td`);
  await waitFor(
    page,
    probe(`return !!document.querySelector('tr[data-key="${id}"][aria-selected="true"]');`),
    `${id} selected`,
  );
}

/** The dialog's state, read from the page. */
function passwordField(page: TypingPage) {
  return run<{ type: string; value: string } | null>(
    page,
    `const i = document.getElementById('winpw-password');
     return i ? { type: i.type, value: i.value } : null;`,
  );
}

/** Drops a file with this text on the key field, as a drag from the file manager does. */
async function dropKeyText(page: TypingPage, name: string, text: string) {
  await run(
    page,
    `const data = new DataTransfer();
     data.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'application/x-pem-file' }));
     document.getElementById('winpw-key').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));`,
  );
}

/** Puts text in the key field as a paste does: the value changes and an input event fires. */
async function pasteKey(page: TypingPage, text: string) {
  await run(
    page,
    `const field = document.getElementById('winpw-key');
     field.focus();
     field.value = ${JSON.stringify(text)};
     field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));`,
  );
}

/** Everything Cirrus keeps in extension storage, as one string. */
function storedEverywhere(page: TypingPage): Promise<string> {
  return run<string>(
    page,
    `const api = globalThis.browser ?? globalThis.chrome;
     return Promise.all([api.storage.local.get(null), api.storage.session.get(null)])
       .then((all) => JSON.stringify(all));`,
  );
}

export async function windowsPasswordScenario(
  browser: TestBrowser,
  page: ScenarioPage,
  mode: { mode: PasswordMode; asked: number },
  ids: { windows: string; linux: string },
) {
  await page.click('#tab-instances');
  await selectInstance(page, ids.windows);

  // Not ready yet: said so, with a Retry that asks again.
  mode.mode = 'not-ready';
  await press(page, 'Windows password…');
  await waitForText(page, 'The password is not ready yet');
  await waitForText(page, 'Launched with key pair: windows-admin');
  const asked = mode.asked;
  mode.mode = 'ready';
  await press(page, 'Retry');
  await waitFor(page, probe(`return !!document.getElementById('winpw-key-file');`), 'key input');
  expect(mode.asked).toBe(asked + 1);

  // The wrong key, picked from disk: the message says so, nothing is shown.
  await browser.setFiles(page, '#winpw-key-file', [windowsPasswordFixturePath('wrong-2048.pem')]);
  await waitForText(page, "This private key does not belong to this instance's key pair.");
  expect(await passwordField(page)).toBeNull();

  // A key with a passphrase, dropped on the field: refused with the command that fixes it.
  await dropKeyText(page, 'locked.pem', windowsPasswordFixture('key-2048.encrypted-pkcs1.pem'));
  await waitForText(page, 'openssl rsa -in key.pem -out plain.pem');

  // The right key: the password, hidden until Show; markup in it stays text.
  await browser.setFiles(page, '#winpw-key-file', [windowsPasswordFixturePath(WINDOWS_KEY)]);
  await waitFor(
    page,
    probe(`return !!document.getElementById('winpw-password');`),
    'the decrypted password',
  );
  expect(await passwordField(page)).toEqual({ type: 'password', value: WINDOWS_PASSWORD });
  await press(page, 'Show');
  await waitFor(
    page,
    probe(`return document.getElementById('winpw-password')?.type === 'text';`),
    'the password shown',
  );
  expect(await passwordField(page)).toEqual({ type: 'text', value: WINDOWS_PASSWORD });
  expect(await run<boolean>(page, `return !!document.querySelector('dialog[open] b');`)).toBe(
    false,
  );
  await press(page, 'Hide');
  await waitFor(
    page,
    probe(`return document.getElementById('winpw-password')?.type === 'password';`),
    'the password hidden',
  );
  // Copy writes the clipboard, or (where the browser refuses) says to copy by hand.
  await press(page, 'Copy');
  await waitFor(
    page,
    probe(
      `const t = document.querySelector('dialog[open]')?.innerText ?? '';
       return t.includes('Copied') || t.includes('did not allow copying');`,
    ),
    'copied, or told to copy by hand',
  );

  // The key file's text and the password never reach storage; closing forgets both.
  const stored = await storedEverywhere(page);
  expect(stored).not.toContain('PRIVATE KEY');
  expect(stored).not.toContain('MIIE');
  expect(stored).not.toContain('vQ2');
  await press(page, 'Close');
  await waitFor(page, () => !document.querySelector('dialog[open]'), 'the dialog closed');
  await press(page, 'Windows password…');
  await waitFor(page, probe(`return !!document.getElementById('winpw-key');`), 'key input');
  expect(await passwordField(page)).toBeNull();
  expect(await run<string>(page, `return document.getElementById('winpw-key').value;`)).toBe('');
  // Pasted instead: the same key in its PKCS#1 form, with Windows line endings, then Decrypt.
  await pasteKey(page, windowsPasswordFixture('key-2048.pkcs1.pem').replace(/\n/g, '\r\n'));
  await press(page, 'Decrypt');
  await waitFor(page, probe(`return !!document.getElementById('winpw-password');`), 'password');
  expect(await passwordField(page)).toEqual({ type: 'password', value: WINDOWS_PASSWORD });
  await press(page, 'Close');

  // Not a Windows instance: allowed, with a hint.
  await selectInstance(page, ids.linux);
  await press(page, 'Windows password…');
  await waitForText(page, 'does not report itself as Windows');
  await press(page, 'Close');

  // A cloud without GetPasswordData: said in plain words, and the button stays off.
  mode.mode = 'unsupported';
  await press(page, 'Windows password…');
  await waitForText(page, 'This cloud does not offer Windows passwords (GetPasswordData).');
  await press(page, 'Close');
  await waitFor(
    page,
    probe(
      `const b = [...document.querySelectorAll('.toolbar button')].find((x) => x.textContent.trim() === 'Windows password…');
       return !!b && b.disabled;`,
    ),
    'the Windows password button disabled',
  );
  mode.mode = 'ready';
}
