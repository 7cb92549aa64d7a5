// The launch dialog's form as plain data: defaults, checks, the RunInstances input it becomes,
// and the command line that does the same launch. Pure, so unit tests cover it.

import type { Instance, RunInstancesInput } from '../../cloud/ec2';
import type { Profile } from '../../cloud/profile';
import { shellLine } from '../../cloud/shell-quote';
import { type UserDataFile, userDataBase64, userDataProblem } from '../components/user-data';

// The user data checks are shared with the instance settings; known here by their old names too.
export { USER_DATA_LIMIT, userDataBytes } from '../components/user-data';

import {
  blockDeviceJson,
  blockDeviceMappings,
  type DiskFields,
  type DiskProblem,
  type DiskProblems,
  eucaBlockDevice,
  validateDisks,
} from './launch-disks';

export interface LaunchForm extends DiskFields {
  imageId: string;
  instanceType: string;
  minCount: string;
  maxCount: string;
  keyName: string;
  /** Names (Eucalyptus, EC2-Classic, default VPC), sent while no VPC is chosen. */
  securityGroups: string[];
  /** '' launches Classic-style (or into the default VPC). */
  vpcId: string;
  /** A subnet of vpcId; its zone is the launch's zone. */
  subnetId: string;
  /** Sent on network interface 0 of the subnet (AssociatePublicIpAddress). */
  publicIp: boolean;
  /** Group ids of vpcId, sent instead of the names while a VPC is chosen. */
  securityGroupIds: string[];
  zone: string;
  kernelId: string;
  ramdiskId: string;
  /** Text typed, or a file's bytes already base64 (userDataFile says which). */
  userData: string;
  userDataFile: UserDataFile | null;
  privateAddressing: boolean;
  /** Detailed monitoring: CloudWatch data every minute (RunInstances Monitoring.Enabled). */
  monitoring: boolean;
  name: string;
  /** More tags, one `key=value` per line. */
  tags: string;
}

export function emptyLaunchForm(imageId = ''): LaunchForm {
  return {
    imageId,
    instanceType: '',
    minCount: '1',
    maxCount: '1',
    keyName: '',
    securityGroups: [],
    vpcId: '',
    subnetId: '',
    publicIp: false,
    securityGroupIds: [],
    zone: '',
    kernelId: '',
    ramdiskId: '',
    userData: '',
    userDataFile: null,
    privateAddressing: false,
    monitoring: false,
    name: '',
    tags: '',
    rootDevice: '',
    rootSize: '',
    rootType: '',
    rootIops: '',
    rootDeleteOnTermination: null,
    volumes: [],
  };
}

/**
 * A preset's stored form over today's defaults: a preset kept before a field existed gets its
 * default, and a field of the wrong type (an edited storage) is dropped rather than sent.
 */
export function launchFormFrom(stored: Record<string, unknown>): LaunchForm {
  const base = emptyLaunchForm();
  const form: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in base)) continue;
    const expected = base[key as keyof LaunchForm];
    // userDataFile is null or an object; rootDeleteOnTermination null or a boolean.
    const fits =
      key === 'userDataFile'
        ? typeof value === 'object'
        : expected === null
          ? value === null || typeof value === 'boolean'
          : Array.isArray(expected)
            ? Array.isArray(value)
            : typeof value === typeof expected;
    if (fits) form[key] = value;
  }
  const result = form as unknown as LaunchForm;
  result.volumes = result.volumes.flatMap((v: unknown) => {
    if (typeof v !== 'object' || v === null) return [];
    const o = v as Record<string, unknown>;
    const text = (name: string) => (typeof o[name] === 'string' ? (o[name] as string) : '');
    if (!text('device')) return [];
    return [
      {
        device: text('device'),
        size: text('size'),
        type: text('type'),
        iops: text('iops'),
        deleteOnTermination: o.deleteOnTermination !== false,
        snapshotId: text('snapshotId'),
      },
    ];
  });
  return result;
}

/**
 * "Launch more like this": the same image, type, key, subnet, groups, zone, kernel, ramdisk and
 * detailed monitoring.
 */
