// Eucalyptus password sign-in, as a person uses it: a profile that signs in with account, user and
// password (a preset fills the paths), a wrong password reported plainly, the list of instances
// signed with the session, and a short session that asks to be renewed over the open tab without
// losing its selection or search, then expires, says so plainly and works again after a new
// sign-in (Retry). The front door's Tokens service issues the sessions.
import { expect } from 'vitest';
import type { FrontDoor } from '../support/front-door';
import { bodyText, fill, press, run, type TypingPage, waitForText } from './profiles-scenarios';
import { waitFor } from './shell-scenarios';

export const LOGIN = {
  account: 'engineering',
  user: 'alice',
  password: 'correct horse: ばってりー',
};

/** A password profile on the front door, with the preset this browser's signature version needs. */
export async function addPasswordProfile(page: TypingPage, frontDoor: FrontDoor, preset: string) {
  await page.click('#tab-profiles');
  await press(page, 'Add Eucalyptus profile');
  await fill(page, 'Host', '127.0.0.1');
  await press(page, preset);
  await fill(page, 'Port', String(frontDoor.port));
  await page.click('#profile-https');
  await page.click('#profile-signIn-password');
  await fill(page, 'Account (name or id)', LOGIN.account);
  await fill(page, 'User name', LOGIN.user);
  // No key fields for a password profile, and the password is not asked here.
  const keyFields = await run<number>(
    page,
    `return document.querySelectorAll('#profile-accessKeyId, #profile-secretAccessKey').length;`,
  );
  expect(keyFields).toBe(0);
  await fill(page, 'Profile name', 'Login cloud');
  await press(page, 'Save');
  await waitForText(page, 'Profile “Login cloud” saved.');
  // Not signed in: the connection test says what to do, the header offers Sign in.
  await press(page, 'Test connection');
  await waitForText(page, 'sign in first');
  await waitForText(page, 'Not signed in');
}

async function signInWith(page: TypingPage, password: string) {
  await waitFor(page, () => !!document.querySelector('dialog[open] #sign-in-password'), 'dialog');
  await fill(page, 'Password', password);
  await press(page, 'Sign in');
}

/** Wrong password first (said plainly, the dialog stays), then the right one. */
export async function signInFromHeader(page: TypingPage) {
  await press(page, 'Sign in');
  await waitForText(page, 'Eucalyptus limits the account admin to 1 hour.');
  await signInWith(page, 'not the password');
  await waitForText(page, 'Eucalyptus refused the account, user name or password');
  expect(await run<boolean>(page, `return !!document.querySelector('dialog[open]');`)).toBe(true);
  await signInWith(page, LOGIN.password);
  await waitForText(page, `Signed in as ${LOGIN.user}@${LOGIN.account} until`);
  expect(await run<boolean>(page, `return !!document.querySelector('dialog[open]');`)).toBe(false);
  // Signed in, the connection test passes for both services.
  await press(page, 'Test connection');
  await waitForText(page, 'EC2: OK');
  await waitForText(page, 'S3: OK');
}

const selectedRow = (id: string) =>
  new Function(
    `return document.querySelector('tr[data-key="${id}"]')?.getAttribute('aria-selected') === 'true';`,
  ) as () => boolean;

/**
 * A short session (the front door grants `seconds`): the instances tab with a row selected and a
 * search typed; the renewal dialog comes over it and everything stays; after the end a refresh
 * says the session expired, and after signing in again Retry lists the instances.
 */
export async function shortSessionKeepsState(
  page: TypingPage,
  frontDoor: FrontDoor,
  instanceId: string,
  seconds: number,
) {
  frontDoor.setLoginLifetime(seconds);
  await press(page, 'Sign out');
  await waitForText(page, 'Not signed in');
  await press(page, 'Sign in');
  await signInWith(page, LOGIN.password);
  await waitForText(page, 'Signed in as');

  await page.click('#tab-instances');
  await waitFor(
    page,
    new Function(
      `return !!document.querySelector('tr[data-key="${instanceId}"]');`,
    ) as () => boolean,
    'the instance row',
    30_000,
  );
  await page.click(`tr[data-key="${instanceId}"] td`);
  await waitFor(page, selectedRow(instanceId), 'the row selected');
  await run(page, `document.querySelector('input.search').focus();`);
  await page.keyboard.type(instanceId.slice(0, 6));

  // A third of the session before its end: the banner and the dialog, over the open tab.
  await waitFor(
    page,
    () => !!document.querySelector('dialog[open] #sign-in-password'),
    'the renewal dialog',
    seconds * 1000,
  );
  await waitForText(page, 'sign in again to keep working');
  const kept = await run<{ tab: string | null; search: string; selected: boolean }>(
    page,
    `return {
       tab: document.querySelector('[role="tab"][aria-selected="true"]')?.id ?? null,
       search: document.querySelector('input.search').value,
       selected: document.querySelector('tr[data-key="${instanceId}"]')?.getAttribute('aria-selected') === 'true',
     };`,
  );
  expect(kept).toEqual({ tab: 'tab-instances', search: instanceId.slice(0, 6), selected: true });

  // Not now: the session ends, and the header says so.
  await press(page, 'Cancel');
  await waitForText(page, 'Your session expired: sign in again.', seconds * 1000);
  frontDoor.setLoginLifetime(undefined);
  await press(page, 'Refresh');
  await waitFor(page, () => !!document.querySelector('.sign-in-needed'), 'the expired message');
  const text = await bodyText(page);
  expect(text).not.toMatch(/Signature|ExpiredToken|SessionExpired/);

  // The failure opens the dialog by itself; once signed in, the failed list offers Retry.
  await signInWith(page, LOGIN.password);
  await press(page, 'Retry');
  await waitFor(
    page,
    new Function(
      `return !!document.querySelector('tr[data-key="${instanceId}"]') && !document.querySelector('.sign-in-needed');`,
    ) as () => boolean,
    'the list again',
    30_000,
  );
}

/** S3 with the session: a bucket created in the S3 tab is listed, then opened. */
export async function bucketWithSession(page: TypingPage, bucket: string) {
  await page.click('#tab-s3');
  await press(page, 'Create bucket…');
  await fill(page, 'Bucket name', bucket);
  await press(page, 'Create');
  await press(page, bucket);
  await waitForText(page, 'Drop files or folders here');
}
