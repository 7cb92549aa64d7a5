// Switching to a role in each browser, on the front door (Eucalyptus-shaped, moto's STS behind
// it): the profile form takes an MFA device and a role, the header switches with an MFA code, the
// open S3 tab reloads as the role (the front door's log shows the role's key), and Back returns.

import { expect } from 'vitest';
import type { FrontDoor, FrontDoorRequestLog } from '../support/front-door';
import { awsCli } from './aws-cli';
import { CREDENTIALS, fill, press, run, type TypingPage, waitForText } from './profiles-scenarios';
import { chooseOption, openTab, probe } from './resources-scenarios';
import { waitFor } from './shell-scenarios';

export const ROLE_NAME = 'Deployer';
export const ROLE_ARN = `arn:aws:iam::123456789012:role/${ROLE_NAME}`;
export const MFA_DEVICE = 'arn:aws:iam::123456789012:mfa/e2e';
export const ROLE_BUCKET = 'roles-e2e-bucket';

/** The role and a bucket, made in moto with the AWS CLI. */
export function makeRoleAndBucket(motoUrl: string) {
  const trust = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 'sts:AssumeRole' }],
  };
  awsCli(motoUrl, [
    'iam',
    'create-role',
    '--role-name',
    ROLE_NAME,
    '--assume-role-policy-document',
    JSON.stringify(trust),
  ]);
  awsCli(motoUrl, ['s3api', 'create-bucket', '--bucket', ROLE_BUCKET]);
}

/** The profile form: an MFA device and one role; a wrong ARN is refused by its field first. */
export async function addRoleToProfile(page: TypingPage) {
  await page.click('#tab-profiles');
  await press(page, 'Edit');
  await fill(page, 'MFA device (serial or ARN)', MFA_DEVICE);
  await press(page, 'Add role');
  await fill(page, 'Role ARN', ROLE_NAME);
  await press(page, 'Save');
  await waitForText(page, 'Not a role ARN');
  await fill(page, 'Role ARN', ROLE_ARN);
  await fill(page, 'Label', 'Deploy (prod)');
  await chooseOption(page, 'Colour', 'green');
  await press(page, 'Save');
  await waitForText(page, 'Profile “Lab cloud” saved.');
}

/** While `state.deny`, the front door answers DescribeInstances as AWS does under an MFA-only policy. */
export function denyWithoutMfa(state: { deny: boolean }) {
  return (action: string) =>
    state.deny && action === 'DescribeInstances'
      ? {
          status: 403,
          body:
            '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>UnauthorizedOperation</Code>' +
            '<Message>You are not authorized to perform this operation.</Message></Error></Errors>' +
            '<RequestID>e2e-mfa</RequestID></Response>',
        }
      : undefined;
}

/** A denial in a tab offers "Start MFA session", which opens the header's dialog. */
export async function mfaOfferScenario(page: TypingPage, state: { deny: boolean }) {
  state.deny = true;
  try {
    await openTab(page, 'instances');
    await waitForText(page, 'AWS may want an MFA session for this.');
    // The header's button comes first; the second is the one under the refusal.
    await press(page, 'Start MFA session', 1);
    await waitForText(page, 'Start an MFA session');
    await press(page, 'Cancel');
    await waitFor(page, probe(`return !document.querySelector('dialog[open]');`), 'closed');
  } finally {
    state.deny = false;
  }
}

const s3From = (door: FrontDoor, from: number): FrontDoorRequestLog[] =>
  door.requests.slice(from).filter((r) => r.service === 's3' && r.ok);

/**
 * Switches with an MFA code while the S3 tab is open: the tab lists again, signed with the role's
 * keys; the header shows the role in its colour; Back to the profile signs with its own keys.
 */
