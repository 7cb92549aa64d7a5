// The IAM tab on the front door (Eucalyptus-shaped, moto's IAM behind /services/Euare), driven by
// labels, typing and real clicks, and checked with the AWS CLI: a user and an access key made in
// the panel, the key saved as a profile that passes Test connection; an inline policy refused for
// a JSON mistake (line and column), fixed and saved.
import { expect } from 'vitest';
import { poll } from '../support/browser-adapter';
import { awsCli } from './aws-cli';
import { bodyText, fill, press, run, type TypingPage, waitForText } from './profiles-scenarios';
import { waitFor } from './shell-scenarios';

export const IAM_USER = 'e2e-iam-user';
export const KEY_PROFILE = 'IAM e2e key';

async function clickRow(page: TypingPage, key: string) {
  await waitFor(
    page,
    new Function(`return !!document.querySelector('tr[data-key="${key}"]');`) as () => boolean,
    `row ${key}`,
  );
  await page.click(`tr[data-key="${key}"] td`);
}

const text = (page: TypingPage, selector: string) =>
  run<string>(
    page,
    `return document.querySelector(${JSON.stringify(selector)})?.textContent ?? '';`,
  );

/**
 * Creates the user and a key; the secret is hidden until Show; the key is saved as a profile,
 * which then passes Test connection (EC2 and S3) through the front door with the new key.
 */
export async function userKeySavedAsProfile(page: TypingPage, motoUrl: string) {
  await page.click('#tab-iam');
  await waitForText(page, 'No users.');
  await press(page, 'Create user');
  await fill(page, 'User name', IAM_USER);
  await press(page, 'Create');
  await waitForText(page, `Created user ${IAM_USER}.`);
  await clickRow(page, IAM_USER);
  await waitForText(page, 'No access keys.');

  await press(page, 'Create access key');
  await waitForText(page, `New access key for ${IAM_USER}`);
  const keyId = (await text(page, 'dialog[open] .access-key-id')).trim();
  expect(keyId).not.toBe('');
  // Hidden until asked.
  expect(await text(page, 'dialog[open] .secret-key')).toMatch(/^•+$/);
  await press(page, 'Show');
  const secret = (await text(page, 'dialog[open] .secret-key')).trim();
  expect(secret).not.toMatch(/•/);
  expect(secret.length).toBeGreaterThan(20);

  await fill(page, 'Profile name', KEY_PROFILE);
  await press(page, 'Save as a profile');
  await waitForText(page, `Saved the key as profile ${KEY_PROFILE}.`);
  // The secret left the page with the dialog.
  expect(await bodyText(page)).not.toContain(secret);

  const user = awsCli(motoUrl, ['iam', 'get-user', '--user-name', IAM_USER]) as {
    User: { UserName: string };
  };
  expect(user.User.UserName).toBe(IAM_USER);
  const keys = awsCli(motoUrl, ['iam', 'list-access-keys', '--user-name', IAM_USER]) as {
    AccessKeyMetadata: Array<{ AccessKeyId: string; Status: string }>;
  };
  expect(keys.AccessKeyMetadata.map((k) => [k.AccessKeyId, k.Status])).toEqual([[keyId, 'Active']]);

  // The new profile signs with the new key, and the front door accepts it.
  await page.click('#tab-profiles');
  const row = `li.profile[aria-label=${JSON.stringify(KEY_PROFILE)}]`;
  await waitFor(
    page,
    new Function(`return !!document.querySelector(${JSON.stringify(row)});`) as () => boolean,
    'the saved profile',
  );
  expect(await text(page, `${row} .profile-head`)).toContain(keyId);
  await run(
    page,
    `[...document.querySelector(${JSON.stringify(row)}).querySelectorAll('button')]
       .find((b) => b.textContent.trim() === 'Test connection').setAttribute('data-e2e', 'test');`,
  );
  await page.click('[data-e2e="test"]');
  await poll(
    () =>
      run<boolean>(
        page,
        `return document.querySelectorAll(${JSON.stringify(`${row} .test-result.ok`)}).length === 2;`,
      ),
    'EC2 and S3 OK with the new key',
  );
  return keyId;
}

/** Three lines; the third misses a comma before "Resource" (line 3, column 26). */
export function inlinePolicy(comma: boolean): string {
  return [
    '{"Version": "2012-10-17",',
    '"Statement": [{"Sid": "ReadLogs", "Effect": "Allow",',
    `"Action": "s3:GetObject"${comma ? ',' : ''} "Resource": "arn:aws:s3:::logs/*"}]}`,
  ].join('\n');
}

/** The user's inline policy: a JSON mistake named by line and column and kept; fixed, saved. */
export async function inlinePolicyFixedAndSaved(page: TypingPage, motoUrl: string) {
  await page.click('#tab-iam');
  await clickRow(page, IAM_USER);
  await waitForText(page, 'No inline policies.');
  await press(page, 'Add inline policy');
  await fill(page, 'Policy name', 'read-logs');
  const bad = inlinePolicy(false);
  await fill(page, 'Policy document (JSON)', bad);
  await press(page, 'Save policy');
  await waitForText(page, 'JSON error at line 3, column 26: unexpected “"”.');
  expect(
    await run<string>(
      page,
      `return document.querySelector('dialog[open] textarea.policy-text').value;`,
    ),
  ).toBe(bad);

  await fill(page, 'Policy document (JSON)', inlinePolicy(true));
  await press(page, 'Save policy');
  await waitForText(page, `Saved policy read-logs of ${IAM_USER}.`);
  await waitFor(
    page,
    () => !!document.querySelector('.inline-policies li'),
    'the policy in the details',
  );
  const got = awsCli(motoUrl, [
    'iam',
    'get-user-policy',
    '--user-name',
    IAM_USER,
    '--policy-name',
    'read-logs',
  ]) as { PolicyDocument: unknown };
  expect(got.PolicyDocument).toEqual(JSON.parse(inlinePolicy(true)));
}
