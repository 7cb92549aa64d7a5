import { endpointFor } from './endpoints';
import { CloudError } from './errors';
import { sendForText } from './http';
import { AWS_EC2_API_VERSION, type Profile } from './profile';
import type { Signer } from './signer';
import { child, list, parseXml, root, text } from './xml';

/** Region names from EC2 DescribeRegions, sorted; what the header's region switcher offers. */
export async function describeRegions(profile: Profile, signer: Signer): Promise<string[]> {
  const endpoint = endpointFor(profile, 'ec2');
  if (!endpoint)
    throw new CloudError({ code: 'NoEndpoint', message: 'This profile has no EC2 endpoint' });
  const version = profile.kind === 'eucalyptus' ? profile.apiVersion : AWS_EC2_API_VERSION;
  const response = await sendForText(
    {
      method: 'POST',
      url: `${endpoint.baseUrl}/`,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: `Action=DescribeRegions&Version=${encodeURIComponent(version)}`,
    },
    signer,
    'ec2',
  );
  const top = root(parseXml(response.text));
  const names = list(child(child(top.value, 'regionInfo'), 'item')).map((item) =>
    text(child(item, 'regionName')),
  );
  return names.filter(Boolean).sort();
}
