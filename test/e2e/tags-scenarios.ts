// Tags from the resource panels, in both browsers: a volume tagged in its panel (a refused key
// keeps what was typed; a value with markup shows as text), two security groups tagged at once,
// each found again with tag:KEY=VALUE in the search box, and the AWS CLI's describe-tags agreeing.
import { expect } from 'vitest';
import { createSecurityGroup, createVolume, ec2Call } from '../../src/cloud/ec2';
import { connect } from '../integration/ec2/support';
import type { FrontDoor } from '../support/front-door';
import { XSS_TAG } from './ec2-scenarios';
import { fill, press, run, type TypingPage, waitForText } from './profiles-scenarios';
import { cell, clickRow, opens, openTab, waitForCell, ZONE } from './resources-scenarios';
import { waitFor } from './shell-scenarios';

/** What the panels will tag, made straight at moto (the same account the panel sees). */
export async function makeTagTargets(motoPort: number) {
  const c = connect(motoPort);
  const volume = async (name: string) =>
    (
      await ec2Call(createVolume, c.profile, c.signer, {
        availabilityZone: ZONE,
        size: 1,
        tags: [{ key: 'Name', value: name }],
      })
    ).volumeId;
  const group = (name: string) =>
    ec2Call(createSecurityGroup, c.profile, c.signer, { groupName: name, description: name });
  return {
    volumeId: await volume('e2e tag me'),
    otherVolumeId: await volume('e2e leave me'),
    groupIds: [await group('e2e-tags-a'), await group('e2e-tags-b')],
  };
}

const count = (frontDoor: FrontDoor, action: string) =>
  frontDoor.requests.filter((r) => r.action === action).length;

/** The keys of the rows the table shows, sorted. */
function shownKeys(page: TypingPage): Promise<string[]> {
  return run<string[]>(
    page,
    `return [...document.querySelectorAll('tr[data-key]')].map((r) => r.getAttribute('data-key')).sort();`,
  );
}

/** Types into the list's search box and waits until exactly `keys` are shown. */
async function searchShows(page: TypingPage, query: string, keys: string[]) {
  await fill(page, 'Search', query);
  const want = JSON.stringify([...keys].sort());
  await waitFor(
    page,
    new Function(
      `return JSON.stringify([...document.querySelectorAll('tr[data-key]')].map((r) => r.getAttribute('data-key')).sort()) === ${JSON.stringify(want)};`,
    ) as () => boolean,
    `the search ${query} to show ${want}`,
  ).catch(async (e: Error) => {
    throw new Error(`${e.message}; shown: ${JSON.stringify(await shownKeys(page))}`);
  });
}

function inputValue(page: TypingPage, label: string): Promise<string> {
  return run<string>(
    page,
    `return document.querySelector('dialog[open] [aria-label=${JSON.stringify(label)}]')?.value ?? '';`,
  );
}

/**
 * One volume: its Name tag given markup, an `aws:` key refused before anything is sent (the rows
 * stay as typed), then a tag with spaces; found by tag:"Cost Center"="blue team".
 */
