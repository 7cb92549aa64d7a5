import { batch, computed, signal } from '@preact/signals';
import {
  describeAvailabilityZones,
  describeImages,
  describeKeyPairs,
  describeSecurityGroups,
  describeSubnets,
  describeVolumes,
  describeVpcs,
  ec2Call,
  ec2List,
  type InstanceTypeInfo,
  listInstanceTypes,
  type Reservation,
  runInstances,
  type Subnet,
  type Vpc,
} from '../../cloud/ec2';
import type { CloudErrorData } from '../../cloud/errors';
import { call } from '../../shared/call';
import type { LaunchPreset } from '../../storage/items';
import type { CurrentProfile } from '../current-profile';
import { asError } from '../errors';
import { EBS_TYPES, type ExtraVolume, emptyVolume } from './launch-disks';
import {
  type LaunchContext,
  type LaunchForm,
  type LaunchProblems,
  runInput,
  validateLaunch,
} from './launch-form';

export interface LaunchGroup {
  groupId: string;
  groupName: string;
  vpcId: string;
}

export interface LaunchChoices {
  types: InstanceTypeInfo[];
  typesFromServer: boolean;
  keyNames: string[];
  groupNames: string[];
  groups: LaunchGroup[];
  zones: string[];
  /** EBS types this cloud takes. */
  volumeTypes: string[];
}

/** What the cloud said about VPCs: none (or refused) keeps the launch Classic-style. */
export interface NetworkChoices {
  vpcs: Vpc[];
  subnets: Subnet[];
  /** Why there is no picker when the cloud refused to list VPCs. */
  refused: CloudErrorData | null;
}

/** The image's root device, as DescribeImages tells it. */
export interface ImageRoot {
  rootDeviceName: string;
  /** ebs | instance-store */
  rootDeviceType: string;
  /** GiB of the root snapshot, when the image says. */
  sizeGiB: number | null;
  volumeType: string;
  deleteOnTermination: boolean | null;
}

/** Keeps a preset; the background seals its user data when a passphrase is set. */
export type SavePreset = (preset: LaunchPreset) => Promise<{ sealed: boolean }>;

const saveInBackground: SavePreset = (preset) => call('presetSave', { preset });

