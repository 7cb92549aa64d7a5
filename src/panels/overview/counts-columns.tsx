// The columns of the Overview's counts: one row per region of a profile, and one for its buckets.

import { hintFor } from '../../cloud/connection-test';
import type { CloudErrorData } from '../../cloud/errors';
import { HINT_KEYS } from '../components/error-message';
import type { Column } from '../components/virtual-table';
import { t } from '../i18n';
import { formatAge } from './durations';
import type { OverviewEntry } from './overview-model';

/** An error in plain words: what to do about it when that is known, and the server's message. */
export function plainError(error: CloudErrorData): string {
  const hint = error.code === 'KeychainLocked' ? 'hintKeychainLocked' : HINT_KEYS[hintFor(error)];
  return hint === 'hintUnknown' ? error.message : `${t(hint)} (${error.message})`;
}

// Date.toLocaleString makes a formatter per call; the table shows hundreds of times.
const localTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function countsColumns(now: number, locale: string): Column<OverviewEntry>[] {
  const count = (id: string, label: string, pick: (e: OverviewEntry) => number | undefined) => ({
    id,
    label,
    value: (e: OverviewEntry) => String(pick(e) ?? ''),
    sortValue: (e: OverviewEntry) => pick(e) ?? -1,
    width: '6em',
  });
  return [
    { id: 'profile', label: t('ovColProfile'), value: (e) => e.profileName, width: '12em' },
    {
      id: 'region',
      label: t('ovColRegion'),
      value: (e) =>
        e.kind === 'buckets'
          ? t('ovBucketsRow')
          : e.kind === 'regions'
            ? t('ovRegionsRow')
            : e.region,
      width: '10em',
    },
    count('running', t('ovColRunning'), (e) => e.summary?.instances.running),
    count('stopped', t('ovColStopped'), (e) => e.summary?.instances.stopped),
    count('other', t('ovColOther'), (e) => e.summary?.instances.other),
    count('volumesAttached', t('ovColVolumesAttached'), (e) => e.summary?.volumes.attached),
    count('volumesAvailable', t('ovColVolumesAvailable'), (e) => e.summary?.volumes.available),
    count(
      'addressesAssociated',
      t('ovColAddressesAssociated'),
      (e) => e.summary?.addresses.associated,
    ),
    count('addressesFree', t('ovColAddressesFree'), (e) => e.summary?.addresses.unassociated),
    count('buckets', t('ovColBuckets'), (e) => e.buckets),
    {
      id: 'fetched',
      label: t('ovColFetched'),
      // The text (and the hover title) is the local time; the cell shows how long ago.
      value: (e) => (e.at === null ? '' : localTime.format(e.at)),
      sortValue: (e) => e.at ?? 0,
      render: (e) => {
        const state = e.loading ? t('ovFetching') : '';
        if (e.at === null) return state || t('ovNotYet');
        return (
          <>
            <time dateTime={new Date(e.at).toISOString()}>{formatAge(now - e.at, locale)}</time>
            {state && ` · ${state}`}
          </>
        );
      },
      width: '10em',
    },
    {
      id: 'problem',
      label: t('ovColProblem'),
      value: (e) => (e.error ? plainError(e.error) : ''),
      render: (e) => e.error && <span class="error">{plainError(e.error)}</span>,
      width: '24em',
    },
  ];
}
