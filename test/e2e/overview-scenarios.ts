// The Overview both browsers must pass: two profiles (the Eucalyptus-shaped front door, and moto
// itself in eu-west-1), their counts and running instances on one page, an unattached volume in
// the notice, and a click that opens the instance (or the volume) in its own tab with its profile
// and region current and the row selected.
import { expect } from 'vitest';
import { run } from './profiles-scenarios';
import { type DrivenPage, waitFor } from './shell-scenarios';

export const MOTO_PROFILE_NAME = 'Moto EU';

/** Saves a profile straight at moto (any region, by the SigV4 scope) through the page's channel. */
export async function addMotoProfile(page: DrivenPage, motoPort: number, region: string) {
  const profile = {
    id: '',
    kind: 'eucalyptus',
    name: MOTO_PROFILE_NAME,
    accessKeyId: 'AKIDOVERVIEWMOTO0001',
    host: '127.0.0.1',
    port: motoPort,
    https: false,
    ec2Path: '',
    s3Path: '',
    s3Host: '',
    region,
    signatureVersion: 4,
    apiVersion: '2016-11-15',
  };
  const reply = await run<{ ok: boolean; value?: { profile: { id: string } }; error?: unknown }>(
    page,
    `const api = globalThis.browser ?? globalThis.chrome;
     return api.runtime.sendMessage({ cirrus: 1, name: 'profileSave', args: ${JSON.stringify({
       profile,
       secret: { secretAccessKey: 'overview/moto/secret/0000000000000001' },
     })} });`,
  );
  expect(reply.error).toBeUndefined();
  return reply.value?.profile.id ?? '';
}

interface CountsRow {
  cells: string[];
}

function countsRows(page: DrivenPage): Promise<CountsRow[]> {
  return run<CountsRow[]>(
    page,
    `return [...document.querySelectorAll('.overview-counts tbody tr:not(.spacer)')].map((tr) => ({
       cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
     }));`,
  );
}

/** The profile the header's switcher shows as current. */
const currentProfile = (page: DrivenPage) =>
  run<string>(page, `return document.querySelector('.app-header select')?.value ?? '';`);

async function waitForSelected(page: DrivenPage, id: string) {
  await waitFor(
    page,
    new Function(
      `return document.querySelector('tr[data-key="${id}"]')?.getAttribute('aria-selected') === 'true';`,
    ) as () => boolean,
    `${id} selected`,
    30_000,
  );
}

/**
 * Both profiles' counts and running instances on the Overview; the instance of the second
 * profile opens in Instances with that profile current and the row selected.
 */
export async function overviewOpensInstance(
  page: DrivenPage,
  ids: {
    labInstance: string;
    euInstance: string;
    euProfileId: string;
  },
) {
  await page.click('#tab-overview');
  for (const id of [ids.labInstance, ids.euInstance]) {
    await waitFor(
      page,
      new Function(
        `return [...document.querySelectorAll('.overview-running button')].some((b) => b.textContent === ${JSON.stringify(id)});`,
      ) as () => boolean,
      `${id} among the running instances`,
      45_000,
    );
  }
  // Every row answered (the status says when, no "fetching…" left), then the counts are read.
  await waitFor(
    page,
    () =>
      /^Updated/.test(document.querySelector('.overview .toolbar .count')?.textContent ?? '') &&
      document.querySelectorAll('.overview-counts tbody tr:not(.spacer)').length >= 4 &&
      !(document.querySelector('.overview-counts')?.textContent ?? '').includes('fetching'),
    'every row answered',
    45_000,
  );
  const rows = await countsRows(page);
  const BUCKETS = 'All regions (S3)';
  const row = (profile: string, buckets: boolean) =>
    rows.find((r) => r.cells[0] === profile && (r.cells[1] === BUCKETS) === buckets)?.cells;
  // Profile, Region, Running, Stopped, Other, Volumes attached, available, EIPs assoc., not, ...
  // Each instance's root volume is attached; the lab cloud has one more, attached to nothing.
  expect(row('Lab cloud', false)?.slice(2, 7)).toEqual(['1', '0', '0', '1', '1']);
  expect(row(MOTO_PROFILE_NAME, false)?.slice(1, 7)).toEqual([
    'eu-west-1',
    '1',
    '0',
    '0',
    '1',
    '0',
  ]);
  // Buckets once per profile.
  expect(row('Lab cloud', true)?.[9]).toBe('0');
  expect(row(MOTO_PROFILE_NAME, true)?.[9]).toBe('0');
  // The unattached volume is in the notice.
  const notice = await run<string>(
    page,
    `return document.querySelector('.overview-idle')?.textContent ?? '';`,
  );
  expect(notice).toContain('1 volume is not attached: they are billed while unused.');

  await page.click(`.overview-running button[title$="${ids.euInstance} in Instances"]`);
  await waitFor(
    page,
    () => document.querySelector('[role="tab"][aria-selected="true"]')?.id === 'tab-instances',
    'the Instances tab',
  );
  await waitForSelected(page, ids.euInstance);
  expect(await currentProfile(page)).toBe(ids.euProfileId);
  // The front door's instance is not in this profile's list.
  expect(
    await run<boolean>(
      page,
      `return !!document.querySelector('tr[data-key="${ids.labInstance}"]');`,
    ),
  ).toBe(false);
}

/** The notice's volume opens in Volumes, back on the profile it belongs to, selected. */
export async function idleVolumeOpens(page: DrivenPage, volumeId: string, labProfileId: string) {
  await page.click('#tab-overview');
  await waitFor(
    page,
    new Function(
      `return [...document.querySelectorAll('.overview-idle button')].some((b) => b.textContent === ${JSON.stringify(volumeId)});`,
    ) as () => boolean,
    `${volumeId} in the notice`,
    30_000,
  );
  await run<void>(
    page,
    `[...document.querySelectorAll('.overview-idle button')].find((b) => b.textContent === ${JSON.stringify(volumeId)}).click();`,
  );
  await waitFor(
    page,
    () => document.querySelector('[role="tab"][aria-selected="true"]')?.id === 'tab-volumes',
    'the Volumes tab',
  );
  await waitForSelected(page, volumeId);
  expect(await currentProfile(page)).toBe(labProfileId);
}
