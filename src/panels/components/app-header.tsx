import { t } from '../i18n';

interface Props {
  compact: boolean;
  onOpenInTab: () => void;
}

/** Brand, profile and region switchers; the switchers stay empty until a profile exists. */
export function AppHeader({ compact, onOpenInTab }: Props) {
  return (
    <header class="app-header">
      <h1 class="brand">
        <img src="/icons/icon-32.png" alt="" width={20} height={20} />
        {t('appHeading')}
      </h1>
      <label class="switcher">
        <span>{t('profileSwitcherLabel')}</span>
        <select disabled>
          <option>{t('profileNone')}</option>
        </select>
      </label>
      <label class="switcher">
        <span>{t('regionSwitcherLabel')}</span>
        <select disabled>
          <option>{t('regionNone')}</option>
        </select>
      </label>
      {compact && (
        <button type="button" class="open-in-tab" title={t('openInTabHint')} onClick={onOpenInTab}>
          {t('openInTab')}
        </button>
      )}
    </header>
  );
}
