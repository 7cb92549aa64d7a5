import type { StopSchedule } from '../../storage/items';
import { t } from '../i18n';
import { daysLabel, nextLabel } from './stop-schedule-text';

/** The chosen instance's scheduled stops (see "Schedule stop…"), if any. */
export function StopScheduleNote({ schedules }: { schedules: readonly StopSchedule[] }) {
  if (schedules.length === 0) return null;
  return (
    <section class="details stop-schedule" aria-label={t('remScheduledNote')}>
      <h3>{t('remScheduledNote')}</h3>
      <ul>
        {schedules.map((s) => (
          <li key={s.id} data-schedule={s.id}>
            {t('remScheduledNoteRow', daysLabel(s.days), s.time, nextLabel(s.nextAt))}
          </li>
        ))}
      </ul>
    </section>
  );
}
