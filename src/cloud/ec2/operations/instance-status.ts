// DescribeInstanceStatus: the system and instance status checks of each instance and the events
// the cloud has scheduled for it (a reboot, maintenance, a retirement). Older Eucalyptus does not
// have the action at all; isStatusUnsupported tells that answer from a real failure.

import { isUnsupportedAction } from '../../unsupported';
import type { XmlValue } from '../../xml';
import { child, isElement } from '../../xml';
import { items, readState, str } from '../fields';
import { listOperation } from '../operation';
import { type Filter, filterParams, flattenQuery } from '../query';
import type { InstanceState } from '../types';

export interface StatusCheckDetail {
  /** reachability */
  name: string;
  /** passed | failed | insufficient-data | initializing */
  status: string;
  /** Raw; when the check started failing. */
  impairedSince: string;
}

export interface StatusSummary {
  /** ok | impaired | insufficient-data | not-applicable | initializing; '' when not sent */
  status: string;
  details: StatusCheckDetail[];
}

/** instance-reboot | system-reboot | system-maintenance | instance-retirement | instance-stop */
export interface ScheduledEvent {
  instanceEventId: string;
  code: string;
  /** Starts with "[Completed]" or "[Canceled]" for an event that is over but still listed. */
  description: string;
  /** Raw times; parseEc2Time() for a Date. */
  notBefore: string;
  notAfter: string;
  notBeforeDeadline: string;
}

export interface InstanceStatus {
  instanceId: string;
  availabilityZone: string;
  instanceState: InstanceState;
  systemStatus: StatusSummary;
  instanceStatus: StatusSummary;
  /** The check of attached EBS volumes that newer AWS instances have; status '' elsewhere. */
  attachedEbsStatus: StatusSummary;
  events: ScheduledEvent[];
}

function readSummary(node: XmlValue | undefined): StatusSummary {
  if (!isElement(node)) return { status: '', details: [] };
  return {
    status: str(node, 'status'),
    details: items(node, 'details').map((item) => ({
      name: str(item, 'name'),
      status: str(item, 'status'),
      impairedSince: str(item, 'impairedSince'),
    })),
  };
}

export function readInstanceStatus(item: XmlValue): InstanceStatus {
  return {
    instanceId: str(item, 'instanceId'),
    availabilityZone: str(item, 'availabilityZone'),
    instanceState: readState(child(item, 'instanceState')),
    systemStatus: readSummary(child(item, 'systemStatus')),
    instanceStatus: readSummary(child(item, 'instanceStatus')),
    attachedEbsStatus: readSummary(child(item, 'attachedEbsStatus')),
    events: items(item, 'eventsSet').map((event) => ({
      instanceEventId: str(event, 'instanceEventId'),
      code: str(event, 'code'),
      description: str(event, 'description'),
      notBefore: str(event, 'notBefore'),
      notAfter: str(event, 'notAfter'),
      notBeforeDeadline: str(event, 'notBeforeDeadline'),
    })),
  };
}

export interface DescribeInstanceStatusInput {
  instanceIds?: string[];
  filters?: Filter[];
  /** Also stopped and pending instances (AWS leaves them out otherwise). Default true. */
  includeAllInstances?: boolean;
  /** AWS pages at this size (5-1000; not with instanceIds). Eucalyptus and moto ignore it. */
  maxResults?: number;
}

export const describeInstanceStatus = listOperation<DescribeInstanceStatusInput, InstanceStatus>({
  action: 'DescribeInstanceStatus',
  params: (input) =>
    flattenQuery({
      InstanceId: input.instanceIds,
      Filter: filterParams(input.filters),
      IncludeAllInstances: input.includeAllInstances ?? true,
      MaxResults: input.maxResults,
    }),
  path: ['instanceStatusSet', 'item'],
  read: (item) => [readInstanceStatus(item)],
});

/** True when the cloud says it has no DescribeInstanceStatus, not that the call failed. */
export function isStatusUnsupported(error: unknown): boolean {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : '';
  return typeof code === 'string' && isUnsupportedAction({ code, message: '' });
}
