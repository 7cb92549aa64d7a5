// The toolbar popup, written once for both browsers: it lists a running instance with its name,
// state and address, its Copy SSH gives the command, and "Open Cirrus" opens the full panel.
import { expect } from 'vitest';
import {
  describeInstances,
  ec2Call,
  ec2List,
  type Instance,
  runInstances,
  sshCommand,
} from '../../src/cloud/ec2';
import { createLocalSigner } from '../../src/cloud/local-signer';
import { EUCALYPTUS_DEFAULTS, type EucalyptusProfile } from '../../src/cloud/profile';
import { poll, type TestBrowser } from '../support/browser-adapter';
import type { FrontDoor } from '../support/front-door';
import { MOTO_IMAGE } from './ec2-scenarios';
import { CREDENTIALS, fill, press, run, waitForText } from './profiles-scenarios';
import { waitFor } from './shell-scenarios';

/** An instance launched behind the panel's back, as the profile the panel uses sees it. */
export async function runNamedInstance(frontDoor: FrontDoor, name: string): Promise<Instance> {
  const profile: EucalyptusProfile = {
    id: 'seed',
    kind: 'eucalyptus',
    name: 'seed',
    accessKeyId: CREDENTIALS.accessKeyId,
    host: '127.0.0.1',
    port: frontDoor.port,
    https: false,
    ec2Path: EUCALYPTUS_DEFAULTS.legacyEc2Path,
    s3Path: EUCALYPTUS_DEFAULTS.legacyS3Path,
    s3Host: '',
    region: EUCALYPTUS_DEFAULTS.region,
    signatureVersion: 4,
    apiVersion: EUCALYPTUS_DEFAULTS.apiVersion,
  };
  const signer = createLocalSigner(profile, CREDENTIALS);
  const reservation = await ec2Call(runInstances, profile, signer, {
    imageId: MOTO_IMAGE,
    keyName: 'ops',
    tags: [{ key: 'Name', value: name }],
  });
  const id = reservation.instances[0]?.instanceId ?? '';
  const [instance] = await ec2List(describeInstances, profile, signer, { instanceIds: [id] });
  if (!instance) throw new Error(`${id} is not listed`);
  return instance;
}

export async function popupScenario(browser: TestBrowser, instance: Instance, name: string) {
  const popup = await browser.open('popup.html');
  const row = `[data-instance="${instance.instanceId}"]`;
  await waitFor(
    popup,
    new Function(`return !!document.querySelector(${JSON.stringify(row)});`) as () => boolean,
    'the instance in the popup',
  );
  const text = await run<string>(popup, `return document.querySelector('${row}').innerText;`);
  expect(text).toContain(name);
  expect(text).toContain(instance.instanceId);
  expect(text).toContain('running');
  expect(instance.ipAddress).not.toBe('');
  expect(text).toContain(instance.ipAddress);
  expect(text).toContain('Copy SSH');

  // The command the instances panel would copy: same builder, key and host.
  const ssh = sshCommand(instance) ?? '';
  expect(ssh).toMatch(/^ssh -i ops\.pem ec2-user@\S+$/);
  await popup.click(`${row} button`);
  // Copied, or shown to copy by hand where a headless browser keeps the clipboard from the page.
  await waitForText(popup, ssh);

  // Everything else is in the full panel, one click away.
  const panels = async () => (await browser.pagesAt('panel.html')).length;
  expect(await panels()).toBe(0);
  await press(popup, 'Open Cirrus');
  await poll(async () => (await panels()) > 0, 'the panel opened in a tab');
  // The popup closes itself once the background has answered: the panel is then open or forward.
  await poll(() => browser.isClosed(popup), 'the popup closed');
  expect(await panels()).toBe(1);

  // Again: the open panel comes forward rather than a second one.
  const again = await browser.open('popup.html');
  await waitForText(again, 'Open Cirrus');
  await press(again, 'Open Cirrus');
  await poll(() => browser.isClosed(again), 'the second popup closed');
  expect(await panels()).toBe(1);
}

/** Bootstrap secrets, as a preset's user data often holds them. */
export const PRESET_SECRET = 'export DB_PASSWORD=sealed-e2e-secret-0001';

/**
 * With a passphrase set, a preset's user data is kept sealed (the dialog says so, storage holds
 * no trace of it), and the popup's quick launch still sends it: the background opens it for the
 * launch. `launched` gives the UserData parameters RunInstances arrived with.
 */
export async function sealedPresetScenario(browser: TestBrowser, launched: () => string[]) {
  const page = await browser.open('panel.html');
  await page.click('#tab-profiles');
  await fill(page, 'Passphrase', 'a long passphrase');
  await press(page, 'Set passphrase');
  await waitForText(page, 'Unlocked: secret keys are encrypted');

  await page.click('#tab-instances');
  await press(page, 'Launch…');
  await fill(page, 'Image ID', MOTO_IMAGE);
  await fill(page, 'User data', PRESET_SECRET);
  await fill(page, 'Preset name', 'sealed preset');
  await waitForText(page, 'user data is kept sealed with your passphrase');
  await press(page, 'Save as preset');
  await waitForText(page, 'Preset “sealed preset” saved');
  await press(page, 'Cancel');
  const kept = await run<string>(
    page,
    `const api = globalThis.browser ?? globalThis.chrome;
     return api.storage.local.get(null).then((all) => JSON.stringify(all));`,
  );
  expect(kept).toContain('sealedUserData');
  expect(kept).not.toContain('sealed-e2e-secret');
  await page.close();

  const before = launched().length;
  const popup = await browser.open('popup.html');
  await press(popup, 'Launch “sealed preset”');
  await waitForText(popup, 'You will get a notification when it runs');
  await poll(async () => launched().length > before, 'RunInstances from the quick launch');
  const userData = launched().at(-1) ?? '';
  expect(new TextDecoder().decode(Uint8Array.from(atob(userData), (c) => c.charCodeAt(0)))).toBe(
    PRESET_SECRET,
  );
  await popup.close();
}
