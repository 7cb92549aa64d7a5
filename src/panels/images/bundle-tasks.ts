// The Images panel's "Bundle tasks" list: asked for only while shown (most clouds have none, and
// moto none at all), polled while a task is under way, with Cancel and, once a task is complete,
// Register image prefilled with its manifest.

import { signal } from '@preact/signals';
import {
  BUNDLE_BUSY_STATES,
  type BundleTask,
  cancelBundleTask,
  describeBundleTasks,
  ec2Call,
  ec2List,
} from '../../cloud/ec2';
import { createResourceList } from '../components/resource-list';
import type { ResourcePanel } from '../components/resource-panel';
import { createUnsupportedFeatures } from '../components/unsupported-features';

export type BundleFeature = 'bundleTasks' | 'cancelBundle';

export function createBundleTasks(options: { pollMs?: number } = {}) {
  const shown = signal(false);
  const unsupported = createUnsupportedFeatures<BundleFeature>();
  const list = createResourceList<BundleTask>({
    fetch: ({ profile, signer }) =>
      shown.value
        ? unsupported.guard(profile, 'bundleTasks', () =>
            ec2List(describeBundleTasks, profile, signer, {}),
          )
        : Promise.resolve([]),
    key: (task) => task.bundleId,
    busy: (task) => BUNDLE_BUSY_STATES.has(task.state),
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
  });
  return {
    list,
    shown,
    unsupported,
    show(next: boolean) {
      shown.value = next;
      void list.load();
    },
  };
}

export type BundleTasks = ReturnType<typeof createBundleTasks>;

export function bundleTaskActions(
  panel: Pick<ResourcePanel<unknown>, 'act'>,
  tasks: Pick<BundleTasks, 'unsupported'>,
) {
  return {
    cancel: (bundleId: string) =>
      panel.act(async ({ profile, signer }) => {
        await tasks.unsupported.guard(profile, 'cancelBundle', () =>
          ec2Call(cancelBundleTask, profile, signer, { bundleId }),
        );
        return { key: 'imgBundleCancelling', args: [bundleId] };
      }),
  };
}
