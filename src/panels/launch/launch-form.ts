// The launch dialog's form as plain data: defaults, checks, the RunInstances input it becomes,
// and the command line that does the same launch. Pure, so unit tests cover it.

import type { Instance, RunInstancesInput } from '../../cloud/ec2';
import type { Profile } from '../../cloud/profile';
import { shellLine } from '../../cloud/shell-quote';
import { type UserDataFile, userDataBase64, userDataProblem } from '../components/user-data';

// The user data checks are shared with the instance settings; known here by their old names too.
export { USER_DATA_LIMIT, userDataBytes } from '../components/user-data';

export interface LaunchForm {
  imageId: string;
  instanceType: string;
  minCount: string;
  maxCount: string;
  keyName: string;
  /** Names (Eucalyptus, EC2-Classic, default VPC). */
  securityGroups: string[];
  zone: string;
  kernelId: string;
  ramdiskId: string;
  /** Text typed, or a file's bytes already base64 (userDataFile says which). */
  userData: string;
  userDataFile: UserDataFile | null;
  privateAddressing: boolean;
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
    zone: '',
    kernelId: '',
    ramdiskId: '',
    userData: '',
    userDataFile: null,
    privateAddressing: false,
    name: '',
    tags: '',
  };
}

/** "Launch more like this": the same image, type, key, groups, zone, kernel and ramdisk. */
export function formLike(instance: Instance): LaunchForm {
  return {
    ...emptyLaunchForm(instance.imageId),
    instanceType: instance.instanceType,
    keyName: instance.keyName,
    securityGroups: instance.groups.map((g) => g.groupName).filter(Boolean),
    zone: instance.placement.availabilityZone,
    kernelId: instance.kernelId,
    ramdiskId: instance.ramdiskId,
    name: instance.tags.find((tag) => tag.key === 'Name')?.value ?? '',
  };
}

export type LaunchField = keyof LaunchForm;
export type LaunchProblems = Partial<Record<LaunchField, LaunchProblem>>;
export type LaunchProblem =
  | { kind: 'required' }
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

export function validateLaunch(form: LaunchForm): LaunchProblems {
  const problems: LaunchProblems = {};
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
  if (form.securityGroups.length) input.securityGroups = form.securityGroups;
  if (form.zone) input.availabilityZone = form.zone;
  if (form.kernelId.trim()) input.kernelId = form.kernelId.trim();
  if (form.ramdiskId.trim()) input.ramdiskId = form.ramdiskId.trim();
  const userData = userDataBase64(form);
  if (userData) input.userData = userData;
  if (form.privateAddressing && profile.kind === 'eucalyptus') input.addressingType = 'private';
  const { tags } = parseTags(form);
  if (tags.length) input.tags = tags;
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
    for (const group of input.securityGroups ?? []) words.push('-g', group);
    if (input.availabilityZone) words.push('-z', input.availabilityZone);
    if (input.kernelId) words.push('--kernel', input.kernelId);
    if (input.ramdiskId) words.push('--ramdisk', input.ramdiskId);
    if (input.userData) words.push('-f', userDataArg);
    if (input.addressingType) words.push('--addressing', input.addressingType);
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
    if (input.availabilityZone)
      words.push('--placement', `AvailabilityZone=${input.availabilityZone}`);
    if (input.kernelId) words.push('--kernel-id', input.kernelId);
    if (input.ramdiskId) words.push('--ramdisk-id', input.ramdiskId);
    if (input.userData) words.push('--user-data', `file://${userDataArg}`);
    if (tags.length) {
      const list = tags.map((tag) => `{Key=${tag.key},Value=${tag.value}}`).join(',');
      words.push('--tag-specifications', `ResourceType=instance,Tags=[${list}]`);
    }
  }
  return shellLine(words);
}
