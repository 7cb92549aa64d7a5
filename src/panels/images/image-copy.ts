// Copy to region: CopyImage goes to the destination region's endpoint, signed for that region,
// and names the source region; on AWS the regions are the profile's DescribeRegions.

import { type CopyImageInput, copyImage, ec2Call } from '../../cloud/ec2';
import { describeRegions } from '../../cloud/regions';
import type { Signer } from '../../cloud/signer';
import { remoteSigner } from '../../shared/remote-signer';
import type { ResourcePanel } from '../components/resource-panel';
import { createUnsupportedFeatures } from '../components/unsupported-features';
import type { CurrentProfile } from '../current-profile';

export type SignerFor = (profileId: string, region: string) => Signer;

/** The profile and signer for a call in `region`: the current ones when it is the same region. */
export function inRegion(
  current: CurrentProfile,
  region: string,
  signerFor: SignerFor,
): CurrentProfile {
  if (region === current.profile.region) return current;
  return { profile: { ...current.profile, region }, signer: signerFor(current.profile.id, region) };
}

/** Regions to copy to: DescribeRegions on AWS, the one region elsewhere. */
export async function copyRegions(current: CurrentProfile): Promise<string[]> {
  if (current.profile.kind !== 'aws') return [current.profile.region];
  return describeRegions(current.profile, current.signer);
}

export function createImageCopy(
  panel: Pick<ResourcePanel<unknown>, 'act' | 'current'>,
  signerFor: SignerFor = remoteSigner,
) {
  const unsupported = createUnsupportedFeatures<'copyImage'>();
  return {
    unsupported,
    regions: async () => {
      const current = panel.current();
      return current ? copyRegions(current) : [];
    },
    /** Copies an image of the current region into `region`; the notice names the new image. */
    copy: (region: string, input: Omit<CopyImageInput, 'sourceRegion'>) =>
      panel.act(async (current) => {
        const sourceRegion = current.profile.region;
        const target = inRegion(current, region, signerFor);
        const imageId = await unsupported.guard(current.profile, 'copyImage', () =>
          ec2Call(copyImage, target.profile, target.signer, { ...input, sourceRegion }),
        );
        return { key: 'imgCopyStarted', args: [input.sourceImageId, region, imageId] };
      }),
  };
}
