import { t } from '../i18n';
import { ProfileSwitcher } from './profile-switcher';

interface Props {
  compact: boolean;
  onOpenInTab: () => void;
}

/** Brand, profile and region switchers, and in the popup the way to the full panel. */
export function AppHeader({ compact, onOpenInTab }: Props) {
  return (
    <header class="app-header">
      <h1 class="brand">
        <img src="/icons/icon-32.png" alt="" width={20} height={20} />
        {t('appHeading')}
      </h1>
      <ProfileSwitcher />
      {compact && (
        <button type="button" class="open-in-tab" title={t('openInTabHint')} onClick={onOpenInTab}>
          {t('openInTab')}
        </button>
      )}
    </header>
  );
}
