import { useMemo, useState } from 'preact/hooks';
import { Dialog } from '../components/dialog';
import { t } from '../i18n';
import type { InstancesModel } from './instances-model';
import {
  createStopScheduleActions,
  daysLabel,
  EVERY_DAY,
  nextLabel,
  scheduleProblem,
  WEEK_ORDER,
  WEEKDAYS,
} from './stop-schedule-text';
import { schedulesOfProfile } from './stop-schedules';

/** Weekday names for the check boxes, Monday first, in the browser's language. */
const dayName = (d: number) =>
  new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' }).format(
    Date.UTC(2023, 0, 1 + d),
  );

/** Days and a local time to stop the chosen instances, and the profile's schedules to remove. */
export function StopScheduleDialog({ model, ids }: { model: InstancesModel; ids: string[] }) {
  const actions = useMemo(() => createStopScheduleActions(model), [model]);
  const [days, setDays] = useState<number[]>(WEEKDAYS);
  const [time, setTime] = useState('20:00');
  const [problem, setProblem] = useState<string | null>(null);
  const current = model.profile.value;
  const existing = current
    ? schedulesOfProfile(model.schedules.schedules.value, current.profile)
    : [];

  function toggle(day: number, on: boolean) {
    setDays((list) => (on ? [...list, day] : list.filter((d) => d !== day)).sort((a, b) => a - b));
  }
  function submit(e: Event) {
    e.preventDefault();
    const why = scheduleProblem(days, time);
    setProblem(why);
    if (!why) void actions.add(ids, days, time);
  }

  return (
    <Dialog
      title={t('remScheduleTitle')}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      actions={
        <>
          <button type="button" onClick={() => model.open(null)}>
            {t('cancel')}
          </button>
          <button type="submit" form="stop-schedule-form" class="primary">
            {t('remScheduleAdd')}
          </button>
        </>
      }
    >
      <form id="stop-schedule-form" onSubmit={submit}>
        <p>{t('remScheduleFor', ids.join(', '))}</p>
        <fieldset class="schedule-days">
          <legend>{t('remScheduleDays')}</legend>
          {WEEK_ORDER.map((d) => (
            <label key={d} class="checkbox">
              <input
                type="checkbox"
                data-day={d}
                checked={days.includes(d)}
                onChange={(e) => toggle(d, e.currentTarget.checked)}
              />
              {dayName(d)}
            </label>
          ))}
          <button type="button" onClick={() => setDays(WEEKDAYS)}>
            {t('remScheduleWeekdays')}
          </button>
          <button type="button" onClick={() => setDays(EVERY_DAY)}>
            {t('remScheduleEveryDay')}
          </button>
        </fieldset>
        <div class="field">
          <label for="stop-schedule-time">{t('remScheduleTime')}</label>
          <input
            id="stop-schedule-time"
            type="time"
            required
            value={time}
            onInput={(e) => setTime(e.currentTarget.value)}
          />
        </div>
        {problem && <p class="field-error">{problem}</p>}
        <p class="muted">{t('remScheduleHint')}</p>
      </form>
      <h3>{t('remScheduleExisting')}</h3>
      {existing.length === 0 ? (
        <p class="muted">{t('remScheduleNone')}</p>
      ) : (
        <ul class="stop-schedules">
          {existing.map((s) => (
            <li key={s.id} data-schedule={s.id}>
              {t(
                'remScheduleRow',
                s.instanceIds.join(', '),
                daysLabel(s.days),
                s.time,
                nextLabel(s.nextAt),
              )}{' '}
              <button type="button" onClick={() => void actions.remove(s.id)}>
                {t('remScheduleRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
