// The scheduled-stop dialog's and details note's words and actions, loaded with them (not with
// the Instances list): days and times in the user's language, the form's check, add and remove.

import { call } from '../../shared/call';
import type { Messages } from '../../shared/messages';
import type { ResourcePanel } from '../components/resource-panel';
import { tempAccessRegion } from '../components/temp-access-list';
import { asError } from '../errors';
import { t } from '../i18n';

export const WEEKDAYS = [1, 2, 3, 4, 5];
export const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
/** Monday first, as most of the world's calendars show the week. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

type Ask = <K extends 'stopScheduleSave' | 'stopScheduleRemove'>(
  name: K,
  args: Messages[K]['args'],
) => Promise<Messages[K]['result']>;

/** "weekdays", "every day" or "Mon, Wed" in the browser's language. */
export function daysLabel(days: readonly number[], language?: string): string {
  const set = new Set(days);
  if (set.size === 7) return t('remDaysEveryDay');
  if (set.size === 5 && WEEKDAYS.every((d) => set.has(d))) return t('remDaysWeekdays');
  // 2023-01-01 was a Sunday: day d of the week is 1 January + d.
  const name = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  return WEEK_ORDER.filter((d) => set.has(d))
    .map((d) => name.format(Date.UTC(2023, 0, 1 + d)))
    .join(', ');
}

/** "Mon 20:00" for the next stop, in the user's clock. */
export const nextLabel = (at: number, language?: string): string =>
  new Date(at).toLocaleString(language, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/** What the dialog's form lacks, or null when it can be sent. */
export function scheduleProblem(days: readonly number[], time: string): string | null {
  if (days.length === 0) return t('remScheduleNoDays');
  if (!/^\d{1,2}:\d{2}$/.test(time)) return t('remScheduleNoTime');
  return null;
}

/** Adds (closing the dialog with a notice) and removes (keeping it open) scheduled stops. */
export function createStopScheduleActions<D>(panel: ResourcePanel<D>, ask: Ask = call) {
  return {
    add: (instanceIds: string[], days: number[], time: string) =>
      panel.act(async ({ profile }) => {
        await ask('stopScheduleSave', {
          profileId: profile.id,
          region: tempAccessRegion(profile),
          instanceIds,
          days,
          time,
        });
        return {
          key: 'remScheduleAdded',
          args: [instanceIds.join(', '), daysLabel(days), time],
        };
      }),
    async remove(id: string) {
      panel.dialogError.value = null;
      try {
        await ask('stopScheduleRemove', { id });
      } catch (e) {
        panel.dialogError.value = asError(e);
      }
    },
  };
}
