// The Overview's profiles and signers as the extension's pages have them, and the switch of
// current profile and region that opening an instance (or an idle volume) in its own tab needs.

import type { Profile } from '../../cloud/profile';
import { call } from '../../shared/call';
import { remoteSigner } from '../../shared/remote-signer';
import type { OverviewSource } from './overview-model';

export const browserOverviewSource: OverviewSource = {
  async load() {
    const view = await call('profilesList', {});
    return { profiles: view.profiles, locked: view.keychain.locked };
  },
  // Only an AWS profile's region goes into its endpoint; the others have their one region.
  signerFor: (profile: Profile, region: string) =>
    remoteSigner(profile.id, profile.kind === 'aws' ? region : undefined),
};

/** Makes the profile current, in `region` for an AWS profile, as the header's switchers do. */
export async function switchProfileAndRegion(profileId: string, region: string): Promise<void> {
  const view = await call('profilesList', {});
  const profile = view.profiles.find((p) => p.id === profileId);
  if (!profile) throw new Error(`No profile ${profileId}`);
  if (view.currentId !== profileId) await call('profileSetCurrent', { id: profileId });
  if (profile.kind === 'aws' && region !== '' && profile.region !== region) {
    await call('profileSave', { profile: { ...profile, region } });
  }
}
