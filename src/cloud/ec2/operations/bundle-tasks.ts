// Instance-store images from a running instance: BundleInstance copies its root file system into
// an S3 bucket as a bundle (image.manifest.xml and parts), which RegisterImage then registers.
// Eucalyptus does this for Linux instances; AWS only for Windows instance-store ones.

import type { XmlElement, XmlValue } from '../../xml';
import { child } from '../../xml';
import { str } from '../fields';
import { type Ec2Operation, listOperation } from '../operation';
import { flattenQuery } from '../query';

export interface BundleTask {
  bundleId: string;
  instanceId: string;
  /** pending | waiting-for-shutdown | bundling | storing | cancelling | complete | failed */
  state: string;
  startTime: string;
  updateTime: string;
  /** e.g. '70%' */
  progress: string;
  bucket: string;
  prefix: string;
  errorCode: string;
  errorMessage: string;
}

/** A bundle task, as DescribeBundleTasks lists it and BundleInstance answers it. */
export function readBundleTask(node: XmlValue | undefined): BundleTask {
  const s3 = child(child(node, 'storage'), 'S3');
  const error = child(node, 'error');
  return {
    bundleId: str(node, 'bundleId'),
    instanceId: str(node, 'instanceId'),
    state: str(node, 'state'),
    startTime: str(node, 'startTime'),
    updateTime: str(node, 'updateTime'),
    progress: str(node, 'progress'),
    bucket: str(s3, 'bucket'),
    prefix: str(s3, 'prefix'),
    errorCode: str(error, 'code'),
    errorMessage: str(error, 'message'),
  };
}

/** States a task leaves by itself: the list polls while one is shown. */
export const BUNDLE_BUSY_STATES = new Set([
  'pending',
  'waiting-for-shutdown',
  'bundling',
  'storing',
  'cancelling',
  // The spelling of AWS's own CancelBundleTask example.
  'canceling',
]);

/** States in which CancelBundleTask still means something. */
export const BUNDLE_CANCELLABLE_STATES = new Set([
  'pending',
  'waiting-for-shutdown',
  'bundling',
  'storing',
]);

/** The manifest a complete task leaves in its bucket, for RegisterImage. */
export function bundleManifestLocation(task: Pick<BundleTask, 'bucket' | 'prefix'>): string {
  return `${task.bucket}/${task.prefix}.manifest.xml`;
}

/** The S3 half of BundleInstance: where the bundle goes and the signed permission to put it there. */
export interface BundleStorage {
  bucket: string;
  prefix: string;
  /** The bucket owner's access key id: the one the upload policy is signed with. */
  awsAccessKeyId: string;
  /** base64 of the JSON upload policy. */
  uploadPolicy: string;
  /** base64 HMAC-SHA1 of `uploadPolicy` with the owner's secret key. */
  uploadPolicySignature: string;
}

export interface BundleInstanceInput {
  instanceId: string;
  storage: BundleStorage;
}

export const bundleInstance: Ec2Operation<BundleInstanceInput, BundleTask> = {
  action: 'BundleInstance',
  readOnly: false,
  params: ({ instanceId, storage }) =>
    flattenQuery({
      InstanceId: instanceId,
      Storage: {
        S3: {
          Bucket: storage.bucket,
          Prefix: storage.prefix,
          AWSAccessKeyId: storage.awsAccessKeyId,
          UploadPolicy: storage.uploadPolicy,
          UploadPolicySignature: storage.uploadPolicySignature,
        },
      },
    }),
  read: (doc) => readBundleTask(child(doc, 'bundleInstanceTask')),
};

export const describeBundleTasks = listOperation<{ bundleIds?: string[] }, BundleTask>({
  action: 'DescribeBundleTasks',
  params: (input) => flattenQuery({ BundleId: input.bundleIds }),
  path: ['bundleInstanceTasksSet', 'item'],
  read: (item: XmlElement) => [readBundleTask(item)],
});

export const cancelBundleTask: Ec2Operation<{ bundleId: string }, BundleTask> = {
  action: 'CancelBundleTask',
  readOnly: false,
  params: (input) => flattenQuery({ BundleId: input.bundleId }),
  read: (doc) => readBundleTask(child(doc, 'bundleInstanceTask')),
};
