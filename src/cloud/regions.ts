import { type Ec2CallOptions, ec2List } from './ec2/client';
import { describeRegionsOp } from './ec2/operations/regions';
import type { Profile } from './profile';
import { isRegion } from './profile-validation';
import type { Signer } from './signer';

/** Region names from EC2 DescribeRegions, sorted; what the header's region switcher offers. */
export async function describeRegions(
  profile: Profile,
  signer: Signer,
  opts: Ec2CallOptions = {},
): Promise<string[]> {
  const regions = await ec2List(describeRegionsOp, profile, signer, {}, opts);
  // Names come from the cloud and end up in host names: only what Save would accept is offered.
  return regions
    .map((r) => r.regionName)
    .filter(isRegion)
    .sort();
}
