// What the Overview shows of one region of one profile: counts of instances, volumes and Elastic
// IPs, the running instances, and what is billed while unused. Kept small, because every region
// of every profile is stored (storage.session) for the next first paint.

import { describeAddresses, describeInstances, describeVolumes, ec2List } from './ec2';
import type { Ec2CallOptions } from './ec2/client';
import type { Profile } from './profile';
import { listBuckets } from './s3/buckets';
import type { Signer } from './signer';

export interface RunningInstance {
  instanceId: string;
  /** The Name tag, '' when there is none. */
  name: string;
  instanceType: string;
  /** As the cloud sent it; parseEc2Time() reads it. */
  launchTime: string;
}

/** An Elastic IP with no instance: AWS bills it by the hour. */
export interface IdleAddress {
  publicIp: string;
  /** '' for EC2-Classic and Eucalyptus addresses. */
  allocationId: string;
}

/** A volume attached to nothing: billed by its size all the same. */
export interface IdleVolume {
  volumeId: string;
  name: string;
  /** GiB, as sent. */
  size: string;
  availabilityZone: string;
}

export interface RegionSummary {
  /** Terminated instances (shown for an hour after) are not counted. */
  instances: { running: number; stopped: number; other: number };
  volumes: { attached: number; available: number };
  addresses: { associated: number; unassociated: number };
  running: RunningInstance[];
  idleAddresses: IdleAddress[];
  idleVolumes: IdleVolume[];
}

const nameOf = (tags: ReadonlyArray<{ key: string; value: string }>) =>
  tags.find((tag) => tag.key === 'Name')?.value ?? '';

/** One region of a profile: `profile.region` names it. Three lists, read at the same time. */
export async function fetchRegionSummary(
  profile: Profile,
  signer: Signer,
  opts: Pick<Ec2CallOptions, 'signal'> = {},
): Promise<RegionSummary> {
  const [instances, volumes, addresses] = await Promise.all([
    ec2List(describeInstances, profile, signer, {}, opts),
    ec2List(describeVolumes, profile, signer, {}, opts),
    ec2List(describeAddresses, profile, signer, {}, opts),
  ]);
  const summary: RegionSummary = {
    instances: { running: 0, stopped: 0, other: 0 },
    volumes: { attached: 0, available: 0 },
    addresses: { associated: 0, unassociated: 0 },
    running: [],
    idleAddresses: [],
    idleVolumes: [],
  };
  for (const i of instances) {
    const state = i.state.name;
    if (state === 'terminated') continue;
    if (state === 'running') {
      summary.instances.running++;
      summary.running.push({
        instanceId: i.instanceId,
        name: nameOf(i.tags),
        instanceType: i.instanceType,
        launchTime: i.launchTime,
      });
    } else if (state === 'stopped') summary.instances.stopped++;
    else summary.instances.other++;
  }
  for (const v of volumes) {
    if (v.status === 'available') {
      summary.volumes.available++;
      summary.idleVolumes.push({
        volumeId: v.volumeId,
        name: nameOf(v.tags),
        size: v.size,
        availabilityZone: v.availabilityZone,
      });
    } else if (v.status === 'in-use') summary.volumes.attached++;
  }
  for (const a of addresses) {
    if (a.associationId || a.instanceId) summary.addresses.associated++;
    else {
      summary.addresses.unassociated++;
      summary.idleAddresses.push({ publicIp: a.publicIp, allocationId: a.allocationId });
    }
  }
  return summary;
}

/** How many buckets the profile's object store lists (one answer for every region on AWS). */
export async function countBuckets(
  profile: Profile,
  signer: Signer,
  opts: { signal?: AbortSignal } = {},
): Promise<number> {
  return (await listBuckets(profile, signer, opts)).length;
}
