import { useEffect, useState } from 'preact/hooks';
import type { Profile } from '../../cloud/profile';
import { call } from '../../shared/call';
import type { RunningReminder } from '../../storage/items';
import { asError } from '../errors';
import { t } from '../i18n';
import type { ProfilesModel } from './profiles-model';

const MAX_HOURS = 720;

/** Whole hours 0–720 typed in the field, or null. */
export function reminderHours(text: string): number | null {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return null;
  const hours = Number(value);
  return hours <= MAX_HOURS ? hours : null;
}

/**
 * Per EC2 profile: "Notify me when an instance has been running longer than N hours". Kept by the
 * background (src/background/reminders.ts), which looks even with the panel closed.
 */
export function RemindersSection({ model }: { model: ProfilesModel }) {
  const profiles = (model.view.value?.profiles ?? []).filter((p) => p.kind !== 's3');
  const [reminders, setReminders] = useState<Record<string, RunningReminder> | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    call('remindersView', {})
      .then((view) => setReminders(view.reminders))
      .catch((e) => setStatus({ ok: false, text: asError(e).message }));
  }, []);

  async function save(profile: Profile, hours: number | null) {
    setStatus(null);
    try {
      const next = await call('reminderSet', { profileId: profile.id, hours });
      setReminders(next.reminders);
      setStatus({
        ok: true,
        text: t(hours === null ? 'remRemoved' : 'remSaved', profile.name),
      });
    } catch (e) {
      setStatus({ ok: false, text: asError(e).message });
    }
  }

  return (
    <section class="reminders-section" aria-labelledby="reminders-title">
      <h2 id="reminders-title">{t('remSectionTitle')}</h2>
      <p class="muted">{t('remSectionHint')}</p>
      {profiles.length === 0 && <p class="muted">{t('remNoProfiles')}</p>}
      {reminders && (
        <ul class="reminder-list">
          {profiles.map((profile) => (
            <ReminderRow
              key={profile.id}
              profile={profile}
              reminder={reminders[profile.id] ?? null}
              onSave={(hours) => save(profile, hours)}
            />
          ))}
        </ul>
      )}
      {status && (
        <p class={status.ok ? 'notice ok' : 'notice error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
    </section>
  );
}

function ReminderRow({
  profile,
  reminder,
  onSave,
}: {
  profile: Profile;
  reminder: RunningReminder | null;
  onSave: (hours: number | null) => Promise<void>;
}) {
  const [on, setOn] = useState(reminder !== null);
  const [text, setText] = useState(String(reminder?.hours ?? 8));
  const [problem, setProblem] = useState(false);
  const id = `reminder-${profile.id}`;
  return (
    <li data-reminder-profile={profile.id}>
      <form
        class="reminder-row"
        onSubmit={(e) => {
          e.preventDefault();
          const hours = reminderHours(text);
          setProblem(on && hours === null);
          if (!on) void onSave(null);
          else if (hours !== null) void onSave(hours);
        }}
      >
        <strong>{profile.name}</strong>
        <label class="checkbox">
          <input type="checkbox" checked={on} onChange={(e) => setOn(e.currentTarget.checked)} />
          {t('remNotifyLonger')}
        </label>
        <input
          id={id}
          type="text"
          inputMode="numeric"
          size={4}
          value={text}
          disabled={!on}
          aria-label={t('remHoursFor', profile.name)}
          aria-invalid={problem}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <span>{t('remHours')}</span>
        <button type="submit">{t('remSave')}</button>
        {problem && <span class="field-error">{t('remBadHours')}</span>}
      </form>
    </li>
  );
}
