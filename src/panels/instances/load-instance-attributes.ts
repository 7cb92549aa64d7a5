// Reads an instance's settings, one DescribeInstanceAttribute each, at once. A refusal is kept per
// attribute (the details pane and the settings dialog show the rest): as "not supported" when the
// cloud has no such attribute, else as the failure it was.

import {
  describeInstanceAttribute,
  ec2Call,
  INSTANCE_ATTRIBUTES,
  type Instance,
  type InstanceAttributeName,
  type InstanceAttributes,
  refusedAsUnsupported,
} from '../../cloud/ec2';
import type { CloudErrorData } from '../../cloud/errors';
import type { CurrentProfile } from '../current-profile';
import { asError } from '../errors';

export type AttributeReading<T> =
  | { state: 'ok'; value: T }
  | { state: 'unsupported'; error: CloudErrorData }
  | { state: 'failed'; error: CloudErrorData }
  /** The server answered without the attribute. */
  | { state: 'absent' };

export type AttributeReadings = {
  [K in InstanceAttributeName]?: AttributeReading<InstanceAttributes[K]>;
};

/** The attributes that mean something for this instance: source/dest check is VPC only. */
export function attributesFor(instance: Pick<Instance, 'vpcId'>): InstanceAttributeName[] {
  return INSTANCE_ATTRIBUTES.filter((name) => name !== 'sourceDestCheck' || !!instance.vpcId);
}

export async function readAttribute<K extends InstanceAttributeName>(
  current: CurrentProfile,
  instanceId: string,
  attribute: K,
): Promise<AttributeReading<InstanceAttributes[K]>> {
  try {
    const answer = await ec2Call(describeInstanceAttribute, current.profile, current.signer, {
      instanceId,
      attribute,
    });
    const value = answer.attributes[attribute] as InstanceAttributes[K] | undefined;
    // An answer without <userData> at all still says "none": there is nothing else it could say.
    if (value === undefined && attribute === 'userData')
      return { state: 'ok', value: '' as InstanceAttributes[K] };
    return value === undefined ? { state: 'absent' } : { state: 'ok', value };
  } catch (e) {
    const error = asError(e);
    return refusedAsUnsupported(error)
      ? { state: 'unsupported', error }
      : { state: 'failed', error };
  }
}

export async function loadInstanceAttributes(
  current: CurrentProfile,
  instance: Pick<Instance, 'instanceId' | 'vpcId'>,
): Promise<AttributeReadings> {
  const names = attributesFor(instance);
  const readings = await Promise.all(
    names.map((name) => readAttribute(current, instance.instanceId, name)),
  );
  const out: Record<string, AttributeReading<unknown>> = {};
  for (const [i, name] of names.entries()) out[name] = readings[i] as AttributeReading<unknown>;
  return out as AttributeReadings;
}

/** The attributes these readings found unsupported. */
export function unsupportedIn(readings: AttributeReadings): InstanceAttributeName[] {
  return INSTANCE_ATTRIBUTES.filter((name) => readings[name]?.state === 'unsupported');
}
