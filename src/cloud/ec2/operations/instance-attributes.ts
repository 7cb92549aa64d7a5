// Instance attributes: DescribeInstanceAttribute reads one at a time, ModifyInstanceAttribute
// changes one at a time (EC2 takes only one attribute per call). Eucalyptus 4 binds the same
// `Name.Value` parameters AWS does; older Eucalyptus and gateways refuse what they lack, and
// Eucalyptus 4 accepts instanceInitiatedShutdownBehavior without applying it, so callers read back.

import type { CloudErrorData } from '../../errors';
import { isUnsupportedAction } from '../../unsupported';
import { child, type XmlValue } from '../../xml';
import { flag, returned, str } from '../fields';
import type { Ec2Operation } from '../operation';
import { flattenQuery } from '../query';

/** The settings Cirrus reads and changes, as typed values. */
export interface InstanceAttributes {
  instanceType: string;
  /** Termination protection. */
  disableApiTermination: boolean;
  /** 'stop' | 'terminate' */
  instanceInitiatedShutdownBehavior: string;
  /** VPC instances only. */
  sourceDestCheck: boolean;
  /** Base64 as sent ('' when the instance has none). */
  userData: string;
}

export type InstanceAttributeName = keyof InstanceAttributes;

export const INSTANCE_ATTRIBUTES: readonly InstanceAttributeName[] = [
  'instanceType',
  'disableApiTermination',
  'instanceInitiatedShutdownBehavior',
  'sourceDestCheck',
  'userData',
];

const BOOLEAN: ReadonlySet<InstanceAttributeName> = new Set([
  'disableApiTermination',
  'sourceDestCheck',
]);

export interface InstanceAttributeAnswer {
  instanceId: string;
  /** Only what the server sent: an attribute it left out stays undefined. */
  attributes: Partial<InstanceAttributes>;
}

/**
 * Reads `<name><value>…</value></name>` for every attribute present. `<userData/>` (no value)
 * means the instance has none.
 */
export function readInstanceAttributes(doc: XmlValue): InstanceAttributeAnswer {
  const attributes: Partial<InstanceAttributes> = {};
  const set = attributes as Record<InstanceAttributeName, string | boolean>;
  for (const name of INSTANCE_ATTRIBUTES) {
    const node = child(doc, name);
    if (node === undefined) continue;
    set[name] = BOOLEAN.has(name) ? flag(node, 'value') : str(node, 'value');
  }
  return { instanceId: str(doc, 'instanceId'), attributes };
}

export const describeInstanceAttribute: Ec2Operation<
  { instanceId: string; attribute: InstanceAttributeName },
  InstanceAttributeAnswer
> = {
  action: 'DescribeInstanceAttribute',
  readOnly: true,
  params: (input) => flattenQuery({ InstanceId: input.instanceId, Attribute: input.attribute }),
  read: readInstanceAttributes,
};

/** One change: EC2 takes one attribute per ModifyInstanceAttribute. */
export type InstanceAttributeChange = {
  [K in InstanceAttributeName]: { attribute: K; value: InstanceAttributes[K] };
}[InstanceAttributeName];

// The query names: the attribute with a capital, then `.Value` (AttributeValue and
// AttributeBooleanValue; UserData is a blob, sent base64).
const PARAM: Record<InstanceAttributeName, string> = {
  instanceType: 'InstanceType',
  disableApiTermination: 'DisableApiTermination',
  instanceInitiatedShutdownBehavior: 'InstanceInitiatedShutdownBehavior',
  sourceDestCheck: 'SourceDestCheck',
  userData: 'UserData',
};

export const modifyInstanceAttribute: Ec2Operation<
  { instanceId: string; change: InstanceAttributeChange },
  boolean
> = {
  action: 'ModifyInstanceAttribute',
  readOnly: false,
  params: (input) =>
    flattenQuery({
      InstanceId: input.instanceId,
      [PARAM[input.change.attribute]]: { Value: input.change.value },
    }),
  read: returned,
};

// What the message says when the code is a general one (InvalidParameterValue, a 400): Eucalyptus'
// binding failure, AWS's "Unknown attribute", and the plain words.
const UNSUPPORTED_MESSAGE =
  /failed to bind|unknown attribute|not (currently )?supported|unsupported|not implemented/i;

/** True when a refusal means "this cloud has no such attribute", not "this value is wrong". */
export function refusedAsUnsupported(error: CloudErrorData): boolean {
  // UnknownParameter: a server that has the action but not this attribute's parameter.
  return (
    isUnsupportedAction(error) ||
    error.code === 'UnknownParameter' ||
    UNSUPPORTED_MESSAGE.test(error.message)
  );
}
