// `npm start` runs a local moto server and writes sandbox.json into the build, so a new user
// finds a ready "Local sandbox" profile and can try every panel without a cloud account.
import { AWS_EC2_API_VERSION, type EucalyptusProfile } from '../cloud/profile';
import browser from '../shared/browser';
import { profilesState } from '../storage/items';
import { saveProfile, setCurrentProfile } from './profile-store';

export interface SandboxConfig {
  host: string;
  port: number;
}

/** moto is AWS-shaped: EC2 and path-style S3 at the root of one port; it checks no signatures. */
export function sandboxProfile(config: SandboxConfig, name: string): EucalyptusProfile {
  return {
    id: '',
    kind: 'eucalyptus',
    name,
    accessKeyId: 'SANDBOXACCESSKEY0001',
    host: config.host,
    port: config.port,
    https: false,
    ec2Path: '',
    s3Path: '',
    s3Host: '',
    region: 'us-east-1',
    signatureVersion: 4,
    apiVersion: AWS_EC2_API_VERSION,
  };
}

export async function seedSandbox(): Promise<void> {
  const response = await fetch(browser.runtime.getURL('sandbox.json')).catch(() => null);
  if (!response?.ok) return;
  const config = (await response.json()) as SandboxConfig;
  const name = browser.i18n.getMessage('sandboxProfileName');
  const { profiles } = await profilesState.get();
  const existing = profiles.find((p) => p.name === name && p.kind === 'eucalyptus');
  const profile = sandboxProfile(config, name);
  const saved = await saveProfile({
    profile: existing ? { ...profile, id: existing.id } : profile,
    secret: { secretAccessKey: 'sandbox-secret-key-not-checked-by-moto' },
  });
  await setCurrentProfile(saved.id);
}
