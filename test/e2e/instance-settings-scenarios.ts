// Instance settings both browsers must pass, checked afterwards with the AWS CLI: force stop and
// change the type, termination protection blocking Terminate with a plain message (and a setting
// this Eucalyptus-shaped cloud refuses), user data edited on a stopped instance, and binary user
// data offered as a download.
import { expect } from 'vitest';
import { ec2Call, runInstances } from '../../src/cloud/ec2';
import { connect } from '../integration/ec2/support';
import { MOTO_IMAGE } from './ec2-scenarios';
import { fill, press, run, type TypingPage, waitForText } from './profiles-scenarios';
import { waitFor } from './shell-scenarios';

export type Cli = (args: string[]) => unknown;

interface CliInstance {
  InstanceId: string;
  InstanceType: string;
  State: { Name: string };
}

/** An instance launched straight at moto (same account as the panel's cloud). */
export async function launchNamed(motoPort: number, name: string, userData?: Uint8Array) {
  const c = connect(motoPort);
  let encoded: string | undefined;
  if (userData) encoded = btoa(String.fromCharCode(...userData));
  const { instances } = await ec2Call(runInstances, c.profile, c.signer, {
    imageId: MOTO_IMAGE,
    instanceType: 't2.micro',
    tags: [{ key: 'Name', value: name }],
    ...(encoded ? { userData: encoded } : {}),
  });
  return instances[0]?.instanceId ?? '';
}

function cliInstance(cli: Cli, id: string): CliInstance | undefined {
  const out = cli(['ec2', 'describe-instances', '--instance-ids', id]) as {
    Reservations: Array<{ Instances: CliInstance[] }>;
  };
  return out.Reservations[0]?.Instances[0];
}

async function selectOnly(page: TypingPage, id: string) {
  await page.click('#tab-instances');
  await waitFor(
    page,
    new Function(`return !!document.querySelector('tr[data-key="${id}"]');`) as () => boolean,
    `row ${id}`,
    30_000,
  );
  await page.click(`tr[data-key="${id}"] td`);
  await waitFor(
    page,
    new Function(
      `return document.querySelector('tr[data-key="${id}"]')?.getAttribute('aria-selected') === 'true';`,
    ) as () => boolean,
    `row ${id} selected`,
  );
}

async function waitForState(page: TypingPage, id: string, state: string) {
  await waitFor(
    page,
    new Function(
      `return document.querySelector('tr[data-key="${id}"] .state')?.textContent === ${JSON.stringify(state)};`,
    ) as () => boolean,
    `${id} ${state}`,
    60_000,
  );
}

/** The settings dialog open and loaded (its form is shown once every attribute was read). */
async function openSettings(page: TypingPage) {
  await press(page, 'Settings…');
  await waitFor(
    page,
    () => !!document.querySelector('dialog[open] #settings-user-data'),
    'the settings form',
    30_000,
  );
}

/** Force stop (confirmed), then the type of the stopped instance; the CLI sees the new type. */
export async function forceStopAndChangeType(page: TypingPage, cli: Cli, id: string) {
  await selectOnly(page, id);
  await waitForState(page, id, 'running');
  await press(page, 'Force stop');
  await waitForText(page, 'Force these instances to stop?');
  await waitForText(page, `e2e resize (${id})`);
  await press(page, 'Force stop 1 instance(s)');
  await waitForText(page, `Forcing ${id} to stop.`);
  await waitForState(page, id, 'stopped');

  await openSettings(page);
  // The cloud's own list of types, as the launch dialog offers it (moto has hundreds).
  await waitFor(
    page,
    () => {
      const select = document.querySelector<HTMLSelectElement>('dialog[open] #settings-type');
      return !!select && !select.disabled && !!select.querySelector('option[value="t3.small"]');
    },
    'the instance types listed',
    90_000,
  );
  await run(
    page,
    `const s = document.querySelector('dialog[open] #settings-type');
     s.value = 't3.small';
     s.dispatchEvent(new Event('change', { bubbles: true }));`,
  );
  await press(page, 'Save');
  await waitForText(page, `Settings of ${id} saved.`);
  expect(cliInstance(cli, id)?.InstanceType).toBe('t3.small');
  // The details pane reads the new type back.
  await waitFor(
    page,
    () =>
      [...document.querySelectorAll('.instance-settings dd')].some(
        (dd) => dd.textContent === 't3.small',
      ),
    'the new type in the details pane',
    30_000,
  );
}

