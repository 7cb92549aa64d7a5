import { t } from '../i18n';
import { ProfileSwitcher } from './profile-switcher';
import { SessionStatus } from './session-status';

/** Brand, the profile and region switchers, and the role switcher. */
export function AppHeader() {
  return (
    <header class="app-header">
      <h1 class="brand">
        <img src="/icons/icon-32.png" alt="" width={20} height={20} />
        {t('appHeading')}
      </h1>
      <ProfileSwitcher withRoles />
      <SessionStatus />
    </header>
  );
}
