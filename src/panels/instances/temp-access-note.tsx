import type { TempAccessRule } from '../../storage/items';
import { closesAt } from '../components/temp-access-list';
import { t } from '../i18n';

/** The chosen instance's open temporary access (see "Open SSH for my address"), if any. */
export function TempAccessNote({ rules }: { rules: readonly TempAccessRule[] }) {
  if (rules.length === 0) return null;
  return (
    <section class="details temp-access" aria-label={t('tempAccessHeading')}>
      <h3>{t('tempAccessHeading')}</h3>
      <ul>
        {rules.map((rule) => (
          <li key={rule.id} data-temp-access={rule.id}>
            {t(
              'tempAccessRow',
              String(rule.port),
              rule.cidr,
              rule.byId ? rule.groupId : rule.groupName,
              closesAt(rule),
            )}
            {rule.lastError && ` · ${t('tempAccessRetrying', rule.lastError)}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