export function formLike(instance: Instance): LaunchForm {
  return {
    ...emptyLaunchForm(instance.imageId),
    instanceType: instance.instanceType,
    keyName: instance.keyName,
    securityGroups: instance.vpcId ? [] : instance.groups.map((g) => g.groupName).filter(Boolean),
    vpcId: instance.vpcId,
    subnetId: instance.subnetId,
    securityGroupIds: instance.vpcId ? instance.groups.map((g) => g.groupId).filter(Boolean) : [],
    zone: instance.placement.availabilityZone,
    kernelId: instance.kernelId,
    ramdiskId: instance.ramdiskId,
    monitoring: instance.monitoring === 'enabled' || instance.monitoring === 'pending',
    name: instance.tags.find((tag) => tag.key === 'Name')?.value ?? '',
  };
}

export type LaunchField = keyof LaunchForm;
export type LaunchProblems = Partial<Record<LaunchField, LaunchProblem>> & DiskProblems;
export type LaunchProblem =
  | DiskProblem
  | { kind: 'required' }
  | { kind: 'subnet-required' }
  | { kind: 'count' }
  | { kind: 'min-over-max' }
  | { kind: 'user-data-too-large'; bytes: number }
  | { kind: 'bad-tag'; line: number };

/** Tags from the Name field and the `key=value` lines; the line number of the first bad one. */
export function parseTags(form: LaunchForm): {
  tags: { key: string; value: string }[];
  bad?: number;
} {
  const tags: { key: string; value: string }[] = [];
  if (form.name.trim()) tags.push({ key: 'Name', value: form.name.trim() });
  const lines = form.tags.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (!line) continue;
    const eq = line.indexOf('=');
    const key = (eq < 0 ? line : line.slice(0, eq)).trim();
    const value = eq < 0 ? '' : line.slice(eq + 1).trim();
    // EC2's limits: keys up to 128 characters, values up to 256, and aws: is reserved.
    if (!key || key.length > 128 || value.length > 256 || /^aws:/i.test(key))
      return { tags, bad: i + 1 };
    tags.push({ key, value });
  }
  return { tags };
}

const COUNT = /^[1-9]\d{0,3}$/;

/** What the cloud and the image say, for the checks the form alone cannot make. */
export interface LaunchContext {
  /** The image's root snapshot size in GiB, when known. */
  imageRootGiB: number | null;
  /** AWS with VPCs and no default VPC: a launch must name a subnet. */
  subnetRequired: boolean;
  /** The default VPC ('' when none): launching into it needs no subnet. */
  defaultVpcId: string;
}

export function validateLaunch(form: LaunchForm, context?: LaunchContext): LaunchProblems {
  const problems: LaunchProblems = validateDisks(form, context?.imageRootGiB ?? null);
  if (
    !form.subnetId &&
    (context?.subnetRequired || (form.vpcId && form.vpcId !== context?.defaultVpcId))
  )
    problems.subnetId = { kind: 'subnet-required' };
  if (!form.imageId.trim()) problems.imageId = { kind: 'required' };
  if (!COUNT.test(form.minCount.trim())) problems.minCount = { kind: 'count' };
  if (!COUNT.test(form.maxCount.trim())) problems.maxCount = { kind: 'count' };
  if (!problems.minCount && !problems.maxCount && Number(form.minCount) > Number(form.maxCount))
    problems.maxCount = { kind: 'min-over-max' };
  const userData = userDataProblem(form);
  if (userData) problems.userData = userData;
  const { bad } = parseTags(form);
  if (bad !== undefined) problems.tags = { kind: 'bad-tag', line: bad };
  return problems;
}

export function runInput(form: LaunchForm, profile: Profile): RunInstancesInput {
  const input: RunInstancesInput = {
    imageId: form.imageId.trim(),
    minCount: Number(form.minCount),
    maxCount: Number(form.maxCount),
  };
  if (form.instanceType) input.instanceType = form.instanceType;
  if (form.keyName) input.keyName = form.keyName;
  if (form.subnetId && form.publicIp) {
    // With an interface, the API takes the subnet and the groups only on it.
    input.networkInterface = { subnetId: form.subnetId, associatePublicIpAddress: true };
    if (form.securityGroupIds.length)
      input.networkInterface.securityGroupIds = form.securityGroupIds;
  } else {
    if (form.subnetId) input.subnetId = form.subnetId;
    if (form.vpcId && form.securityGroupIds.length) input.securityGroupIds = form.securityGroupIds;
  }
  if (!form.vpcId && form.securityGroups.length) input.securityGroups = form.securityGroups;
  // A subnet lies in one zone: it decides.
  if (form.zone && !form.subnetId) input.availabilityZone = form.zone;
  if (form.kernelId.trim()) input.kernelId = form.kernelId.trim();
  if (form.ramdiskId.trim()) input.ramdiskId = form.ramdiskId.trim();
  const userData = userDataBase64(form);
  if (userData) input.userData = userData;
  // Eucalyptus' private addressing is for launches outside a VPC only.
  if (form.privateAddressing && profile.kind === 'eucalyptus' && !form.vpcId)
    input.addressingType = 'private';
  if (form.monitoring) input.monitoring = true;
  const { tags } = parseTags(form);
  if (tags.length) input.tags = tags;
  const disks = blockDeviceMappings(form);
  if (disks.length) input.blockDeviceMappings = disks;
  return input;
}

