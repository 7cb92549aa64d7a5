// What every settings section shows above its controls: loading, "not supported", or an error.

import { ErrorMessage } from '../../components/error-message';
import { t } from '../../i18n';
import type { SettingSection } from './setting-section';

export function SectionStatus<T>({ section, what }: { section: SettingSection<T>; what: string }) {
  const state = section.state.value;
  if (state === 'loading') return <p class="muted">{t('loading')}</p>;
  if (state === 'unsupported')
    return (
      <p class="notice warning" role="status">
        {t('s3SettingUnsupported', what)}
      </p>
    );
  const error = section.error.value;
  if (!error) return null;
  // A first read that failed leaves nothing to edit: offer the read again, not a dead section.
  const unread = state === 'failed' && section.value.value === null;
  return (
    <div class="section-error">
      <ErrorMessage error={error} />
      {unread && (
        <button type="button" onClick={() => void section.reload()}>
          {t('s3SettingRetry')}
        </button>
      )}
    </div>
  );
}
