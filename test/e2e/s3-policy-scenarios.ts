// A bucket's Settings view on moto, driven by labels, typing and real clicks, and checked with the
// AWS CLI: a policy with a JSON mistake is refused with its line and column and the text stays;
// the fixed policy is saved; the bucket's tags are saved too.
import { expect } from 'vitest';
import { poll } from '../support/browser-adapter';
import { awsCli } from './aws-cli';
import { bodyText, fill, press, run, type TypingPage, waitForText } from './profiles-scenarios';

export const POLICY_BUCKET = 'policy-e2e';

/** Three lines; the third misses a comma before "Resource" (line 3, column 26). */
export function policyText(bucket: string, comma: boolean): string {
  return [
    '{"Version": "2012-10-17",',
    '"Statement": [{"Sid": "PublicRead", "Effect": "Allow", "Principal": "*",',
    `"Action": "s3:GetObject"${comma ? ',' : ''} "Resource": "arn:aws:s3:::${bucket}/public/*"}]}`,
  ].join('\n');
}

const policyValue = (page: TypingPage) =>
  run<string>(page, `return document.querySelector('textarea.policy-text')?.value ?? '';`);

export async function openSettings(page: TypingPage, bucket: string) {
  await page.click('#tab-s3');
  await press(page, `Settings of ${bucket}`);
  await waitForText(page, `Settings of bucket ${bucket}`);
  await waitForText(page, 'This bucket has no policy.');
}

export async function policyWithMistakeThenFixed(
  page: TypingPage,
  motoUrl: string,
  bucket: string,
) {
  const bad = policyText(bucket, false);
  await fill(page, 'Policy (JSON)', bad);
  await press(page, 'Save policy');
  await waitForText(page, 'JSON error at line 3, column 26: unexpected “"”.');
  // Nothing was sent, and the text is as typed.
  expect(await policyValue(page)).toBe(bad);

  await fill(page, 'Policy (JSON)', policyText(bucket, true));
  await press(page, 'Save policy');
  await waitForText(page, 'This bucket has a policy.');
  expect(await bodyText(page)).not.toContain('JSON error');
  // A grant to "*" is flagged.
  expect(
    await run<boolean>(
      page,
      `return [...document.querySelectorAll('.policy-section .badge')].some((b) => b.textContent === 'Public');`,
    ),
  ).toBe(true);
  const got = awsCli(motoUrl, ['s3api', 'get-bucket-policy', '--bucket', bucket]) as {
    Policy: string;
  };
  expect(JSON.parse(got.Policy)).toEqual(JSON.parse(policyText(bucket, true)));
}

export async function tagsSaved(page: TypingPage, motoUrl: string, bucket: string) {
  await press(page, 'Add tag');
  await fill(page, 'Key of tag 1', 'team');
  await fill(page, 'Value of tag 1', 'storage & ops');
  await press(page, 'Add tag');
  await fill(page, 'Key of tag 2', 'aws:owner');
  await press(page, 'Save tags');
  // Checked like every tag editor: aws: keys are refused before sending.
  await waitForText(page, 'Keys starting with aws: are reserved.');
  await fill(page, 'Key of tag 2', 'stage');
  await fill(page, 'Value of tag 2', '本番');
  await press(page, 'Save tags');
  type TagSet = { Key: string; Value: string }[];
  const tags = await poll(async () => {
    let answer: { TagSet: TagSet } | null;
    try {
      answer = awsCli(motoUrl, ['s3api', 'get-bucket-tagging', '--bucket', bucket]) as {
        TagSet: TagSet;
      };
    } catch {
      return null; // NoSuchTagSet until the save lands
    }
    return answer.TagSet.length === 2 ? answer.TagSet : null;
  }, 'the tags in the AWS CLI');
  expect([...tags].sort((a, b) => a.Key.localeCompare(b.Key))).toEqual([
    { Key: 'stage', Value: '本番' },
    { Key: 'team', Value: 'storage & ops' },
  ]);
}

/** What the front door answers in place of the store, per sub-resource and method. */
export type Refusal = { status: number; body: string } | undefined;

export const MALFORMED_POLICY: Refusal = {
  status: 400,
  body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>MalformedPolicy</Code><Message>Policy has invalid resource</Message></Error>',
};

export const NOT_IMPLEMENTED: Refusal = {
  status: 501,
  body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NotImplemented</Code><Message>A header you provided implies functionality that is not implemented</Message></Error>',
};

export async function createBucketInPanel(page: TypingPage, bucket: string) {
  await page.click('#tab-s3');
  await press(page, 'Create bucket…');
  await fill(page, 'Bucket name', bucket);
  await press(page, 'Create');
  await waitForText(page, `Settings of ${bucket}`);
}

/** The store refuses the policy: its words appear by the editor and the text stays. */
export async function refusedPolicyKept(page: TypingPage, bucket: string) {
  const text = policyText(bucket, true);
  await fill(page, 'Policy (JSON)', text);
  await press(page, 'Save policy');
  await waitForText(page, 'Policy has invalid resource');
  expect(await policyValue(page)).toBe(text);
  expect(await bodyText(page)).toContain('This bucket has no policy.');
}

/** A store without bucket policies: said in plain words, and the editor is read-only. */
export async function policyUnsupported(page: TypingPage) {
  await waitForText(page, 'This store does not support bucket policies; it is shown read-only.');
  const state = await run<{ readOnly: boolean; saveDisabled: boolean }>(
    page,
    `const area = document.querySelector('textarea.policy-text');
     const save = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Save policy');
     return { readOnly: area.readOnly, saveDisabled: save.disabled };`,
  );
  expect(state).toEqual({ readOnly: true, saveDisabled: true });
}

/** Deleting the policy asks first; then the CLI finds none. */
export async function policyDeleted(page: TypingPage, motoUrl: string, bucket: string) {
  await press(page, 'Delete policy');
  await waitForText(page, `Delete the policy of ${bucket}?`);
  await press(page, 'Delete policy'); // the dialog's own button
  await waitForText(page, 'This bucket has no policy.');
  expect(await policyValue(page)).toBe('');
  expect(() => awsCli(motoUrl, ['s3api', 'get-bucket-policy', '--bucket', bucket])).toThrow(
    /NoSuchBucketPolicy/,
  );
}

/** The website with a redirect rule: a JSON mistake is named with its place; fixed, it is saved. */
export async function websiteSaved(page: TypingPage, motoUrl: string, bucket: string) {
  const rules = 'Redirect rules (JSON, as in the AWS CLI; optional)';
  const rule = '[{"Redirect": {"HostName": "example.com"}';
  await fill(page, 'Index document', 'start.html');
  await fill(page, rules, rule);
  await press(page, 'Save website');
  await waitForText(page, 'JSON error at line 1, column 42: the text ends too early.');
  await fill(page, rules, `${rule}}]`);
  await press(page, 'Save website');
  await waitForText(page, "The website is on, but this store's website endpoint is not known.");
  const site = awsCli(motoUrl, ['s3api', 'get-bucket-website', '--bucket', bucket]) as {
    IndexDocument: { Suffix: string };
    RoutingRules: { Redirect: { HostName: string } }[];
  };
  expect(site.IndexDocument.Suffix).toBe('start.html');
  expect(site.RoutingRules).toEqual([{ Redirect: { HostName: 'example.com' } }]);
}
