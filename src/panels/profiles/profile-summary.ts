import { endpointFor } from '../../cloud/endpoints';
import type { Profile, ProfileKind } from '../../cloud/profile';
import type { MessageKey } from '../i18n';

export const KIND_KEYS: Record<ProfileKind, MessageKey> = {
  aws: 'kindAws',
  eucalyptus: 'kindEucalyptus',
  s3: 'kindS3',
};

/** One line that tells a person where a profile points. */
export function endpointSummary(profile: Profile): string {
  if (profile.kind === 'aws') return profile.region;
  try {
    return (endpointFor(profile, profile.kind === 's3' ? 's3' : 'ec2')?.baseUrl ?? '').replace(
      /^https?:\/\//,
      '',
    );
  } catch {
    return '';
  }
}
