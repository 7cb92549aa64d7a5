// Instances offered in a select (associate an address, attach a volume): "name (id)".

import { describeInstances, ec2List, type Instance } from '../../cloud/ec2';
import type { CurrentProfile } from '../current-profile';

export interface InstanceChoice {
  instanceId: string;
  label: string;
  zone: string;
  state: string;
}

export function instanceChoice(instance: Instance): InstanceChoice {
  const name = instance.tags.find((tag) => tag.key === 'Name')?.value ?? '';
  return {
    instanceId: instance.instanceId,
    label: name ? `${name} (${instance.instanceId})` : instance.instanceId,
    zone: instance.placement.availabilityZone,
    state: instance.state.name,
  };
}

/** The instances in one of `states`, sorted by label. */
export async function loadInstanceChoices(
  { profile, signer }: CurrentProfile,
  states: readonly string[],
): Promise<InstanceChoice[]> {
  const list = await ec2List(describeInstances, profile, signer, {
    filters: [{ name: 'instance-state-name', values: states }],
  });
  // Filtered here too: some servers ignore filters they do not know.
  return list
    .filter((i) => states.includes(i.state.name))
    .map(instanceChoice)
    .sort((a, b) => a.label.localeCompare(b.label));
}
