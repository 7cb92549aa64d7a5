// What the IAM (Euare) answers are read into. Names and dates stay strings, as the cloud sent them.

export interface IamUser {
  userName: string;
  userId: string;
  arn: string;
  path: string;
  createDate: string;
  /** Only GetUser gives it, and only for users who signed in with a password. */
  passwordLastUsed: string;
}

export interface IamGroup {
  groupName: string;
  groupId: string;
  arn: string;
  path: string;
  createDate: string;
}

export interface IamRole {
  roleName: string;
  roleId: string;
  arn: string;
  path: string;
  createDate: string;
  description: string;
  /** The trust policy, decoded (the cloud sends it URL-encoded); '' when the answer had none. */
  trustPolicy: string;
}

export type AccessKeyStatus = 'Active' | 'Inactive';

export interface AccessKey {
  userName: string;
  accessKeyId: string;
  status: AccessKeyStatus;
  createDate: string;
}

/** CreateAccessKey's answer: the only time the cloud ever gives the secret. */
export interface CreatedAccessKey extends AccessKey {
  secretAccessKey: string;
}

export interface AccessKeyLastUsed {
  /** '' when never used. */
  lastUsedDate: string;
  serviceName: string;
  region: string;
}

export interface LoginProfile {
  userName: string;
  createDate: string;
  passwordResetRequired: boolean;
}

export interface ManagedPolicy {
  policyName: string;
  policyId: string;
  arn: string;
  path: string;
  defaultVersionId: string;
  attachmentCount: string;
  createDate: string;
  updateDate: string;
  description: string;
}

export interface PolicyVersion {
  versionId: string;
  isDefaultVersion: boolean;
  createDate: string;
  /** Decoded JSON text; '' in a listing, which carries no documents. */
  document: string;
}

export interface AttachedPolicy {
  policyName: string;
  policyArn: string;
}

/** A Eucalyptus account (Euare's own actions; AWS has nothing like it). */
export interface EucaAccount {
  accountName: string;
  accountId: string;
}

/** Who an inline policy or an attached policy belongs to. */
export type PrincipalKind = 'User' | 'Group' | 'Role';

export interface Principal {
  kind: PrincipalKind;
  name: string;
}
