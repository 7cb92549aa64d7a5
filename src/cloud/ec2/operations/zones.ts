// Availability zones. Eucalyptus answers `ZoneName.1=verbose` (administrators only) with extra
// rows that are not zones: `|- vm types` and one `|- m1.small` row per type whose state is
// "free / max  cpu  ram  disk". parseCapacity turns those into capacity and keeps them out of
// the zone list.

import { items, str } from '../fields';
import { listOperation } from '../operation';
import { type Filter, filterParams, flattenQuery } from '../query';

export interface ZoneRow {
  zoneName: string;
  /** 'available'; in verbose rows the cluster's address, or capacity text. */
  zoneState: string;
  regionName: string;
  messages: string[];
}

export interface DescribeZonesInput {
  zoneNames?: string[];
  /** Eucalyptus: ask for per-type capacity (ZoneName.1=verbose). AWS rejects it. */
  verbose?: boolean;
  filters?: Filter[];
}

export const describeAvailabilityZones = listOperation<DescribeZonesInput, ZoneRow>({
  action: 'DescribeAvailabilityZones',
  params: (input) =>
    flattenQuery({
      ZoneName: [...(input.verbose ? ['verbose'] : []), ...(input.zoneNames ?? [])],
      Filter: filterParams(input.filters),
    }),
  path: ['availabilityZoneInfo', 'item'],
  read: (item) => [
    {
      zoneName: str(item, 'zoneName'),
      zoneState: str(item, 'zoneState'),
      regionName: str(item, 'regionName'),
      messages: items(item, 'messageSet')
        .map((m) => str(m, 'message'))
        .filter(Boolean),
    },
  ],
});

export interface TypeCapacity {
  name: string;
  free: number;
  max: number;
  cpu: number;
  /** MiB */
  ram: number;
  /** GiB */
  disk: number;
}

export interface ClusterCapacity {
  /** The zone (Eucalyptus partition / cluster) these rows follow. */
  zone: string;
  /** The cluster controller's address when the row names one ('' otherwise). */
  host: string;
  /** The zone row's state text as sent, e.g. "10.0.0.5 arn:euca:…:cluster:cc-1/". */
  state: string;
  types: TypeCapacity[];
}

export interface ZonesWithCapacity {
  zones: ZoneRow[];
  capacity: ClusterCapacity[];
}

// "0004 / 0004   1    128     2": free / max, cpu, ram (MiB), disk (GiB).
const CAPACITY = /^(\d+)\s*\/\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*$/;
const STATE_WORDS =
  /^(available|unavailable|impaired|information|constrained|opt-in-not-required)$/i;

/** Splits verbose rows into real zones and per-zone capacity; plain zone lists pass through. */
export function parseCapacity(rows: readonly ZoneRow[]): ZonesWithCapacity {
  const zones: ZoneRow[] = [];
  const capacity: ClusterCapacity[] = [];
  let current: ClusterCapacity | undefined;
  for (const row of rows) {
    const name = row.zoneName.trim();
    if (!name.startsWith('|')) {
      zones.push(row);
      const first = row.zoneState.trim().split(/\s+/)[0] ?? '';
      current = {
        zone: name,
        host: first && !STATE_WORDS.test(first) ? first : '',
        state: row.zoneState.trim(),
        types: [],
      };
      capacity.push(current);
      continue;
    }
    // Fake rows: `|- vm types` (the header), `|- m1.small` (capacity), OpenStack's `| |- host`.
    const m = CAPACITY.exec(row.zoneState.trim());
    if (!m || !current) continue;
    const [free, max, cpu, ram, disk] = m.slice(1, 6).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    current.types.push({ name: name.replace(/^\|-\s*/, ''), free, max, cpu, ram, disk });
  }
  return { zones, capacity: capacity.filter((c) => c.types.length > 0) };
}
