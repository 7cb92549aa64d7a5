// Profile shapes shared by storage, the background and the panels. No secrets here:
// the secret access key and session token live in the keychain (src/background/keychain.ts).

import type { RoleEntry } from './sts/role-checks';

export type SignatureVersion = 2 | 4;
export type ProfileKind = 'aws' | 'eucalyptus' | 's3';

interface ProfileBase {
  id: string;
  name: string;
  /** The access key id is not secret (it appears in every signed request), so it is kept here. */
  accessKeyId: string;
}

/** STS features of a cloud with AWS's STS (AWS, Eucalyptus 4's Tokens service). */
interface StsOptions {
  /** The MFA device: a hardware serial or a virtual device's ARN. */
  mfaSerial?: string;
  /** Roles to switch to from the header. */
  roles?: RoleEntry[];
}

export interface AwsProfile extends ProfileBase, StsOptions {
  kind: 'aws';
  region: string;
}

export interface EucalyptusProfile extends ProfileBase, StsOptions {
  kind: 'eucalyptus';
  host: string;
  port: number;
  https: boolean;
  /** e.g. /services/compute (4.x) or /services/Eucalyptus (before 4.0) */
  ec2Path: string;
  /** e.g. /services/objectstorage (4.x) or /services/Walrus (before 4.0) */
  s3Path: string;
  /** Host of the object store when it is not the cloud controller's host; '' means the same host. */
  s3Host: string;
  region: string;
  signatureVersion: SignatureVersion;
  apiVersion: string;
  /** CloudWatch's path; absent in profiles saved before it existed (then the default). */
  cloudwatchPath?: string;
  /** Euare (IAM)'s path; absent means the default. */
  euarePath?: string;
  /** Tokens (STS, and the password login)'s path; absent means the default. */
  tokensPath?: string;
  /**
   * 'password': the profile holds no keys; it signs with temporary keys from a password login
   * (Tokens GetAccessToken), kept in storage.session. Absent means 'keys'.
   */
  signIn?: 'keys' | 'password';
  /** Password sign-in: the account's name (alias) or 12-digit id. */
  account?: string;
  /** Password sign-in: the user's name in that account. */
  user?: string;
}

export interface S3CompatibleProfile extends ProfileBase {
  kind: 's3';
  /** Base URL of the store, e.g. https://minio.example.com:9000 (a path prefix is allowed). */
  endpoint: string;
  pathStyle: boolean;
  region: string;
  signatureVersion: SignatureVersion;
}

export type Profile = AwsProfile | EucalyptusProfile | S3CompatibleProfile;

/** The secret half of a credential; only the background ever holds it. */
export interface Secret {
  secretAccessKey: string;
  sessionToken?: string;
}

export interface Credentials extends Secret {
  accessKeyId: string;
}

export const EUCALYPTUS_DEFAULTS = {
  port: 8773,
  /** New profiles talk HTTPS unless the user unticks it; imports keep what their file says. */
  https: true,
  ec2Path: '/services/compute',
  s3Path: '/services/objectstorage',
  legacyEc2Path: '/services/Eucalyptus',
  legacyS3Path: '/services/Walrus',
  cloudwatchPath: '/services/CloudWatch',
  euarePath: '/services/Euare',
  tokensPath: '/services/Tokens',
  region: 'eucalyptus',
  signatureVersion: 4 as SignatureVersion,
  /** Accepted by Eucalyptus 3.x and 4.x alike (see README). */
  apiVersion: '2013-02-01',
} as const;

export const AWS_EC2_API_VERSION = '2016-11-15';
