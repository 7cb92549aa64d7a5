// Images from instances in the panel, written once for both browsers: Create image… from an
// EBS-backed instance (checked with the AWS CLI), and Bundle instance… of an instance-store one on
// a cloud that answers bundle tasks as Eucalyptus does, its upload policy signed by the background.
import { createHmac } from 'node:crypto';
import { expect } from 'vitest';
import type { FrontDoor } from '../support/front-door';
import {
  bodyText,
  CREDENTIALS,
  fill,
  press,
  run,
  type TypingPage,
  waitForText,
} from './profiles-scenarios';
import { waitFor } from './shell-scenarios';

async function clickRow(page: TypingPage, key: string) {
  await waitFor(
    page,
    new Function(`return !!document.querySelector('tr[data-key="${key}"]');`) as () => boolean,
    `row ${key}`,
  );
  await page.click(`tr[data-key="${key}"] td`);
}

/**
 * Rewrites DescribeInstances so the instances in `ids` are instance-store backed (moto's are all
 * EBS-backed), as an instance of a Eucalyptus instance-store image is.
 */
export function instanceStore(ids: ReadonlySet<string>) {
  return (action: string, body: string): string => {
    if (action !== 'DescribeInstances') return body;
    let out = body;
    for (const id of ids) {
      // moto writes rootDeviceType before instanceId; no other instance's fields in between.
      out = out.replace(
        new RegExp(
          `<rootDeviceType>ebs(</rootDeviceType>(?:(?!<rootDeviceType>)[\\s\\S])*?<instanceId>${id}</instanceId>)`,
        ),
        '<rootDeviceType>instance-store$1',
      );
    }
    return out;
  };
}

const NS = 'xmlns="http://ec2.amazonaws.com/doc/2013-02-01/"';

/** Bundle tasks as Eucalyptus answers them (moto has none); each look moves a task on. */
export function eucalyptusBundles() {
  const tasks = new Map<string, Record<string, string>>();
  const requests: Array<Map<string, string>> = [];
  const xml = (id: string) => {
    const task = tasks.get(id) ?? {};
    return `<instanceId>${task.instanceId}</instanceId><bundleId>${id}</bundleId><state>${task.state}</state><startTime>2026-03-04T05:10:11.431Z</startTime><updateTime>2026-03-04T05:11:11.431Z</updateTime><progress>${task.progress}</progress><storage><S3><bucket>${task.bucket}</bucket><prefix>${task.prefix}</prefix></S3></storage>`;
  };
  const answer = (action: string, params: Array<[string, string]>) => {
    const got = new Map(params);
    if (action === 'BundleInstance') {
      requests.push(got);
      const id = `bun-${(0x5f3a4b21 + tasks.size).toString(16).toUpperCase()}`;
      tasks.set(id, {
        instanceId: got.get('InstanceId') ?? '',
        state: 'pending',
        progress: '0%',
        bucket: got.get('Storage.S3.Bucket') ?? '',
        prefix: got.get('Storage.S3.Prefix') ?? '',
      });
      return {
        status: 200,
        body: `<?xml version="1.0"?><BundleInstanceResponse ${NS}><requestId>r</requestId><bundleInstanceTask>${xml(id)}</bundleInstanceTask></BundleInstanceResponse>`,
      };
    }
    if (action === 'DescribeBundleTasks') {
      for (const task of tasks.values()) {
        if (task.state === 'pending') Object.assign(task, { state: 'bundling', progress: '40%' });
        else if (task.state === 'bundling')
          Object.assign(task, { state: 'storing', progress: '80%' });
        else if (task.state === 'storing')
          Object.assign(task, { state: 'complete', progress: '100%' });
      }
      const items = [...tasks.keys()].map((id) => `<item>${xml(id)}</item>`).join('');
      return {
        status: 200,
        body: `<?xml version="1.0"?><DescribeBundleTasksResponse ${NS}><requestId>r</requestId><bundleInstanceTasksSet>${items}</bundleInstanceTasksSet></DescribeBundleTasksResponse>`,
      };
    }
    return undefined;
  };
  return { answer, requests };
}

/**
 * Instances: Create image… of an EBS-backed instance. A name AWS would refuse is said so before
 * anything is sent; then the image is made with the given name and description, and the notice
 * names it. Returns the new image id.
 */
