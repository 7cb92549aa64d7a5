import { t } from '../i18n';

/** The lasting warning of a profile that talks plain HTTP (form, list and header). */
export function HttpWarning({ compact }: { compact?: boolean }) {
  return (
    <p class={compact ? 'http-warning compact' : 'notice warning http-warning'} role="note">
      {t('httpWarning')}
    </p>
  );
}
