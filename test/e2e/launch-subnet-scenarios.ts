// The launch dialog's subnet and disks, in each browser: a VPC of its own made with the AWS CLI,
// the dialog launches into its subnet with a 30 GiB gp3 root volume, and the CLI sees both.
import { expect } from 'vitest';
import type { FrontDoor } from '../support/front-door';
import { awsCli } from './aws-cli';
import { MOTO_IMAGE } from './ec2-scenarios';
import { bodyText, fill, press, run, type TypingPage, waitForText } from './profiles-scenarios';
import { waitFor } from './shell-scenarios';

/** A subnet name that would run script if it were ever put in as markup. */
export const HOSTILE_SUBNET_NAME = '<img src=x onerror="document.title=1">';

export interface Network {
  vpcId: string;
  subnetId: string;
  groupId: string;
}

/**
 * A VPC (not the default) with one subnet in us-east-1b and a group "web", and a gp3 volume,
 * made with the CLI.
 */
export function makeNetwork(motoUrl: string): Network {
  const cli = (args: string[]) => awsCli(motoUrl, ['ec2', ...args]) as never;
  const vpc = cli(['create-vpc', '--cidr-block', '10.30.0.0/16']) as { Vpc: { VpcId: string } };
  const vpcId = vpc.Vpc.VpcId;
  const subnet = cli([
    'create-subnet',
    '--vpc-id',
    vpcId,
    '--cidr-block',
    '10.30.7.0/24',
    '--availability-zone',
    'us-east-1b',
  ]) as { Subnet: { SubnetId: string } };
  const subnetId = subnet.Subnet.SubnetId;
  cli([
    'create-tags',
    '--resources',
    subnetId,
    '--cli-input-json',
    JSON.stringify({ Tags: [{ Key: 'Name', Value: HOSTILE_SUBNET_NAME }] }),
  ]);
  const group = cli([
    'create-security-group',
    '--group-name',
    'web',
    '--description',
    'web servers',
    '--vpc-id',
    vpcId,
  ]) as { GroupId: string };
  // A Eucalyptus-kind profile is offered `standard` and the types its cloud's volumes show.
  cli([
    'create-volume',
    '--size',
    '1',
    '--volume-type',
    'gp3',
    '--availability-zone',
    'us-east-1b',
  ]);
  return { vpcId, subnetId, groupId: group.GroupId };
}

function probe(body: string): () => boolean {
  return new Function(body) as () => boolean;
}

/** Sets a select (by id) as a user's choice does: the value, then a change event. */
async function choose(page: TypingPage, id: string, value: string) {
  await waitFor(
    page,
    probe(
      `const s = document.getElementById(${JSON.stringify(id)});
       if (!s || ![...s.options].some((o) => o.value === ${JSON.stringify(value)})) return false;
       s.value = ${JSON.stringify(value)};
       s.dispatchEvent(new Event('change', { bubbles: true }));
       return true;`,
    ),
    `option ${value} in #${id}`,
  );
}

/** Types into the text field with this id, replacing what is there. */
async function typeInto(page: TypingPage, id: string, value: string) {
  await waitFor(
    page,
    probe(
      `const c = document.getElementById(${JSON.stringify(id)});
       if (!c) return false; c.focus(); c.select(); return true;`,
    ),
    `field #${id}`,
  );
  await page.keyboard.type(value);
}

const commandLine = (page: TypingPage) =>
  run<string>(page, `return document.getElementById('launch-command').value;`);