export async function createImageFromInstance(
  page: TypingPage,
  frontDoor: FrontDoor,
  instanceId: string,
  name: string,
  description: string,
): Promise<string> {
  await page.click('#tab-instances');
  await press(page, 'Refresh');
  await clickRow(page, instanceId);
  await press(page, 'Create image…');
  await waitForText(page, `Create an image of ${instanceId}`);
  // The instance's root volume is listed with its size, editable.
  await waitFor(
    page,
    () => !!document.querySelector('dialog[open] .image-devices input[type="number"]'),
    'the block devices of the instance',
  );
  const creates = () => frontDoor.requests.filter((r) => r.action === 'CreateImage').length;
  const before = creates();
  await fill(page, 'Image name', 'no');
  await press(page, 'Create image');
  await waitFor(
    page,
    () => (document.getElementById('image-name-error')?.textContent ?? '').includes('3 to 128'),
    'the image name rule as the field error',
  );
  expect(creates()).toBe(before);

  await fill(page, 'Image name', name);
  await fill(page, 'Description', description);
  await page.click('label[for="image-no-reboot"]');
  await press(page, 'Create image');
  await waitForText(page, `(${name}) is being made from ${instanceId}`);
  expect(creates()).toBe(before + 1);
  const imageId = /Image (\S+) \(/.exec(await bodyText(page))?.[1] ?? '';
  expect(imageId).toMatch(/^ami-/);
  // The notice's button opens the Images tab with the new image selected.
  await press(page, 'Show in Images');
  await waitFor(
    page,
    new Function(
      `return document.querySelector('[role="tab"][aria-selected="true"]')?.id === 'tab-images' &&
        document.querySelector('tr[data-key="${imageId}"]')?.getAttribute('aria-selected') === 'true';`,
    ) as () => boolean,
    `the Images tab with ${imageId} selected`,
    30_000,
  );
  await page.click('#tab-instances');
  return imageId;
}

/**
 * Instances: Bundle instance… of an instance-store instance; the Images tab's Bundle tasks follow
 * it to complete by themselves, and Register image… opens with its manifest.
 */
export async function bundleInstanceScenario(
  page: TypingPage,
  bundles: ReturnType<typeof eucalyptusBundles>,
  instanceId: string,
) {
  await page.click('#tab-instances');
  // Launched behind the panel's back: a Refresh shows it.
  await press(page, 'Refresh');
  await clickRow(page, instanceId);
  await press(page, 'Bundle instance…');
  await fill(page, 'Bucket', 'Not A Bucket');
  await fill(page, 'File name prefix', 'web');
  await press(page, 'Bundle');
  await waitForText(page, 'A bucket name has 3 to 63');
  expect(bundles.requests).toHaveLength(0);
  await fill(page, 'Bucket', 'bundles');
  await press(page, 'Bundle');
  await waitForText(page, `started for ${instanceId} into bundles/web`);

  // The policy and its signature came from the background, made with the profile's secret.
  const sent = bundles.requests[0];
  const policy = sent?.get('Storage.S3.UploadPolicy') ?? '';
  expect(sent?.get('Storage.S3.AWSAccessKeyId')).toBe(CREDENTIALS.accessKeyId);
  expect(sent?.get('Storage.S3.UploadPolicySignature')).toBe(
    createHmac('sha1', CREDENTIALS.secretAccessKey).update(policy).digest('base64'),
  );
  expect(JSON.parse(Buffer.from(policy, 'base64').toString('utf8')).conditions).toEqual([
    { bucket: 'bundles' },
    { acl: 'ec2-bundle-read' },
    ['starts-with', '$key', 'web'],
  ]);
  const text = await bodyText(page);
  expect(text).not.toContain(CREDENTIALS.secretAccessKey);

  await page.click('#tab-images');
  await press(page, 'Bundle tasks');
  const bundleId = `bun-5F3A4B21`;
  await waitFor(
    page,
    new Function(
      `const row = document.querySelector('tr[data-key="${bundleId}"]');
       return !!row && row.querySelector('.state')?.textContent === 'complete';`,
    ) as () => boolean,
    'the bundle task complete without a Refresh',
    60_000,
  );
  await waitForText(page, '100%');
  await clickRow(page, bundleId);
  await press(page, 'Register image…');
  const location = await run<string>(
    page,
    `return document.getElementById('register-location').value;`,
  );
  expect(location).toBe('bundles/web.manifest.xml');
  await press(page, 'Cancel');
}

/**
 * Volumes › Snapshots: Volume permissions… refuses an account id that is not 12 digits, adds one
 * that is; then, on a cloud that answers InvalidAction, says in plain words that it does not
 * support sharing snapshots and keeps the button disabled.
 */
export async function snapshotSharingScenario(
  page: TypingPage,
  snapshotId: string,
  refuseSharing: () => void,
) {
  await page.click('#tab-volumes');
  await waitFor(
    page,
    () => !!document.querySelector('.resource-panel select'),
    'the volumes view switcher',
  );
  await run(
    page,
    `const s = document.querySelector('.resource-panel select');
     s.value = 'snapshots';
     s.dispatchEvent(new Event('change', { bubbles: true }));`,
  );
  await clickRow(page, snapshotId);
  await press(page, 'Volume permissions…');
  await waitForText(page, 'No other account.');
  await fill(page, 'Add account IDs (12 digits, separated by spaces or commas)', '1234');
  await press(page, 'Add');
  await waitForText(page, 'An account ID is 12 digits.');
  await fill(page, 'Add account IDs (12 digits, separated by spaces or commas)', '111122223333');
  await press(page, 'Add');
  await waitForText(page, 'Remove 111122223333');
  await press(page, 'Close');

  refuseSharing();
  await press(page, 'Volume permissions…');
  await waitForText(page, 'This cloud does not support sharing snapshots.');
  await press(page, 'Close');
  const disabled = await run<boolean>(
    page,
    `return [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Volume permissions…')?.disabled ?? false;`,
  );
  expect(disabled).toBe(true);
}