export async function switchRoleScenario(
  page: TypingPage,
  door: FrontDoor,
  motoUrl: string,
  sigVersion: 2 | 4,
) {
  await openTab(page, 's3');
  await waitForText(page, ROLE_BUCKET);
  const before = door.requests.length;

  await chooseOption(page, 'Role', ROLE_ARN);
  await waitForText(page, 'Switch to Deploy (prod)');
  await fill(page, 'MFA code', '12345');
  await press(page, 'Continue');
  await waitForText(page, 'six digits');
  await fill(page, 'MFA code', '123456');
  await press(page, 'Continue');
  await waitFor(
    page,
    probe(
      `const b = document.getElementById('role-badge');
       return !!b && b.textContent.includes('Deploy (prod)') && /\\d+ min left/.test(b.textContent) &&
         b.classList.contains('role-color-green') && !document.querySelector('dialog[open]');`,
    ),
    'the role in the header',
  );

  // Without an MFA session, AssumeRole went out with the profile's keys and the device's code.
  const assume = door.requests.slice(before).find((r) => r.action === 'AssumeRole');
  expect(assume).toMatchObject({
    service: 'sts',
    ok: true,
    status: 200,
    accessKeyId: CREDENTIALS.accessKeyId,
    sigVersion,
  });
  // The open tab listed again by itself, signed with the role's (learned) key and its token.
  await expect
    .poll(() => s3From(door, before).map((r) => r.accessKeyId), { timeout: 30_000 })
    .toContainEqual(expect.stringMatching(/^ASIA/));
  await waitForText(page, ROLE_BUCKET);
  const roleKeys = new Set(s3From(door, before).map((r) => r.accessKeyId));
  expect([...roleKeys].every((k) => k?.startsWith('ASIA'))).toBe(true);
  expect(door.requests.slice(before).filter((r) => !r.ok)).toEqual([]);

  // The page never holds the role's secret: the header's data is label, expiry, ARN and colour.
  const shown = await run<string>(
    page,
    `const api = globalThis.browser ?? globalThis.chrome;
     return api.runtime.sendMessage({ cirrus: 1, name: 'profilesList', args: {} })
       .then((v) => api.runtime.sendMessage({ cirrus: 1, name: 'stsSessions', args: { profileId: v.value.currentId } }))
       .then((r) => JSON.stringify(r.value));`,
  );
  expect(JSON.parse(shown)).toMatchObject({
    base: null,
    role: { roleArn: ROLE_ARN, source: 'role' },
  });
  expect(shown).not.toMatch(/secret|sessionToken|ASIA/i);

  // Back to the profile: the tab lists again with the profile's own key.
  const back = door.requests.length;
  await press(page, 'Back to Lab cloud');
  await waitFor(page, probe(`return !document.getElementById('role-badge');`), 'no role');
  await expect
    .poll(() => s3From(door, back).map((r) => r.accessKeyId), { timeout: 30_000 })
    .toContain(CREDENTIALS.accessKeyId);

  // An MFA session from the header: GetSessionToken with the profile's keys, 12 hours by default.
  const mfaFrom = door.requests.length;
  await press(page, 'Start MFA session');
  await waitForText(page, 'Start an MFA session');
  expect(await run<string>(page, `return document.getElementById('mfa-duration').value;`)).toBe(
    '43200',
  );
  await chooseOption(page, 'Session length', '3600');
  await fill(page, 'MFA code', '654321');
  await press(page, 'Continue');
  await waitFor(
    page,
    probe(
      `return /MFA: (1 h 00|59) min left/.test(document.getElementById('mfa-badge')?.textContent ?? '');`,
    ),
    'the MFA session in the header',
  );
  expect(door.requests.slice(mfaFrom).find((r) => r.action === 'GetSessionToken')).toMatchObject({
    ok: true,
    accessKeyId: CREDENTIALS.accessKeyId,
  });
  await press(page, 'End');
  await waitFor(page, probe(`return !document.getElementById('mfa-badge');`), 'no MFA session');

  // What the CLI sees in the same cloud: the role exists, and the listing matches.
  const role = awsCli(motoUrl, ['iam', 'get-role', '--role-name', ROLE_NAME]) as {
    Role: { Arn: string };
  };
  expect(role.Role.Arn).toBe(ROLE_ARN);
  const buckets = awsCli(motoUrl, ['s3api', 'list-buckets']) as {
    Buckets: Array<{ Name: string }>;
  };
  const listed = await run<string[]>(
    page,
    `return [...document.querySelectorAll('[role="tabpanel"] button')].map((b) => b.textContent.trim());`,
  );
  for (const { Name } of buckets.Buckets) expect(listed).toContain(Name);
}
