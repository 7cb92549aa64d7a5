// A bucket's lifecycle and CORS rules made in its Settings view, on moto with an S3-compatible
// profile: a wrong entry is refused first and the draft stays as typed, then the AWS CLI reads
// back what the panel saved.
import { expect } from 'vitest';
import { awsCli } from './aws-cli';
import { fill, press, run, type TypingPage, waitForText } from './profiles-scenarios';
import { waitFor } from './shell-scenarios';

export const SETTINGS_BUCKET = 'settings-rules';

/** The value of the control labelled `label` in the open dialog. */
function fieldValue(page: TypingPage, label: string): Promise<string | null> {
  return run<string | null>(
    page,
    `const l = [...document.querySelectorAll('dialog[open] label')].find((x) => x.textContent.trim() === ${JSON.stringify(label)});
     return l && l.control ? l.control.value : null;`,
  );
}

export async function openBucketSettings(page: TypingPage, motoUrl: string) {
  awsCli(motoUrl, ['s3api', 'create-bucket', '--bucket', SETTINGS_BUCKET]);
  await page.click('#tab-s3');
  await press(page, `Settings of ${SETTINGS_BUCKET}`);
  await waitForText(page, `Settings of bucket ${SETTINGS_BUCKET}`);
  await waitForText(page, 'No lifecycle rules');
  await waitForText(page, 'No CORS rules');
}

export async function lifecycleRuleFromSettings(page: TypingPage, motoUrl: string) {
  await press(page, 'Add lifecycle rule…');
  await fill(page, 'Rule ID (optional)', 'logs-cleanup');
  await fill(page, 'Key prefix', 'logs/');
  await fill(page, 'Expire objects after (days)', '0');
  await press(page, 'Save rule');
  await waitForText(page, 'Enter a whole number of days, 1 or more.');
  // Refused before sending: the dialog is still open with everything typed.
  expect(await fieldValue(page, 'Key prefix')).toBe('logs/');
  expect(await fieldValue(page, 'Expire objects after (days)')).toBe('0');

  await fill(page, 'Expire objects after (days)', '30');
  await fill(page, 'Abort unfinished uploads after (days)', '2');
  await press(page, 'Save rule');
  await waitForText(
    page,
    'Objects under logs/ expire 30 days after creation; unfinished uploads are aborted after 2 days',
  );
  await waitFor(page, () => !document.querySelector('dialog[open]'), 'the editor closed');

  const got = awsCli(motoUrl, [
    's3api',
    'get-bucket-lifecycle-configuration',
    '--bucket',
    SETTINGS_BUCKET,
  ]) as { Rules: unknown[] };
  expect(got.Rules).toEqual([
    expect.objectContaining({
      ID: 'logs-cleanup',
      Status: 'Enabled',
      Filter: { Prefix: 'logs/' },
      Expiration: { Days: 30 },
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 2 },
    }),
  ]);
}

export async function corsRuleFromSettings(page: TypingPage, motoUrl: string) {
  await press(page, 'Add CORS rule…');
  await fill(page, 'Allowed origins', 'app.example.com');
  await page.click('#cors-method-PUT');
  await fill(page, 'Max age (seconds)', '600');
  await press(page, 'Save CORS rule');
  await waitForText(page, 'Each origin must be * or scheme://host[:port], with at most one *.');
  expect(await fieldValue(page, 'Max age (seconds)')).toBe('600');
  expect(
    await run<boolean>(page, `return document.querySelector('#cors-method-PUT').checked;`),
  ).toBe(true);

  await fill(page, 'Allowed origins', 'https://app.example.com');
  await press(page, 'Save CORS rule');
  await waitForText(page, 'GET, PUT from https://app.example.com; answers cached 600 s');
  await waitFor(page, () => !document.querySelector('dialog[open]'), 'the editor closed');

  const got = awsCli(motoUrl, ['s3api', 'get-bucket-cors', '--bucket', SETTINGS_BUCKET]) as {
    CORSRules: unknown[];
  };
  expect(got.CORSRules).toEqual([
    expect.objectContaining({
      AllowedOrigins: ['https://app.example.com'],
      AllowedMethods: ['GET', 'PUT'],
      MaxAgeSeconds: 600,
    }),
  ]);
}

/** Deletes both configurations with their confirms; the AWS CLI then finds neither. */
export async function deleteConfigurationsFromSettings(page: TypingPage, motoUrl: string) {
  await press(page, 'Delete lifecycle configuration');
  await waitForText(page, `Delete every lifecycle rule of ${SETTINGS_BUCKET}?`);
  await press(page, 'Delete lifecycle configuration');
  await waitForText(page, 'No lifecycle rules');
  await press(page, 'Delete CORS configuration');
  await waitForText(page, `Delete every CORS rule of ${SETTINGS_BUCKET}?`);
  await press(page, 'Delete CORS configuration');
  await waitForText(page, 'No CORS rules');
  const cli = (sub: string) => () => awsCli(motoUrl, ['s3api', sub, '--bucket', SETTINGS_BUCKET]);
  expect(cli('get-bucket-lifecycle-configuration')).toThrow(/NoSuchLifecycleConfiguration/);
  expect(cli('get-bucket-cors')).toThrow(/NoSuchCORSConfiguration/);
}
