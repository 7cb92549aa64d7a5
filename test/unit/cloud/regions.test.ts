import { afterEach, expect, test, vi } from 'vitest';
import type { AwsProfile } from '../../../src/cloud/profile';
import { describeRegions } from '../../../src/cloud/regions';
import type { Signer } from '../../../src/cloud/signer';

afterEach(() => vi.unstubAllGlobals());

const signer: Signer = {
  sign: async (request) => request,
  presign: async () => [],
  observeServerTime: async () => 0,
};
const profile: AwsProfile = {
  id: 'a',
  kind: 'aws',
  name: 'a',
  accessKeyId: 'AK',
  region: 'us-east-1',
};

test('the region switcher is offered only names that could be saved', async () => {
  const item = (name: string) =>
    `<item><regionName>${name}</regionName><regionEndpoint>x</regionEndpoint></item>`;
  const body = `<DescribeRegionsResponse><regionInfo>${[
    'us-east-1',
    'evil.com/x',
    'ap-northeast-1',
    'a@b',
  ]
    .map(item)
    .join('')}</regionInfo></DescribeRegionsResponse>`;
  vi.stubGlobal('fetch', async () => new Response(body, { status: 200 }));
  expect(await describeRegions(profile, signer)).toEqual(['ap-northeast-1', 'us-east-1']);
});
