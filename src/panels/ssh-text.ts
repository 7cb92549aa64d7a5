// What every Copy SSH says when there is no command to copy (instances panel, popup, launches).
import type { SshRefusal } from '../cloud/ec2/ssh';
import { t } from './i18n';

/** Why there is no SSH command, in the user's words; the cloud's host name shown as text. */
export function sshRefusalText(refusal: SshRefusal): string {
  return refusal.reason === 'no-host' ? t('sshNoHost') : t('sshInvalidHost', refusal.host);
}

/** Writes to the clipboard; false when the browser refuses (then the page shows the text). */
export function copyText(text: string): Promise<boolean> {
  return navigator.clipboard.writeText(text).then(
    () => true,
    () => false,
  );
}
