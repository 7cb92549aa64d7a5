// The instance settings dialog's form as plain data: filled from what the cloud answered, which
// controls may be used (stopped only, VPC only, supported by this cloud), the check on user data
// the launch dialog uses too, and the changes to send, only those that differ.

import type {
  Instance,
  InstanceAttributeChange,
  InstanceAttributeName,
  InstanceAttributes,
} from '../../cloud/ec2';
import {
  type UserDataFile,
  type UserDataProblem,
  userDataBase64,
  userDataProblem,
  viewUserData,
} from '../components/user-data';
import type { AttributeReadings } from './load-instance-attributes';

export interface SettingsForm {
  instanceType: string;
  disableApiTermination: boolean;
  instanceInitiatedShutdownBehavior: string;
  sourceDestCheck: boolean;
  /** The text to send as user data (starts as the current text, or '' for none or binary). */
  userData: string;
  userDataFile: UserDataFile | null;
  /** Only user data typed or chosen is sent: binary user data is never replaced by the ''. */
  userDataEdited: boolean;
}

export interface SettingsContext {
  instance: Pick<Instance, 'state' | 'vpcId'>;
  readings: AttributeReadings;
  /** What this profile's cloud refused as not supported. */
  unsupported: ReadonlySet<InstanceAttributeName>;
}

function known<K extends InstanceAttributeName>(
  readings: AttributeReadings,
  name: K,
): InstanceAttributes[K] | undefined {
  const reading = readings[name];
  return reading?.state === 'ok' ? (reading.value as InstanceAttributes[K]) : undefined;
}

export function settingsFormFrom(readings: AttributeReadings): SettingsForm {
  const userData = viewUserData(known(readings, 'userData') ?? '');
  return {
    instanceType: known(readings, 'instanceType') ?? '',
    disableApiTermination: known(readings, 'disableApiTermination') ?? false,
    instanceInitiatedShutdownBehavior: known(readings, 'instanceInitiatedShutdownBehavior') ?? '',
    sourceDestCheck: known(readings, 'sourceDestCheck') ?? true,
    userData: userData.kind === 'text' ? userData.text : '',
    userDataFile: null,
    userDataEdited: false,
  };
}

export type Blocked = 'unsupported' | 'unknown' | 'needs-stop' | 'vpc-only';

/** Why a control cannot be used now, or null when it can. */
export function blockedReason(name: InstanceAttributeName, ctx: SettingsContext): Blocked | null {
  if (ctx.unsupported.has(name) || ctx.readings[name]?.state === 'unsupported')
    return 'unsupported';
  if (name === 'sourceDestCheck' && !ctx.instance.vpcId) return 'vpc-only';
  // Without the current value a change could not be told from no change.
  if (ctx.readings[name]?.state !== 'ok') return 'unknown';
  // EC2 and Eucalyptus change the type and the user data of a stopped instance only.
  if ((name === 'instanceType' || name === 'userData') && ctx.instance.state.name !== 'stopped')
    return 'needs-stop';
  return null;
}

export interface SettingsProblems {
  userData?: UserDataProblem;
}

export function validateSettings(form: SettingsForm): SettingsProblems {
  if (!form.userDataEdited) return {};
  const userData = userDataProblem(form);
  return userData ? { userData } : {};
}

function sameBytes(a: string, b: string): boolean {
  try {
    return atob(a.replace(/\s+/g, '')) === atob(b.replace(/\s+/g, ''));
  } catch {
    return a === b;
  }
}

/** What Save sends, in a fixed order: only controls that may be used, only values that differ. */
export function settingsChanges(
  form: SettingsForm,
  ctx: SettingsContext,
): InstanceAttributeChange[] {
  const changes: InstanceAttributeChange[] = [];
  const open = (name: InstanceAttributeName) => blockedReason(name, ctx) === null;
  const before = (name: InstanceAttributeName) => known(ctx.readings, name);
  if (open('instanceType') && form.instanceType && form.instanceType !== before('instanceType'))
    changes.push({ attribute: 'instanceType', value: form.instanceType });
  if (
    open('disableApiTermination') &&
    form.disableApiTermination !== before('disableApiTermination')
  )
    changes.push({ attribute: 'disableApiTermination', value: form.disableApiTermination });
  if (
    open('instanceInitiatedShutdownBehavior') &&
    form.instanceInitiatedShutdownBehavior &&
    form.instanceInitiatedShutdownBehavior !== before('instanceInitiatedShutdownBehavior')
  )
    changes.push({
      attribute: 'instanceInitiatedShutdownBehavior',
      value: form.instanceInitiatedShutdownBehavior,
    });
  if (open('sourceDestCheck') && form.sourceDestCheck !== before('sourceDestCheck'))
    changes.push({ attribute: 'sourceDestCheck', value: form.sourceDestCheck });
  if (open('userData') && form.userDataEdited) {
    const value = userDataBase64(form);
    if (!sameBytes(value, String(before('userData') ?? '')))
      changes.push({ attribute: 'userData', value });
  }
  return changes;
}

/** Whether the cloud now holds what a change asked for (read back after the change). */
export function holds(change: InstanceAttributeChange, value: unknown): boolean {
  if (change.attribute === 'userData') return sameBytes(change.value, String(value ?? ''));
  return value === change.value;
}
