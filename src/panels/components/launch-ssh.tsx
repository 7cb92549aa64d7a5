import { useEffect, useState } from 'preact/hooks';
import { type LaunchOutcome, launchOutcomes } from '../../storage/items';
import { t } from '../i18n';
import { copyText, sshRefusalText } from '../ssh-text';

/**
 * A launch notification opens the panel with `?launch=<outcome id>`. The command comes from the
 * stored outcome, never from the URL, and is copied only when the user clicks Copy: any page
 * that can open a tab could otherwise fill the clipboard.
 */
export function LaunchSsh({ id }: { id: string }) {
  const [outcome, setOutcome] = useState<LaunchOutcome | null | undefined>(undefined);
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => {
    void launchOutcomes.get().then((list) => setOutcome(list.find((o) => o.id === id) ?? null));
  }, [id]);

  if (outcome === undefined) return null;
  if (outcome === null)
    return (
      <p class="banner" role="status">
        {t('launchUnknown')}
      </p>
    );
  const ssh = outcome.ssh;
  if (!outcome.running)
    return (
      <p class="banner" role="status">
        {t('recentFailed', outcome.presetName, outcome.instanceIds.join(', '))}
      </p>
    );
  return (
    <div class="banner launch-ssh" role="status">
      <span>{t('launchSshFor', outcome.presetName, outcome.instanceIds.join(', '))}</span>{' '}
      {ssh ? (
        <>
          <code class="ssh-command">{ssh}</code>{' '}
          <button type="button" onClick={() => void copyText(ssh).then(setCopied)}>
            {t('copy')}
          </button>{' '}
          {copied === true && <span>{t('copied')}</span>}
          {copied === false && <span>{t('clipboardRefused')}</span>}
        </>
      ) : (
        <span>{outcome.sshRefusal ? sshRefusalText(outcome.sshRefusal) : t('sshNoHost')}</span>
      )}
    </div>
  );
}
