// DescribeRegions as an operation; src/cloud/regions.ts keeps its describeRegions() on top.

import { str } from '../fields';
import { listOperation } from '../operation';
import { flattenQuery } from '../query';

export interface Region {
  regionName: string;
  regionEndpoint: string;
}

export const describeRegionsOp = listOperation<{ regionNames?: string[] }, Region>({
  action: 'DescribeRegions',
  params: (input) => flattenQuery({ RegionName: input.regionNames }),
  path: ['regionInfo', 'item'],
  read: (item) => [
    { regionName: str(item, 'regionName'), regionEndpoint: str(item, 'regionEndpoint') },
  ],
});