/** Images → Launch, into the subnet with a 30 GiB gp3 root; returns the new instance id. */
export async function launchIntoSubnet(
  page: TypingPage,
  frontDoor: FrontDoor,
  net: Network,
): Promise<string> {
  await page.click('#tab-images');
  // Amazon's images, where moto keeps the one launched here.
  await waitFor(
    page,
    probe(
      `const s = document.querySelector('.resource-panel .toolbar select');
       if (!s) return false;
       s.value = 'amazon';
       s.dispatchEvent(new Event('change', { bubbles: true }));
       return true;`,
    ),
    'the images view',
  );
  await fill(page, 'Search', MOTO_IMAGE);
  await waitFor(
    page,
    probe(`return !!document.querySelector('tr[data-key="${MOTO_IMAGE}"]');`),
    `image ${MOTO_IMAGE} listed`,
    60_000,
  );
  await page.click(`tr[data-key="${MOTO_IMAGE}"] td`);
  await press(page, 'Launch');

  // The picker lists the subnet with its name as text, zone, CIDR and free addresses.
  const label = await waitFor(
    page,
    probe(
      `const o = [...(document.getElementById('launch-subnet')?.options ?? [])].find((x) => x.value === ${JSON.stringify(net.subnetId)});
       return o ? o.textContent : false;`,
    ) as unknown as () => string | false,
    'the subnet in the picker',
    60_000,
  );
  expect(label).toContain(HOSTILE_SUBNET_NAME);
  expect(label).toContain('us-east-1b');
  expect(label).toContain('10.30.7.0/24');
  expect(label).toMatch(/\d+ free/);
  expect(await run<number>(page, `return document.querySelectorAll('dialog img').length;`)).toBe(0);

  await choose(page, 'launch-subnet', net.subnetId);
  // The subnet decides the zone and the VPC; the VPC's groups are offered by id.
  await waitFor(
    page,
    probe(
      `const z = document.getElementById('launch-zone');
       return z.disabled && z.value === 'us-east-1b' && document.getElementById('launch-vpc').value === ${JSON.stringify(net.vpcId)};`,
    ),
    'the zone set and locked by the subnet',
  );
  await waitFor(
    page,
    probe(`return !!document.getElementById('launch-group-id-${net.groupId}');`),
    'the VPC group offered by id',
  );
  await page.click(`#launch-group-id-${net.groupId}`);
  await waitFor(
    page,
    probe(`return document.getElementById('launch-group-id-${net.groupId}').checked;`),
    'the VPC group ticked',
  );
  await waitFor(
    page,
    probe(`return document.getElementById('launch-root-size')?.placeholder === '15';`),
    "the image's root size",
  );

  // Smaller than the image: refused in the dialog, nothing sent, the input stays.
  const runsBefore = frontDoor.requests.filter((r) => r.action === 'RunInstances').length;
  await typeInto(page, 'launch-root-size', '5');
  await press(page, 'Launch');
  await waitForText(page, 'Enter a whole number of GiB from 15 to 16384.');
  expect(frontDoor.requests.filter((r) => r.action === 'RunInstances').length).toBe(runsBefore);

  await typeInto(page, 'launch-root-size', '30');
  await choose(page, 'launch-root-type', 'gp3');
  await waitFor(
    page,
    probe(
      `const v = document.getElementById('launch-command').value;
       return v.includes('-b /dev/sda1=:30::gp3') && v.includes(${JSON.stringify(`-s ${net.subnetId}`)});`,
    ),
    'the command line with the subnet and the root volume',
  );
  expect(await commandLine(page)).toContain(`-g ${net.groupId}`);

  await press(page, 'Launch');
  await waitForText(page, 'Launched: i-', 60_000);
  const id = /Launched: (i-[0-9a-f]+)/.exec(await bodyText(page))?.[1] ?? '';
  expect(id).toMatch(/^i-/);
  await press(page, 'Close');
  return id;
}

/** What the AWS CLI reports: the instance in the subnet, its root volume 30 GiB gp3. */
export function cliSeesSubnetAndRoot(motoUrl: string, id: string, net: Network) {
  const described = awsCli(motoUrl, ['ec2', 'describe-instances', '--instance-ids', id]) as {
    Reservations: Array<{
      Instances: Array<{ SubnetId: string; VpcId: string; SecurityGroups: { GroupId: string }[] }>;
    }>;
  };
  const instance = described.Reservations[0]?.Instances[0];
  expect(instance?.SubnetId).toBe(net.subnetId);
  expect(instance?.VpcId).toBe(net.vpcId);
  expect(instance?.SecurityGroups.map((g) => g.GroupId)).toEqual([net.groupId]);
  const volumes = awsCli(motoUrl, [
    'ec2',
    'describe-volumes',
    '--filters',
    `Name=attachment.instance-id,Values=${id}`,
  ]) as { Volumes: Array<{ Size: number; VolumeType: string; Attachments: { Device: string }[] }> };
  const root = volumes.Volumes.find((v) => v.Attachments[0]?.Device === '/dev/sda1');
  expect(root).toMatchObject({ Size: 30, VolumeType: 'gp3' });
}

/** An ec2Answer for the front door: while `state.noVpcs`, it answers as Eucalyptus without VPCs. */
export function eucalyptusWithoutVpcs(state: {
  noVpcs: boolean;
  runs: Array<Array<[string, string]>>;
}) {
  return (action: string, params: Array<[string, string]>) => {
    if (action === 'RunInstances') state.runs.push(params);
    if (!state.noVpcs || (action !== 'DescribeVpcs' && action !== 'DescribeSubnets'))
      return undefined;
    const set = action === 'DescribeVpcs' ? 'vpcSet' : 'subnetSet';
    return {
      status: 200,
      body: `<?xml version="1.0" encoding="UTF-8"?><${action}Response xmlns="http://ec2.amazonaws.com/doc/2013-02-01/"><requestId>1</requestId><${set}/></${action}Response>`,
    };
  };
}

/** No VPCs: no picker, groups by name, and the launch sends SecurityGroup.1 (no subnet, no ids). */
export async function launchWithoutVpcs(
  page: TypingPage,
  state: { runs: Array<Array<[string, string]>> },
) {
  await page.click(`tr[data-key="${MOTO_IMAGE}"] td`);
  await press(page, 'Launch');
  await waitFor(
    page,
    probe(
      `return !!document.getElementById('launch-group-default') && !!document.getElementById('launch-root-size');`,
    ),
    'the groups by name',
    60_000,
  );
  expect(
    await run<boolean>(
      page,
      `return !document.getElementById('launch-vpc') && !document.getElementById('launch-subnet');`,
    ),
  ).toBe(true);
  await page.click('#launch-group-default');
  await waitFor(
    page,
    probe(`return document.getElementById('launch-command').value.includes('-g default');`),
    'the group in the command line',
  );
  const before = state.runs.length;
  await press(page, 'Launch');
  await waitForText(page, 'Launched: i-', 60_000);
  await press(page, 'Close');
  const params = state.runs[before] ?? [];
  expect(params).toContainEqual(['SecurityGroup.1', 'default']);
  expect(params.some(([k]) => /^(SubnetId|SecurityGroupId|NetworkInterface)/.test(k))).toBe(false);
}