export async function tagVolumeScenario(
  page: TypingPage,
  frontDoor: FrontDoor,
  made: { volumeId: string; otherVolumeId: string },
) {
  const { volumeId, otherVolumeId } = made;
  await openTab(page, 'volumes');
  await waitForCell(page, volumeId, 'Name', 'e2e tag me');
  await clickRow(page, volumeId);
  await opens(page, 'Tags…');
  await waitForText(page, `Tags of ${volumeId}`);
  expect(await inputValue(page, 'Key of tag 1')).toBe('Name');
  await fill(page, 'Value of tag 1', XSS_TAG);
  await press(page, 'Add tag');
  await fill(page, 'Key of tag 2', 'aws:owner');
  await fill(page, 'Value of tag 2', 'Blue Team');
  const creates = count(frontDoor, 'CreateTags');
  await press(page, 'Save');
  await waitForText(page, 'Keys starting with aws: are reserved for AWS.');
  expect(count(frontDoor, 'CreateTags')).toBe(creates);
  expect(await inputValue(page, 'Key of tag 2')).toBe('aws:owner');
  expect(await inputValue(page, 'Value of tag 1')).toBe(XSS_TAG);

  await fill(page, 'Key of tag 2', 'Cost Center');
  await press(page, 'Save');
  await waitForText(page, `Tags saved: ${volumeId}.`);
  expect(count(frontDoor, 'CreateTags')).toBe(creates + 1);
  await waitForCell(page, volumeId, 'Name', XSS_TAG);
  const injected = await run<boolean>(page, `return !!document.querySelector('img[src="x"]');`);
  expect(injected, 'a tag value is shown as text, never as markup').toBe(false);

  await searchShows(page, 'tag:"Cost Center"="blue team"', [volumeId]);
  await searchShows(page, 'tag:name', [volumeId, otherVolumeId]);
  // A word finds a tag's value too, and an unfinished tag: term searches as a word.
  await searchShows(page, 'leave', [otherVolumeId]);
  await searchShows(page, 'tag:"Cost', []);
  await fill(page, 'Search', '');
}

/** Two groups chosen together: one tag goes on both in one call; tag:env=prod finds just them. */
export async function tagGroupsScenario(
  page: TypingPage,
  frontDoor: FrontDoor,
  groupIds: string[],
) {
  const [a, b] = groupIds as [string, string];
  await openTab(page, 'security-groups');
  await searchShows(page, 'e2e-tags', [a, b]);
  await clickRow(page, a);
  // Ctrl-click adds the second group to the choice, as a person would.
  await run(
    page,
    `document.querySelector('tr[data-key="${b}"] td').dispatchEvent(new MouseEvent('click', { bubbles: true, ctrlKey: true }));`,
  );
  await waitFor(
    page,
    () => document.querySelectorAll('tr[aria-selected="true"]').length === 2,
    'two groups chosen',
  );
  await opens(page, 'Tags…');
  await waitForText(page, 'Tags of 2 resources');
  await press(page, 'Add tag');
  await fill(page, 'Key of tag 1', 'Env');
  await fill(page, 'Value of tag 1', 'prod');
  await press(page, 'Add tag');
  await fill(page, 'Key of tag 2', 'Name');
  await fill(page, 'Value of tag 2', 'web tier');
  const creates = count(frontDoor, 'CreateTags');
  await press(page, 'Save');
  await waitForText(page, `Tags saved: e2e-tags-a (${a}), e2e-tags-b (${b}).`);
  expect(count(frontDoor, 'CreateTags')).toBe(creates + 1);

  await searchShows(page, 'tag:ENV=Prod', [a, b]);
  await waitForCell(page, a, 'Name tag', 'web tier');
  expect(await cell(page, b, 'Name tag')).toBe('web tier');
  await searchShows(page, 'tag:Env=prod e2e-tags-b', [b]);
  await fill(page, 'Search', '');
}

interface CliTags {
  Tags: Array<{ Key: string; Value: string; ResourceId: string; ResourceType: string }>;
}

/** The AWS CLI, asked the same moto, reports the tags the panels set. */
export function cliSeesTags(
  cli: (args: string[]) => unknown,
  made: { volumeId: string; groupIds: string[] },
) {
  const of = (id: string) =>
    (
      cli(['ec2', 'describe-tags', '--filters', `Name=resource-id,Values=${id}`]) as CliTags
    ).Tags.map((t) => [t.ResourceType, t.Key, t.Value])
      .sort()
      .map((row) => row.join('='));
  expect(of(made.volumeId)).toEqual(['volume=Cost Center=Blue Team', `volume=Name=${XSS_TAG}`]);
  for (const id of made.groupIds)
    expect(of(id)).toEqual(['security-group=Env=prod', 'security-group=Name=web tier']);
}