/** The launch dialog's state: the form, the cloud's choices, and one launch at a time. */
export function createLaunchModel(
  current: CurrentProfile,
  initial: LaunchForm,
  save: SavePreset = saveInBackground,
) {
  const form = signal<LaunchForm>(initial);
  const problems = signal<LaunchProblems>({});
  const choices = signal<LaunchChoices | null>(null);
  const choicesError = signal<CloudErrorData | null>(null);
  const launching = signal(false);
  const error = signal<CloudErrorData | null>(null);
  const launched = signal<Reservation | null>(null);
  const presetSaved = signal<string | null>(null);
  const network = signal<NetworkChoices | null>(null);
  const imageRoot = signal<ImageRoot | null>(null);
  const context = computed<LaunchContext>(() => {
    const vpcs = network.value?.vpcs ?? [];
    const defaultVpc = vpcs.find((v) => v.isDefault);
    return {
      imageRootGiB: imageRoot.value?.sizeGiB ?? null,
      // AWS launches without a subnet only into a default VPC; Eucalyptus still takes one.
      subnetRequired: current.profile.kind === 'aws' && vpcs.length > 0 && !defaultVpc,
      defaultVpcId: defaultVpc?.vpcId ?? '',
    };
  });
  // One token per launch the user means: pressing Launch again after a lost answer does not
  // start a second set of instances, because EC2 answers the same token with the first launch.
  let clientToken = crypto.randomUUID();

  async function loadChoices() {
    const { profile, signer } = current;
    try {
      const [types, keys, groups, zones, volumeTypes] = await Promise.all([
        listInstanceTypes(profile, signer),
        ec2List(describeKeyPairs, profile, signer, {}),
        ec2List(describeSecurityGroups, profile, signer, {}),
        ec2List(describeAvailabilityZones, profile, signer, {}),
        loadVolumeTypes(),
      ]);
      choices.value = {
        types: types.types,
        typesFromServer: types.source === 'server',
        keyNames: keys.map((k) => k.keyName).sort(),
        groupNames: [...new Set(groups.map((g) => g.groupName))].sort(),
        groups: groups
          .map((g) => ({ groupId: g.groupId, groupName: g.groupName, vpcId: g.vpcId }))
          .sort((a, b) => a.groupName.localeCompare(b.groupName)),
        zones: zones.map((z) => z.zoneName).filter((z) => !z.startsWith('|-')),
        volumeTypes,
      };
    } catch (e) {
      choicesError.value = asError(e);
    }
  }

  // Eucalyptus knows `standard`, and whatever types its own volumes show; AWS takes them all.
  async function loadVolumeTypes(): Promise<string[]> {
    const { profile, signer } = current;
    if (profile.kind !== 'eucalyptus') return [...EBS_TYPES];
    try {
      const volumes = await ec2List(describeVolumes, profile, signer, {});
      return [...new Set(['standard', ...volumes.map((v) => v.volumeType).filter(Boolean)])];
    } catch {
      return ['standard'];
    }
  }

  // VPCs apart from the other choices: a cloud without them (or refusing the call) still launches.
  async function loadNetwork() {
    const { profile, signer } = current;
    try {
      const [vpcs, subnets] = await Promise.all([
        ec2List(describeVpcs, profile, signer, {}),
        ec2List(describeSubnets, profile, signer, {}),
      ]);
      network.value = {
        vpcs: vpcs.filter((v) => v.vpcId),
        subnets: subnets.filter((s) => s.subnetId),
        refused: null,
      };
    } catch (e) {
      network.value = { vpcs: [], subnets: [], refused: asError(e) };
    }
  }

  let imageGeneration = 0;
  let imageTimer: ReturnType<typeof setTimeout> | undefined;
  async function loadImage(imageId: string) {
    const generation = ++imageGeneration;
    imageRoot.value = null;
    if (!imageId) return;
    const { profile, signer } = current;
    try {
      const [image] = await ec2List(describeImages, profile, signer, { imageIds: [imageId] });
      if (generation !== imageGeneration || !image) return;
      const root = image.blockDeviceMappings.find((m) => m.deviceName === image.rootDeviceName);
      const size = Number(root?.ebs?.volumeSize);
      imageRoot.value = {
        rootDeviceName: image.rootDeviceName,
        rootDeviceType: image.rootDeviceType,
        sizeGiB: Number.isFinite(size) && size > 0 ? size : null,
        volumeType: root?.ebs?.volumeType ?? '',
        deleteOnTermination: root?.ebs ? root.ebs.deleteOnTermination : null,
      };
      // Kept in the form, so a preset replays its root volume without asking for the image.
      if (image.rootDeviceName && form.value.rootDevice !== image.rootDeviceName)
        form.value = { ...form.value, rootDevice: image.rootDeviceName };
    } catch {
      // An image the cloud does not describe: the root volume keeps the image's own settings.
    }
  }

  void loadChoices();
  void loadNetwork();
  void loadImage(initial.imageId.trim());

  function change(patch: Partial<LaunchForm>) {
    const before = form.value.imageId;
    form.value = { ...form.value, ...patch };
    // Another image's root device is not this one's: learnt again from the image.
    if (form.value.imageId !== before) form.value = { ...form.value, rootDevice: '' };
    const cleared = { ...problems.value } as Record<string, unknown>;
    for (const key of Object.keys(patch)) {
      delete cleared[key];
      for (const k of Object.keys(cleared)) if (k.startsWith(`${key}.`)) delete cleared[k];
    }
    if ('rootSize' in patch) delete cleared['root.size'];
    if ('rootType' in patch) delete cleared['root.type'];
    if ('rootIops' in patch) delete cleared['root.iops'];
    problems.value = cleared as LaunchProblems;
    // A different launch deserves its own token.
    clientToken = crypto.randomUUID();
    if (form.value.imageId !== before) {
      clearTimeout(imageTimer);
      const imageId = form.value.imageId.trim();
      imageTimer = setTimeout(() => void loadImage(imageId), 400);
    }
  }

  /** Groups the picker offers: those of the chosen VPC (by id), else the Classic/default ones. */
  function groupsFor(vpcId: string): LaunchGroup[] {
    const all = choices.value?.groups ?? [];
    if (vpcId) return all.filter((g) => g.vpcId === vpcId);
    // A cloud that lists no VPCs cannot say which groups are Classic ones: offer them all.
    if (!network.value?.vpcs.length) return all;
    const defaultVpcId = context.value.defaultVpcId;
    return all.filter((g) => !g.vpcId || g.vpcId === defaultVpcId);
  }

  /** Another VPC: its subnet and groups go, unless they belong to it. */
  function chooseVpc(vpcId: string) {
    const f = form.value;
    const subnet = network.value?.subnets.find((s) => s.subnetId === f.subnetId);
    const keepSubnet = subnet?.vpcId === vpcId;
    const inVpc = new Set(groupsFor(vpcId).map((g) => g.groupId));
    change({
      vpcId,
      subnetId: keepSubnet ? f.subnetId : '',
      publicIp: keepSubnet ? f.publicIp : false,
      securityGroupIds: f.securityGroupIds.filter((id) => inVpc.has(id)),
    });
  }

  /** A subnet decides the VPC and the zone. */
  function chooseSubnet(subnetId: string) {
    const subnet = network.value?.subnets.find((s) => s.subnetId === subnetId);
    if (!subnet) return change({ subnetId: '', publicIp: false });
    if (subnet.vpcId !== form.value.vpcId) chooseVpc(subnet.vpcId);
    change({
      subnetId,
      zone: subnet.availabilityZone,
      publicIp: subnet.mapPublicIpOnLaunch,
    });
  }

  return {
    form,
    problems,
    choices,
    choicesError,
    launching,
    error,
    launched,
    presetSaved,
    network,
    imageRoot,
    context,
    change,
    groupsFor,
    chooseVpc,
    chooseSubnet,
    addVolume() {
      const f = form.value;
      const taken = [f.rootDevice, ...f.volumes.map((v) => v.device)];
      change({ volumes: [...f.volumes, emptyVolume(taken)] });
    },
    changeVolume(index: number, patch: Partial<ExtraVolume>) {
      const volumes = form.value.volumes.map((v, i) => (i === index ? { ...v, ...patch } : v));
      change({ volumes });
    },
    removeVolume(index: number) {
      change({ volumes: form.value.volumes.filter((_, i) => i !== index) });
    },
    dispose() {
      clearTimeout(imageTimer);
      imageGeneration++;
    },
    validate(): boolean {
      problems.value = validateLaunch(form.value, context.value);
      return Object.keys(problems.value).length === 0;
    },
    async launch(): Promise<Reservation | null> {
      if (launching.value || !this.validate()) return null;
      batch(() => {
        launching.value = true;
        error.value = null;
      });
      try {
        const input = { ...runInput(form.value, current.profile), clientToken };
        const reservation = await ec2Call(runInstances, current.profile, current.signer, input);
        launched.value = reservation;
        clientToken = crypto.randomUUID();
        return reservation;
      } catch (e) {
        error.value = asError(e);
        return null;
      } finally {
        launching.value = false;
      }
    },
    async savePreset(name: string): Promise<boolean> {
      if (!name.trim() || !this.validate()) return false;
      const preset = {
        id: crypto.randomUUID(),
        name: name.trim(),
        profileId: current.profile.id,
        form: { ...form.value } as unknown as Record<string, unknown>,
      };
      try {
        await save(preset);
      } catch (e) {
        error.value = asError(e);
        return false;
      }
      presetSaved.value = preset.name;
      return true;
    },
  };
}

export type LaunchModel = ReturnType<typeof createLaunchModel>;
