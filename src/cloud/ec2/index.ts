// The EC2 client: ec2Call/ec2List run any operation below; each operation is a description.

export { isRetryable, isThrottling, type RetryOptions } from '../retry';
export { decodeBase64Bytes, decodeBase64Utf8, encodeBase64Utf8 } from './base64';
export {
  apiVersionFor,
  buildEc2Request,
  type Ec2CallOptions,
  type Ec2ListOptions,
  ec2Call,
  ec2List,
} from './client';
export type { Ec2Items, Ec2ListOperation, Ec2Operation } from './operation';
export * from './operations/addresses';
export * from './operations/bundle-tasks';
export * from './operations/console';
export * from './operations/image-from-instance';
export * from './operations/images';
export * from './operations/instance-attributes';
export * from './operations/instance-status';
export * from './operations/instance-types';
export * from './operations/instances';
export * from './operations/keypairs';
export * from './operations/monitoring';
export * from './operations/password-data';
export * from './operations/regions';
export * from './operations/security-groups';
export * from './operations/snapshot-sharing';
export * from './operations/snapshots';
export * from './operations/tags';
export * from './operations/volumes';
export * from './operations/vpcs';
export * from './operations/zones';
export { type Filter, flattenQuery, type QueryParams } from './query';
export { type SshCommand, type SshRefusal, sshCommand, sshCommandFor } from './ssh';
export { parseEc2Time } from './time';
export type * from './types';
export { bundleTargetProblem, UPLOAD_POLICY_HOURS } from './upload-policy';
export {
  decryptWindowsPassword,
  type WindowsPasswordRefusal,
  type WindowsPasswordResult,
} from './windows-password';