/**
 * Termination protection on (and a source/dest check this cloud refuses, kept and disabled), then
 * Terminate names the instance with what to do; the CLI still sees it running.
 */
export async function protectionBlocksTerminate(page: TypingPage, cli: Cli, id: string) {
  await selectOnly(page, id);
  await waitForState(page, id, 'running');
  await openSettings(page);
  // Running: type and user data wait for a stop, the rest may change now.
  await waitForText(page, 'Stop the instance to change this.');
  await page.click('#settings-termination');
  await page.click('#settings-source-dest');
  await press(page, 'Save');
  await waitForText(page, 'This cloud does not support the “Source/destination check” setting.');
  await waitForText(page, 'Saved: Termination protection.');
  const kept = await run<{ checked: boolean; disabled: boolean }>(
    page,
    `const c = document.getElementById('settings-source-dest');
     return { checked: c.checked, disabled: c.disabled };`,
  );
  expect(kept, 'the refused choice stays as chosen, and the control is disabled').toEqual({
    checked: false,
    disabled: true,
  });
  await press(page, 'Cancel');

  const attribute = cli([
    'ec2',
    'describe-instance-attribute',
    '--instance-id',
    id,
    '--attribute',
    'disableApiTermination',
  ]) as { DisableApiTermination: { Value: boolean } };
  expect(attribute.DisableApiTermination.Value).toBe(true);

  // Opened again for this profile: still disabled, and said why before anything is sent.
  await openSettings(page);
  await waitForText(page, 'This cloud does not support the “Source/destination check” setting.');
  expect(
    await run<boolean>(page, `return document.getElementById('settings-source-dest').disabled;`),
  ).toBe(true);
  await press(page, 'Cancel');

  await press(page, 'Terminate');
  await waitForText(
    page,
    `${id} (e2e protected) has termination protection: turn it off in Instance settings first.`,
  );
  await press(page, 'Close');
  expect(cliInstance(cli, id)?.State.Name).toBe('running');
}

/** User data of a stopped instance edited in the dialog; the CLI reads the same text. */
export async function editUserData(page: TypingPage, cli: Cli, id: string) {
  await selectOnly(page, id);
  await waitForState(page, id, 'running');
  await press(page, 'Stop');
  await waitForState(page, id, 'stopped');
  await openSettings(page);
  const before = await run<string>(
    page,
    `return document.getElementById('settings-user-data').value;`,
  );
  expect(before).toBe('#!/bin/sh\necho old\n');
  const text = '#cloud-config\nhostname: e2e-設定\n';
  await fill(page, 'User data', text);
  await press(page, 'Save');
  await waitForText(page, `Settings of ${id} saved.`);
  const out = cli([
    'ec2',
    'describe-instance-attribute',
    '--instance-id',
    id,
    '--attribute',
    'userData',
  ]) as { UserData: { Value?: string } };
  expect(Buffer.from(out.UserData.Value ?? '', 'base64').toString('utf8')).toBe(text);
  await waitForText(page, 'hostname: e2e-設定');
}

/** Binary user data: its size and a download made from a Blob, never shown as text. */
export async function binaryUserData(page: TypingPage, id: string, bytes: number) {
  await selectOnly(page, id);
  await waitForText(page, `Binary, ${bytes} bytes`);
  const link = await run<{ href: string; download: string }>(
    page,
    `const a = document.querySelector('.instance-settings a[download]');
     return { href: a.href, download: a.getAttribute('download') };`,
  );
  expect(link.href.startsWith('blob:')).toBe(true);
  expect(link.download).toBe(`user-data-${id}.bin`);
}
