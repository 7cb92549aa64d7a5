import type { Signal } from '@preact/signals';
import { t } from '../i18n';

/** The search field of a list toolbar: words, and tag:KEY=VALUE terms (tag-filter.ts). */
export function SearchBox({ query, placeholder }: { query: Signal<string>; placeholder?: string }) {
  return (
    <label class="switcher search-label">
      <span>{t('searchLabel')}</span>
      <input
        class="search"
        type="search"
        value={query.value}
        placeholder={placeholder ?? t('taggingSearchPlaceholder')}
        title={t('taggingSearchHint')}
        onInput={(e) => (query.value = e.currentTarget.value)}
      />
    </label>
  );
}
