// Settings of the EC2-compatible clouds Cirrus knows, for the profile form's preset buttons. A
// preset fills the port, the service paths and the signature; the host is the user's.

import { EUCALYPTUS_DEFAULTS, type SignatureVersion } from './profile';

export type CloudPresetId = 'eucalyptus-3' | 'eucalyptus-4' | 'openstack' | 'cloudstack';

export interface CloudPreset {
  id: CloudPresetId;
  port: number;
  ec2Path: string;
  /** '' when the cloud's object store is not on this host and port (say so in the form). */
  s3Path: string;
  signatureVersion: SignatureVersion;
  /** Only where the cloud needs its own. */
  apiVersion?: string;
  /** Eucalyptus only: its other services on the same host and port. */
  services?: { cloudwatchPath: string; euarePath: string; tokensPath: string };
  /** The object store is elsewhere: an S3-compatible profile reaches it. */
  separateS3: boolean;
}

const EUCALYPTUS_SERVICES = {
  cloudwatchPath: '/services/CloudWatch',
  euarePath: '/services/Euare',
  tokensPath: '/services/Tokens',
};

export const CLOUD_PRESETS: readonly CloudPreset[] = [
  {
    // Before 4.0 everything hung under /services/Eucalyptus and Walrus; SigV4 came in 4.2.
    id: 'eucalyptus-3',
    port: EUCALYPTUS_DEFAULTS.port,
    ec2Path: EUCALYPTUS_DEFAULTS.legacyEc2Path,
    s3Path: EUCALYPTUS_DEFAULTS.legacyS3Path,
    signatureVersion: 2,
    services: EUCALYPTUS_SERVICES,
    separateS3: false,
  },
  {
    id: 'eucalyptus-4',
    port: EUCALYPTUS_DEFAULTS.port,
    ec2Path: EUCALYPTUS_DEFAULTS.ec2Path,
    s3Path: EUCALYPTUS_DEFAULTS.s3Path,
    signatureVersion: 4,
    services: EUCALYPTUS_SERVICES,
    separateS3: false,
  },
  {
    // nova's EC2 API (nova-api, ec2 endpoint); its S3 (nova-objectstore, or Swift's s3api) is
    // another service on another port.
    id: 'openstack',
    port: 8773,
    ec2Path: '/services/Cloud',
    s3Path: '',
    signatureVersion: 2,
    separateS3: true,
  },
  {
    // CloudStack's AWS API bridge (awsapi, "CloudBridge"), which speaks EC2 API 2010-11-15.
    id: 'cloudstack',
    port: 7080,
    ec2Path: '/awsapi',
    s3Path: '',
    signatureVersion: 2,
    apiVersion: '2010-11-15',
    separateS3: true,
  },
];

export function cloudPreset(id: CloudPresetId): CloudPreset {
  const preset = CLOUD_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`No preset ${id}`);
  return preset;
}

/** The preset whose port, paths and signature a profile matches, if any. */
export function matchingPreset(fields: {
  port: number;
  ec2Path: string;
  s3Path: string;
  signatureVersion: SignatureVersion;
}): CloudPresetId | undefined {
  return CLOUD_PRESETS.find(
    (p) =>
      p.port === fields.port &&
      p.ec2Path === fields.ec2Path &&
      p.s3Path === fields.s3Path &&
      p.signatureVersion === fields.signatureVersion,
  )?.id;
}