/** The same launch as a command to copy: the AWS CLI, or euca2ools for a Eucalyptus profile. */
export function commandLine(form: LaunchForm, profile: Profile): string {
  const input = runInput(form, profile);
  const { tags } = parseTags(form);
  const userDataArg = form.userDataFile ? form.userDataFile.name : 'user-data.txt';
  const words: string[] = [];
  if (profile.kind === 'eucalyptus') {
    words.push('euca-run-instances', input.imageId);
    words.push(
      '-n',
      form.minCount === form.maxCount ? form.minCount : `${form.minCount}-${form.maxCount}`,
    );
    if (input.instanceType) words.push('-t', input.instanceType);
    if (input.keyName) words.push('-k', input.keyName);
    const nic = input.networkInterface;
    const subnet = nic?.subnetId ?? input.subnetId;
    for (const group of [
      ...(input.securityGroups ?? []),
      ...(input.securityGroupIds ?? nic?.securityGroupIds ?? []),
    ])
      words.push('-g', group);
    if (subnet) words.push('-s', subnet);
    if (nic?.associatePublicIpAddress) words.push('--associate-public-ip-address');
    if (input.availabilityZone) words.push('-z', input.availabilityZone);
    for (const mapping of input.blockDeviceMappings ?? [])
      words.push('-b', eucaBlockDevice(mapping));
    if (input.kernelId) words.push('--kernel', input.kernelId);
    if (input.ramdiskId) words.push('--ramdisk', input.ramdiskId);
    if (input.userData) words.push('-f', userDataArg);
    if (input.addressingType) words.push('--addressing', input.addressingType);
    if (input.monitoring) words.push('--monitor');
    for (const tag of tags) words.push('--tag', tag.value ? `${tag.key}=${tag.value}` : tag.key);
  } else {
    words.push(
      'aws',
      'ec2',
      'run-instances',
      '--region',
      profile.region,
      '--image-id',
      input.imageId,
    );
    words.push(
      '--count',
      form.minCount === form.maxCount ? form.minCount : `${form.minCount}:${form.maxCount}`,
    );
    if (input.instanceType) words.push('--instance-type', input.instanceType);
    if (input.keyName) words.push('--key-name', input.keyName);
    if (input.securityGroups?.length) words.push('--security-groups', ...input.securityGroups);
    if (input.securityGroupIds?.length)
      words.push('--security-group-ids', ...input.securityGroupIds);
    if (input.subnetId) words.push('--subnet-id', input.subnetId);
    const nic = input.networkInterface;
    if (nic)
      words.push(
        '--network-interfaces',
        JSON.stringify([
          {
            DeviceIndex: 0,
            SubnetId: nic.subnetId,
            AssociatePublicIpAddress: nic.associatePublicIpAddress,
            Groups: nic.securityGroupIds,
          },
        ]),
      );
    if (input.blockDeviceMappings)
      words.push('--block-device-mappings', blockDeviceJson(input.blockDeviceMappings));
    if (input.availabilityZone)
      words.push('--placement', `AvailabilityZone=${input.availabilityZone}`);
    if (input.kernelId) words.push('--kernel-id', input.kernelId);
    if (input.ramdiskId) words.push('--ramdisk-id', input.ramdiskId);
    if (input.userData) words.push('--user-data', `file://${userDataArg}`);
    if (input.monitoring) words.push('--monitoring', 'Enabled=true');
    // JSON, not the shorthand: a tag value with `,` `}` or `]` would end a shorthand list early.
    if (tags.length)
      words.push(
        '--tag-specifications',
        JSON.stringify([
          {
            ResourceType: 'instance',
            Tags: tags.map((tag) => ({ Key: tag.key, Value: tag.value })),
          },
        ]),
      );
  }
  return shellLine(words);
}
