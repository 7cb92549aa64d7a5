// Detailed monitoring (CloudWatch data every minute instead of every 5): MonitorInstances and
// UnmonitorInstances, answering each instance's new monitoring state.

import { child } from '../../xml';
import { items, str } from '../fields';
import type { Ec2Operation } from '../operation';
import { flattenQuery } from '../query';

export interface MonitoringChange {
  instanceId: string;
  /** enabled | disabled | pending | disabling */
  state: string;
}

function monitoringChange(
  action: string,
): Ec2Operation<{ instanceIds: string[] }, MonitoringChange[]> {
  return {
    action,
    readOnly: false,
    params: (input) => flattenQuery({ InstanceId: input.instanceIds }),
    read: (doc) =>
      items(doc, 'instancesSet').map((item) => ({
        instanceId: str(item, 'instanceId'),
        state: str(child(item, 'monitoring'), 'state'),
      })),
  };
}

export const monitorInstances = monitoringChange('MonitorInstances');
export const unmonitorInstances = monitoringChange('UnmonitorInstances');
