import { useEffect, useState } from 'preact/hooks';
import browser from '../../shared/browser';
import { call } from '../../shared/call';
import type { ProfilesView } from '../../shared/messages';
import { t } from '../i18n';

/** The header's profile and region switchers; they follow changes made in any Cirrus page. */
export function ProfileSwitcher() {
  const [view, setView] = useState<ProfilesView | null>(null);

  useEffect(() => {
    const load = () => call('profilesList', {}).then(setView, () => setView(null));
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'profiles' in changes) void load();
    };
    void load();
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  const profiles = view?.profiles ?? [];
  const current = profiles.find((p) => p.id === view?.currentId);
  return (
    <>
      <label class="switcher">
        <span>{t('profileSwitcherLabel')}</span>
        <select
          disabled={profiles.length === 0}
          value={current?.id ?? ''}
          onChange={(e) => void call('profileSetCurrent', { id: e.currentTarget.value })}
        >
          {profiles.length === 0 && <option value="">{t('profileNone')}</option>}
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label class="switcher">
        <span>{t('regionSwitcherLabel')}</span>
        <select disabled>
          <option>{current?.region ?? t('regionNone')}</option>
        </select>
      </label>
    </>
  );
}
